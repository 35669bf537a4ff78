// `npm run dev` / `npm start`: prepares the database, then runs Next.js on 127.0.0.1.
// Without DATABASE_URL the embedded PostgreSQL is started (data in .data/), migrated and,
// on first run, seeded; it is stopped when the app stops, so no database process is left.
//   --fresh   start from an empty embedded database (used by the end-to-end tests)
// `npm start` is production: it refuses to start without a way to deliver e-mails (Resend, or
// an explicit ENABLE_DEV_MAILBOX=1 for a throw-away server) and never loads demo data outside
// a throw-away database (SEC-10, lib/dev-conveniences.ts).
import "./load-env";
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { demoData, demoDataRequested } from "../lib/dev-conveniences";
import { assertReadyToServe, parseEnv } from "../lib/env";
import { appServerEnvironment } from "./app-environment";
import { embeddedDataDir, removeEmbeddedData } from "./database/embedded-server";
import { localAuthSecret } from "./database/local-auth-secret";
import { loadOnFirstRun } from "./database/first-run";
import { deployMigrations } from "./database/migrations";
import { openDatabase } from "./database/open";

const mode = process.argv[2] === "dev" ? "dev" : "start";
const fresh = process.argv.includes("--fresh");
const host = process.env.HOST ?? "127.0.0.1";
const port = process.env.PORT ?? "3000";
const say = (line: string) => console.log(`[portail] ${line}`);

async function main(): Promise<void> {
  const embedded = !process.env.DATABASE_URL;
  const serverEnv = appServerEnvironment({ mode, embedded, env: process.env, host, port, localAuthSecret });
  // Everything that can refuse the start is decided before the database is touched.
  const config = parseEnv(serverEnv);
  assertReadyToServe(config);
  // Demo data (published passwords): `npm run dev` loads it on first run unless SEED_DEMO=0;
  // `npm start` only with SEED_DEMO=1 on a throw-away database, i.e. --fresh on the embedded
  // PostgreSQL (its data directory is deleted just below, so nothing real can be in it):
  // that is the end-to-end test server. Anywhere else in production it is refused.
  const demo = demoData({
    requested: demoDataRequested(process.env.SEED_DEMO, mode === "dev"),
    production: config.NODE_ENV === "production",
    throwAwayDatabase: embedded && fresh,
  });
  if (demo.refusal) throw new Error(demo.refusal);
  if (mode === "start") {
    say(
      config.RESEND_API_KEY
        ? "Courriels envoyés par Resend (RESEND_API_KEY)."
        : "Courriels : aucun envoi, tous lisibles sur /dev/mailbox (ENABLE_DEV_MAILBOX=1, serveur jetable uniquement).",
    );
  }

  if (embedded && fresh) removeEmbeddedData(embeddedDataDir());
  const database = await openDatabase();
  say(embedded ? "PostgreSQL intégré démarré sur 127.0.0.1." : "Base de données : DATABASE_URL.");

  const applied = await deployMigrations(database.url);
  if (applied.length) say(`Migrations appliquées : ${applied.join(", ")}`);
  // One instance loads the first run's data; instances started with it wait, then find it there.
  await loadOnFirstRun(database.url, async () => {
    say(
      demo.seed
        ? "Première exécution : chargement de l'annuaire des organisations, du catalogue et des données de démonstration…"
        : "Première exécution : chargement de l'annuaire des organisations et du catalogue (sans données de démonstration)…",
    );
    // The seed encrypts what it keeps at rest (the demo operator's TOTP key, MFA-1) with the
    // secret the server will read it with.
    process.env.AUTH_SECRET ??= serverEnv.AUTH_SECRET;
    const { seed } = await import("../prisma/seed");
    const { db } = await import("../lib/db");
    const report = await seed(db, { demo: demo.seed, production: config.NODE_ENV === "production", throwAwayDatabase: embedded && fresh });
    await db.$disconnect();
    say(`${report.organisations} organisations, ${report.eServices} e-services, ${report.accounts} comptes.`);
  });

  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...serverEnv, DATABASE_URL: database.url };

  // Our server in front of Next.js resolves the client's address (SEC-2) and serves the
  // OpenID Connect provider at /oidc (SSO-1), in development as in production. It runs under
  // tsx (with the server-only hook) because the provider's modules are TypeScript.
  // APP_SERVER_NODE_FLAGS: Node flags for the server process alone, such as `--cpu-prof`,
  // which NODE_OPTIONS refuses (the HTTP bench's HTTP_BENCH_CPU_PROFILE).
  const nodeFlags = (process.env.APP_SERVER_NODE_FLAGS ?? "").split(" ").filter(Boolean);
  const serverArgs = [...nodeFlags, "--import", "tsx", "--import", path.resolve("scripts", "server-only-hook.mjs"), path.resolve("scripts", "next-server.mjs")];
  const child: ChildProcess = spawn(process.execPath, mode === "dev" ? [...serverArgs, "--dev"] : serverArgs, { stdio: "inherit", env: childEnv });
  say(`Portail disponible sur http://${host}:${port}`);

  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      await new Promise((resolve) => child.once("exit", resolve));
    }
    await database.close();
    process.exit(code);
  };
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => void stop(0));
  child.on("exit", (code) => void stop(code ?? 0));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
