// Processes and HTTP clients for the several-instances test (scripts/several-instances.cluster.test.ts):
// `npm start`'s server and `npm run worker` started as child processes, a cookie jar, and
// server-action forms submitted the way a browser without JavaScript submits them.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

export interface Started {
  name: string;
  child: ChildProcess;
  /** Everything the process wrote, stdout and stderr. */
  output: string[];
  exited: boolean;
  stop(): Promise<void>;
}

/** Starts `node --import tsx --import server-only-hook <script> args` with `env` on top of a minimal environment. */
export function startProcess(name: string, script: string, args: string[], env: Record<string, string>): Started {
  const child = spawn(process.execPath, ["--import", "tsx", "--import", path.resolve("scripts", "server-only-hook.mjs"), path.resolve(script), ...args], {
    // Only what a shell would give, plus `env`: none of the test run's own variables.
    env: { NODE_ENV: "production", PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const started: Started = {
    name,
    child,
    output: [],
    exited: false,
    async stop() {
      if (started.exited) return;
      const exit = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
      await exit;
      clearTimeout(timer);
    },
  };
  const keep = (chunk: Buffer) => started.output.push(...chunk.toString("utf8").split("\n").filter(Boolean));
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  child.once("exit", () => (started.exited = true));
  return started;
}

export async function waitFor<T>(what: string, check: () => Promise<T | undefined | null | false>, timeoutMs: number, everyMs = 250): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value) return value;
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
  throw new Error(`Délai dépassé : ${what}${lastError ? ` (${String(lastError)})` : ""}`);
}

/** The cookies of one person's browser. */
export class CookieJar {
  private cookies = new Map<string, string>();

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  store(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const index = pair.indexOf("=");
      const name = pair.slice(0, index).trim();
      const value = pair.slice(index + 1).trim();
      if (value === "" || /max-age=0/i.test(line) || /expires=Thu, 01 Jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
}

export interface Client {
  baseUrl: string;
  jar: CookieJar;
  /** The network address this client comes from (X-Forwarded-For; the server trusts one proxy). */
  address: string;
}

export async function get(client: Client, pathname: string, headers: Record<string, string> = {}): Promise<Response> {
  const response = await fetch(new URL(pathname, client.baseUrl), {
    headers: { cookie: client.jar.header(), "x-forwarded-for": client.address, ...headers },
    redirect: "manual",
  });
  client.jar.store(response);
  return response;
}

function decodeEntities(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&amp;/g, "&");
}

function attribute(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name.replace(/[$:]/g, "\\$&")}="([^"]*)"`).exec(tag);
  return match ? decodeEntities(match[1]) : undefined;
}

/**
 * Submits the form of `page` that contains `marker` (a field name or a button's text), as a
 * browser without JavaScript does: its hidden fields (the server action's reference and state)
 * plus `fields`, multipart, to the page's own URL. Answers the response (303 after a redirect,
 * or the page rendered again with the form's state).
 */
export async function submitForm(client: Client, pagePath: string, marker: string, fields: Record<string, string>): Promise<Response> {
  const page = await get(client, pagePath);
  const html = await page.text();
  const forms = html.match(/<form[\s\S]*?<\/form>/g) ?? [];
  const form = forms.find((candidate) => decodeEntities(candidate).includes(marker));
  if (!form) throw new Error(`Aucun formulaire contenant « ${marker} » sur ${pagePath} (${page.status})`);
  const body = new FormData();
  for (const input of form.match(/<input[^>]*>/g) ?? []) {
    const name = attribute(input, "name");
    if (!name || attribute(input, "type") !== "hidden" || name in fields) continue;
    body.append(name, attribute(input, "value") ?? "");
  }
  for (const [name, value] of Object.entries(fields)) body.append(name, value);
  const target = attribute(form.match(/<form[^>]*>/)![0], "action");
  const response = await fetch(new URL(target && target.startsWith("/") ? target : pagePath, client.baseUrl), {
    method: "POST",
    body,
    headers: { cookie: client.jar.header(), origin: client.baseUrl, "x-forwarded-for": client.address },
    redirect: "manual",
  });
  client.jar.store(response);
  return response;
}
