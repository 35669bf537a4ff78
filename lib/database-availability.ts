// Whether this process can reach PostgreSQL right now (issue 17, item 4). While it cannot,
// scripts/next-server.mjs answers every request with a French 503 (HTML for pages, JSON for
// /api and /oidc) and a Retry-After, instead of letting each page fail on its own with a 500;
// the app keeps running and serves again by itself once the database answers.
//
// How an outage is noticed, fastest first:
// - a watcher connection (one per web process, idle): PostgreSQL closes it when it stops or
//   restarts, so the process knows before any request fails;
// - the pool of lib/db.ts reports errors of its idle connections (same cause);
// - instrumentation.ts's onRequestError reports a request that failed on an unreachable
//   database (a crash or a network cut, which closes nothing cleanly).
// Once unavailable, a probe tries a fresh connection every second; the first that answers
// `SELECT 1` ends the outage.
//
// The state lives on globalThis under a registered symbol: Next.js bundles its own copy of
// this module (instrumentation, lib/db.ts) while next-server.mjs loads another through tsx,
// and both must read the same flag.
import pg from "pg";

/** Seconds a client is asked to wait before trying again (Retry-After). */
export const RETRY_AFTER_SECONDS = 10;
export const UNAVAILABLE_TITLE = "Service momentanément indisponible";
export const UNAVAILABLE_MESSAGE =
  "Service momentanément indisponible : le portail ne peut pas joindre sa base de données. " +
  "Rien de ce que vous avez enregistré n'est perdu. Réessayez dans quelques instants.";

const PROBE_INTERVAL_MS = 1000;

interface AvailabilityState {
  available: boolean;
  url?: string;
  probing: boolean;
  watcher?: pg.Client;
  log: (event: { msg: string; error?: string }) => void;
}

const KEY = Symbol.for("portail.databaseAvailability");

function state(): AvailabilityState {
  const holder = globalThis as unknown as Record<symbol, AvailabilityState | undefined>;
  return (holder[KEY] ??= { available: true, probing: false, log: () => undefined });
}

export function databaseAvailable(): boolean {
  return state().available;
}

// Codes and kinds that say "the server cannot be reached or went away", as opposed to a
// query's own error: node-postgres socket errors, PostgreSQL's 57P01–57P03 (admin shutdown,
// crash shutdown, cannot connect now) and class 08 (connection exception), Prisma's P1001
// and P1017, and the driver adapter's kinds.
const UNAVAILABLE_CODES = /^(ECONNREFUSED|ECONNRESET|ENOTFOUND|ETIMEDOUT|EPIPE|EHOSTUNREACH|57P0[123]|08\d\d\d|P1001|P1002|P1017)$/;
const UNAVAILABLE_KINDS = /^(DatabaseNotReachable|ConnectionClosed|SocketTimeout)$/;
const UNAVAILABLE_MESSAGES =
  /Connection terminated|terminating connection due to administrator command|the database system is (starting up|shutting down|in recovery mode)|Can't reach database server|Client has encountered a connection error|Connection terminated unexpectedly|server closed the connection unexpectedly/i;

/** Whether an error (Prisma's, the driver adapter's or node-postgres') means the database is unreachable. */
export function isDatabaseUnavailableError(error: unknown): boolean {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length) {
    const current = queue.shift();
    if (!current || typeof current !== "object" || seen.has(current)) continue;
    seen.add(current);
    const record = current as Record<string, unknown>;
    for (const field of ["code", "originalCode"]) {
      if (typeof record[field] === "string" && UNAVAILABLE_CODES.test(record[field] as string)) return true;
    }
    if (typeof record.kind === "string" && UNAVAILABLE_KINDS.test(record.kind)) return true;
    if (typeof record.message === "string" && UNAVAILABLE_MESSAGES.test(record.message)) return true;
    if (typeof record.originalMessage === "string" && UNAVAILABLE_MESSAGES.test(record.originalMessage)) return true;
    queue.push(record.cause, record.meta, (record.meta as Record<string, unknown> | undefined)?.driverAdapterError);
    if (Array.isArray(record.errors)) queue.push(...record.errors);
  }
  return false;
}

/** Reports an error; when it means the database is unreachable, the process switches to 503 until it answers again. */
export function reportDatabaseError(error: unknown): boolean {
  if (!isDatabaseUnavailableError(error)) return false;
  markDatabaseUnavailable(error);
  return true;
}

export function markDatabaseUnavailable(cause?: unknown): void {
  const current = state();
  // Only a process that watches (the web server) serves from this flag; elsewhere (worker,
  // tests) each caller retries on its own.
  if (!current.url) return;
  if (current.available) current.log({ msg: "database unavailable", error: cause === undefined ? undefined : String(cause) });
  current.available = false;
  if (!current.probing) void probe();
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref?.());
}

/** Whether a PostgreSQL server answers a query at `url` (also used by scripts/database to find a running one). */
export async function databaseAnswers(url: string, timeoutMs = 3000): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  client.on("error", () => undefined);
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function probe(): Promise<void> {
  const current = state();
  current.probing = true;
  try {
    while (current.url && !(await databaseAnswers(current.url))) await sleep(PROBE_INTERVAL_MS);
    current.available = true;
    current.log({ msg: "database available again" });
    if (current.url) void openWatcher();
  } finally {
    current.probing = false;
  }
}

async function openWatcher(): Promise<void> {
  const current = state();
  if (!current.url) return;
  const client = new pg.Client({ connectionString: current.url, connectionTimeoutMillis: 3000, keepAlive: true, application_name: "portail-watch" });
  let gone = false;
  const lost = (error?: unknown) => {
    if (gone || !current.url) return;
    gone = true;
    if (current.watcher === client) current.watcher = undefined;
    client.end().catch(() => undefined);
    markDatabaseUnavailable(error ?? "watcher connection closed");
  };
  client.on("error", lost);
  client.on("end", () => lost());
  try {
    await client.connect();
    current.watcher = client;
  } catch (error) {
    lost(error);
  }
}

/**
 * Starts watching the database at `url` for this process (the web server does, at start):
 * one idle connection that PostgreSQL closes when it stops.
 */
export function watchDatabase(url: string, log?: AvailabilityState["log"]): void {
  const current = state();
  current.url = url;
  if (log) current.log = log;
  if (!current.watcher) void openWatcher();
}

/** Stops watching (server shutdown). */
export async function stopWatchingDatabase(): Promise<void> {
  const current = state();
  const watcher = current.watcher;
  current.url = undefined;
  current.watcher = undefined;
  watcher?.removeAllListeners("end");
  await watcher?.end().catch(() => undefined);
}

export interface UnavailableAnswer {
  status: 503;
  headers: Record<string, string>;
  body: string;
}

/**
 * What a request gets while the database is unreachable: JSON for the API, the OpenID
 * provider and clients that ask for JSON, a French page otherwise; always 503 with
 * Retry-After, never cached.
 */
export function unavailableAnswer(path: string, accept = ""): UnavailableAnswer {
  const headers = { "Retry-After": String(RETRY_AFTER_SECONDS), "Cache-Control": "no-store" };
  if (path.startsWith("/api/") || path === "/api" || path.startsWith("/oidc") || (accept.includes("application/json") && !accept.includes("text/html"))) {
    return {
      status: 503,
      headers: { ...headers, "Content-Type": "application/json; charset=utf-8" },
      body: JSON.stringify({ error: "service_unavailable", message: UNAVAILABLE_MESSAGE, retryAfterSeconds: RETRY_AFTER_SECONDS }),
    };
  }
  return { status: 503, headers: { ...headers, "Content-Type": "text/html; charset=utf-8" }, body: UNAVAILABLE_PAGE };
}

// A page of its own, without the app's layout (which reads the session from the database):
// plain HTML and inline styles, so that it needs nothing the outage could take away.
const UNAVAILABLE_PAGE = `<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${UNAVAILABLE_TITLE} – Portail e-services</title>
<style>
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1e293b;background:#f8fafc;line-height:1.5}
main{max-width:40rem;margin:4rem auto;padding:2rem;background:#fff;border:1px solid #cbd5e1;border-radius:.5rem}
h1{font-size:1.75rem;color:#1e3a8a;margin-top:0}
a{color:#1d4ed8;font-weight:600}
a:focus{outline:3px solid #f59e0b;outline-offset:2px}
</style>
</head>
<body>
<main>
<h1>${UNAVAILABLE_TITLE}</h1>
<p>Le portail ne peut pas joindre sa base de données pour le moment. Rien de ce que vous avez déjà enregistré n'est perdu.</p>
<p>Réessayez dans quelques instants : le service reprend de lui-même dès que la base de données répond.</p>
<p><a href="">Réessayer</a></p>
</main>
</body>
</html>
`;
