// Issue 17, item 4: several instances. Two app instances (the production build, served by
// `npm start`'s own server, scripts/run-app.ts) and two workers (`npm run worker`; the web
// instances run no jobs, JOBS_IN_PROCESS=0) on one PostgreSQL of their own (Debian's when
// installed, as in the CI server lane), with a stand-in for Resend's HTTP API. Load goes
// through both instances; PostgreSQL is stopped and started again in the middle.
//
// Reuses the production build of the end-to-end lane (`npm test` runs this project last);
// builds when there is none or the code changed since (a few minutes). Ports are free ones, or CLUSTER_APP_PORTS="a,b",
// CLUSTER_STAND_IN_PORT and CLUSTER_PG_PORT.
import AxeBuilder from "@axe-core/playwright";
import { chromium } from "@playwright/test";
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parisClock } from "@/lib/calendar";
import { UNAVAILABLE_TITLE } from "@/lib/database-availability";
import { CookieJar, get, startProcess, submitForm, waitFor, type Client, type Started } from "@/lib/testing/cluster";
import { startRestartablePostgres, type RestartablePostgres } from "@/lib/testing/postgres-server";
import { startResendStandIn, type ResendStandIn } from "@/lib/testing/resend-stand-in";
import { freePort } from "./database/embedded-server";
import { deployMigrations } from "./database/migrations";

const ROWS = 8_000;
const AUTH_SECRET = "secret-du-test-plusieurs-instances-0123456789abcdef";

let postgres: RestartablePostgres;
let standIn: ResendStandIn;
let databaseUrl = "";
let sql: pg.Client;
const processes: Started[] = [];
let instances: { a: string; b: string };
let workers: Started[] = [];
let startedAt: Date;
let organisationId = "";
const people = { administrator: "", target: "" };
const timings: Record<string, number> = {};
let importId = "";

async function ports(): Promise<{ a: number; b: number; standIn: number; postgres: number }> {
  const [a, b] = (process.env.CLUSTER_APP_PORTS ?? "").split(",").map(Number);
  return {
    a: a || (await freePort()),
    b: b || (await freePort()),
    standIn: Number(process.env.CLUSTER_STAND_IN_PORT) || (await freePort()),
    postgres: Number(process.env.CLUSTER_PG_PORT) || (await freePort()),
  };
}

function client(baseUrl: string, address: string, jar = new CookieJar()): Client {
  return { baseUrl, address, jar };
}

async function query<T extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T[]> {
  return (await sql.query<T>(text, values)).rows;
}

async function openSql(): Promise<void> {
  sql = new pg.Client({ connectionString: databaseUrl });
  sql.on("error", () => undefined);
  await sql.connect();
}

/**
 * The production build exists and is newer than every source file it is made of: the one the
 * end-to-end lane just made, in CI. Otherwise (none, or code changed since) the test builds.
 */
function buildIsCurrent(): boolean {
  if (!existsSync(".next/BUILD_ID")) return false;
  const built = statSync(".next/BUILD_ID").mtimeMs;
  const sources = ["app", "components", "lib"].flatMap((folder) =>
    existsSync(folder) ? readdirSync(folder, { recursive: true, encoding: "utf8" }).map((file) => path.join(folder, file)) : [],
  );
  return [...sources, "instrumentation.ts", "proxy.ts", "next.config.mjs"]
    .filter((file) => !/\.test\.tsx?$/.test(file) && !file.startsWith(path.join("lib", "testing")) && existsSync(file) && statSync(file).isFile())
    .every((file) => statSync(file).mtimeMs <= built);
}

function csvOfPeople(count: number): string {
  const letters = (index: number) => {
    let text = "";
    for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) text = String.fromCharCode(97 + ((n - 1) % 26)) + text;
    return text;
  };
  const lines = ["Civilité;Prénom;Nom;Adresse électronique"];
  for (let index = 0; index < count; index += 1) lines.push(`Madame;Éloïse;Grappe-${letters(index)};eloise.${index}@eleves.example`);
  return `${lines.join("\r\n")}\r\n`;
}

beforeAll(async () => {
  const started = Date.now();
  if (!buildIsCurrent()) {
    const build = spawnSync("npm", ["run", "build"], { stdio: "inherit" });
    if (build.status !== 0) throw new Error("npm run build a échoué");
  }
  timings.build = Date.now() - started;
  const port = await ports();

  postgres = await startRestartablePostgres({ port: port.postgres });
  const admin = new pg.Client({ connectionString: postgres.url("postgres") });
  await admin.connect();
  await admin.query("CREATE DATABASE portail");
  await admin.end();
  databaseUrl = postgres.url("portail");
  await deployMigrations(databaseUrl);
  await openSql();

  // Test data through the factories, on this database (lib/db.ts reads DATABASE_URL when first imported).
  process.env.DATABASE_URL = databaseUrl;
  process.env.DATABASE_POOL_SIZE = "2";
  const { createAccount, createOrganisation } = await import("@/lib/testing/factories");
  const organisation = await createOrganisation({ name: "Lycée des Grappes" });
  organisationId = organisation.id;
  people.administrator = (await createAccount({ organisationId, role: "ADMINISTRATOR", identifier: "ines-admin" })).identifier;
  people.target = (await createAccount({ organisationId, identifier: "cible-limite" })).identifier;
  const { db } = await import("@/lib/db");
  await db.$disconnect();

  standIn = await startResendStandIn({ port: port.standIn, requestsPerSecond: 5, latencyMs: 150 });
  const common = {
    NODE_ENV: "production",
    DATABASE_URL: databaseUrl,
    DATABASE_POOL_SIZE: "5",
    AUTH_SECRET,
    RESEND_API_KEY: "re_test_plusieurs_instances",
    RESEND_BASE_URL: standIn.url,
    MAIL_REQUESTS_PER_SECOND: "2",
    MAIL_BATCH_SIZE: "100",
    NEXT_TELEMETRY_DISABLED: "1",
    LOG_LEVEL: "info",
    // What production requires to address people (issue 16 item 3): the address printed in
    // e-mails and letters is the public one, not the instance's own loopback address.
    APP_URL: "https://portail.example",
    SUPPORT_EMAIL: "assistance@portail.example",
    SUPPORT_PHONE: "01 23 45 67 89",
    SUPPORT_HOURS: "du lundi au vendredi, de 9 h à 17 h",
    LETTER_SENDER_NAME: "Syndicat mixte du numérique",
    LETTER_SENDER_ADDRESS: "2 rue de la Poste|42000 SAINT ETIENNE",
    LETTER_CASE_OFFICER: "Le service des e-services",
  };
  instances = { a: `http://127.0.0.1:${port.a}`, b: `http://127.0.0.1:${port.b}` };
  for (const [name, appPort] of [["a", port.a], ["b", port.b]] as const) {
    processes.push(
      startProcess(`instance ${name}`, "scripts/run-app.ts", ["start"], {
        ...common,
        PORT: String(appPort),
        HOST: "127.0.0.1",
        // The web instances serve; the workers run the jobs.
        JOBS_IN_PROCESS: "0",
        // The test's clients come through "a proxy" that names their address.
        TRUSTED_PROXIES: "1",
      }),
    );
  }
  startedAt = new Date();
  workers = [1, 2].map((index) => startProcess(`worker ${index}`, "scripts/worker.ts", [], common));
  processes.push(...workers);
  await Promise.all(
    [instances.a, instances.b].map((base) =>
      waitFor(`${base}/api/health`, async () => (await fetch(`${base}/api/health`)).status === 200, 120_000, 500),
    ),
  ).catch(explain);
  await waitFor("workers started", async () => workers.every((worker) => worker.output.some((line) => line.includes("worker started"))), 60_000).catch(
    explain,
  );
  timings.startUp = Date.now() - started - timings.build;
}, 600_000);

afterAll(async () => {
  await Promise.all(processes.map((started) => started.stop()));
  await sql?.end().catch(() => undefined);
  await standIn?.close();
  await postgres?.destroy();
  console.log(`[plusieurs instances] PostgreSQL : ${postgres?.version} (${postgres?.kind}) ; durées (ms) : ${JSON.stringify(timings)}`);
});

/** Prints the processes' last lines when a test fails: what the servers said is the diagnosis. */
function explain(error: unknown): never {
  for (const started of processes) console.error(`--- ${started.name}${started.exited ? " (arrêté)" : ""}\n${started.output.slice(-30).join("\n")}`);
  throw error;
}

describe("SEC-2 SEC-8 rate limits hold across two instances (issue 17 item 4)", () => {
  it("20 concurrent wrong logins for one identifier, split across both instances, evaluate 5 at most; the right password is then refused too", async () => {
    const t0 = Date.now();
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        submitForm(client(index % 2 ? instances.b : instances.a, `10.1.0.${index + 1}`), "/connexion", "identifier", {
          identifier: people.target,
          password: `mauvais-mot-de-passe-${index}`,
        }).then((response) => response.text()),
      ),
    ).catch(explain);
    const wrong = answers.filter((html) => html.includes("Identifiant ou mot de passe incorrect")).length;
    const limited = answers.filter((html) => html.includes("Trop de tentatives")).length;
    expect(wrong + limited).toBe(20);
    expect(wrong).toBe(5);
    const right = await submitForm(client(instances.b, "10.1.1.1"), "/connexion", "identifier", { identifier: people.target, password: "Ciel-Bleu-2026" });
    expect(await right.text()).toContain("Trop de tentatives");
    const [bucket] = await query<{ points: number }>(`SELECT "points" FROM "rate_limit_buckets" WHERE "key" = $1`, [`login-identifier:${people.target}`]);
    expect(bucket.points).toBe(5);
    timings.rateLimits = Date.now() - t0;
  });
});

describe("BULK-4 MAIL-1 SEC-2 several instances ride out a PostgreSQL restart (issue 17 item 4)", () => {
  const administrator = client("", "10.2.0.1");
  const outage = { html: [] as Response[], json: [] as Response[], bodies: [] as string[], other: [] as string[] };

  it("an import uploaded and confirmed on instance A is applied by the workers while instance B serves its progress", async () => {
    const t0 = Date.now();
    // Signed in on A; the same session cookie opens B (sessions are rows of the shared database).
    administrator.baseUrl = instances.a;
    const login = await submitForm(administrator, "/connexion", "identifier", { identifier: people.administrator, password: "Ciel-Bleu-2026" }).catch(explain);
    expect(login.status, await login.clone().text().then((text) => text.slice(0, 300))).toBe(303);

    const upload = await fetch(`${instances.a}/api/imports?nom=eleves.csv`, {
      method: "POST",
      body: csvOfPeople(ROWS),
      headers: { cookie: administrator.jar.header(), origin: instances.a, "content-type": "text/csv", "x-forwarded-for": administrator.address },
    });
    const uploaded = (await upload.json()) as { importId?: string; location?: string; message?: string };
    expect(upload.status, uploaded.message).toBe(201);
    importId = uploaded.importId!;
    timings.preview = Date.now() - t0;

    const confirmed = await submitForm(administrator, uploaded.location!, "Confirmer l'import", {});
    expect(confirmed.status).toBe(303);
    expect(confirmed.headers.get("location")).toContain("confirme=1");

    // B serves the progress of the import A queued, while a worker applies it.
    const onB = client(instances.b, administrator.address, administrator.jar);
    const progress = await waitFor(
      "a first chunk applied",
      async () => {
        const response = await get(onB, `/api/imports/${importId}/progress`);
        const body = (await response.json()) as { processedRows: number; totalRows: number; status: string };
        return body.processedRows > 0 ? body : null;
      },
      120_000,
      100,
    ).catch(explain);
    expect(progress.totalRows).toBe(ROWS);
    timings.firstChunk = Date.now() - t0;
  });

  it("PostgreSQL stops in the middle of the import and of the welcome e-mails: pages answer a French 503 page, the API a JSON 503, with Retry-After; nothing crashes", async () => {
    // The moment is chosen, not left to chance: the test holds the import's row lock, so the
    // workers (FOR UPDATE SKIP LOCKED) leave the rest of it for later and send the welcomes of
    // the accounts created so far; the stop then finds both under way. Stopping PostgreSQL
    // ends this lock with every other connection.
    await sql.query("BEGIN");
    await sql.query(`SELECT 1 FROM "imports" WHERE "id" = $1 FOR UPDATE`, [importId]);
    const [held] = await query<{ processedRows: number }>(`SELECT "processedRows" FROM "imports" WHERE "id" = $1`, [importId]);
    expect(held.processedRows).toBeGreaterThan(0);
    expect(held.processedRows).toBeLessThan(ROWS);
    await waitFor("some welcomes delivered, others still queued", async () => standIn.delivered.length >= 200, 120_000, 100).catch(explain);

    const t0 = Date.now();
    await postgres.stop();
    await sql.end().catch(() => undefined);
    timings.stop = Date.now() - t0;

    // Load through both instances for the length of the outage.
    const pages = ["/connexion", "/", "/administration/imports", `/administration/imports/${importId}`];
    const until = Date.now() + 8_000;
    const onA = client(instances.a, administrator.address, administrator.jar);
    const onB = client(instances.b, administrator.address, administrator.jar);
    while (Date.now() < until) {
      const round = await Promise.all(
        [onA, onB].flatMap((browser) => [
          ...pages.map((page) => get(browser, page, { accept: "text/html" }).then((response) => ({ kind: "html" as const, response }))),
          get(browser, `/api/imports/${importId}/progress`).then((response) => ({ kind: "json" as const, response })),
          get(browser, "/api/health").then((response) => ({ kind: "json" as const, response })),
        ]),
      );
      for (const { kind, response } of round) {
        const body = await response.text();
        if (response.status !== 503) outage.other.push(`${response.status} ${response.url}`);
        else outage[kind].push(response);
        outage.bodies.push(body);
        if (response.status === 503) {
          expect(response.headers.get("retry-after")).toMatch(/^\d+$/);
          if (kind === "html") {
            expect(response.headers.get("content-type")).toContain("text/html");
            expect(body).toContain('<html lang="fr">');
            expect(body).toContain(UNAVAILABLE_TITLE);
          } else if (!response.url.endsWith("/api/health")) {
            expect(response.headers.get("content-type")).toContain("application/json");
            expect((JSON.parse(body) as { message: string }).message).toContain(UNAVAILABLE_TITLE);
          }
        }
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    // The page as people see it, in a browser: French, titled, and no axe violation (WCAG 2.1 A and AA).
    const browser = await chromium.launch({
      executablePath: process.env.PLAYWRIGHT_CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined),
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
    try {
      const page = await (await browser.newContext({ locale: "fr-FR" })).newPage();
      const answer = await page.goto(`${instances.b}/espace`);
      expect(answer?.status()).toBe(503);
      expect(await page.title()).toContain(UNAVAILABLE_TITLE);
      expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe(UNAVAILABLE_TITLE);
      const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
      expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
    } finally {
      await browser.close();
    }

    // The watcher connection sees the stop before any request: every request of the outage got the 503.
    expect(outage.other).toEqual([]);
    expect(outage.html.length).toBeGreaterThan(20);
    const crashed = processes.filter((started) => started.exited);
    expect(crashed.map((started) => started.name), crashed.map((started) => started.output.slice(-40).join("\n")).join("\n")).toEqual([]);
  });

  it("PostgreSQL comes back: both instances serve again by themselves, the import finishes, and every welcome e-mail is delivered exactly once", async () => {
    const t0 = Date.now();
    await postgres.start();
    await openSql();
    await Promise.all(
      [instances.a, instances.b].map((base) =>
        waitFor(`${base} serves again`, async () => (await fetch(`${base}/connexion`)).status === 200, 30_000, 200),
      ),
    ).catch(explain);
    timings.recovery = Date.now() - t0;

    // The import continues where it was, and B reports it.
    const onB = client(instances.b, administrator.address, administrator.jar);
    const done = await waitFor(
      "the import completed",
      async () => {
        const response = await get(onB, `/api/imports/${importId}/progress`);
        const body = (await response.json()) as { processedRows: number; status: string; createdCount: number };
        return body.status === "COMPLETED" ? body : null;
      },
      120_000,
      500,
    ).catch(explain);
    expect(done.processedRows).toBe(ROWS);
    expect(done.createdCount).toBe(ROWS);
    timings.importDone = Date.now() - t0;

    // Every created account got one welcome, each delivered once: the outbox says SENT, the
    // provider received each message once (the batches cut off by the outage were recorded
    // once the database came back, or replayed under their idempotency key).
    await waitFor(
      "every welcome delivered",
      async () => {
        const [{ pending }] = await query<{ pending: number }>(`SELECT count(*)::int AS pending FROM "outbox_emails" WHERE "status" <> 'SENT'`);
        return pending === 0 && standIn.delivered.length >= ROWS;
      },
      180_000,
      500,
    ).catch(explain);
    const [{ sent }] = await query<{ sent: number }>(`SELECT count(*)::int AS sent FROM "outbox_emails" WHERE "status" = 'SENT'`);
    expect(sent).toBe(ROWS);
    expect(standIn.delivered.length).toBe(ROWS);
    expect(standIn.duplicates()).toBe(0);
    expect(new Set(standIn.delivered.map((email) => email.to)).size).toBe(ROWS);
    const [{ imported }] = await query<{ imported: number }>(
      `SELECT count(*)::int AS imported FROM "accounts" WHERE "organisationId" = $1 AND "welcomeSentAt" IS NOT NULL`,
      [organisationId],
    );
    expect(imported).toBe(ROWS);
    timings.allDelivered = Date.now() - t0;
  });

  it("each scheduled job ran once per period across both workers, and every run is recorded as succeeded", async () => {
    const { SCHEDULED_JOBS } = await import("@/lib/jobs/schedule");
    const { periodKey } = await import("@/lib/jobs/periods");
    const hour = parisClock(startedAt).hour;
    const due = SCHEDULED_JOBS.filter((job) => job.period !== "day" || job.fromHour === undefined || hour >= job.fromHour);
    const runs = await query<{ job: string; periodKey: string; status: string; attempts: number; error: string | null }>(
      `SELECT "job", "periodKey", "status", "attempts", "error" FROM "job_runs"`,
    );
    for (const job of due) {
      expect(runs.filter((run) => run.job === job.name && run.periodKey === periodKey(startedAt, job.period)), job.name).toHaveLength(1);
    }
    expect(runs.filter((run) => run.status !== "SUCCEEDED")).toEqual([]);
    // One attempt each; a second only for a run the restart cut off (handed back, then run again).
    expect(runs.filter((run) => run.attempts !== 1 && !run.error?.startsWith("interrompu"))).toEqual([]);
    // Each success was the work of one worker: the two workers' logs name each run once.
    const successes = workers.flatMap((worker) => worker.output.filter((line) => line.includes('"msg":"job succeeded"')));
    expect(successes).toHaveLength(runs.length);
  });

  it("the login limit reached before the restart still holds after it, on either instance", async () => {
    for (const base of [instances.a, instances.b]) {
      const answer = await submitForm(client(base, "10.3.0.1"), "/connexion", "identifier", { identifier: people.target, password: "Ciel-Bleu-2026" });
      expect(await answer.text()).toContain("Trop de tentatives");
    }
  });
});
