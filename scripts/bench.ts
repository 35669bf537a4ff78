// `npm run bench [-- name…]`: performance figures on a throw-away embedded database (SPEC
// "Performance targets"). Each section is a file in scripts/bench/ named NN-topic.ts, run in
// order on the same database (later sections build on the data of earlier ones); arguments
// select sections by topic; `--json FILE` asks the sections that have figures to give as JSON
// (e.g. `npm run bench -- mail --json mail.json`) to write them there. Prints figures;
// asserts nothing (these machines are shared and noisy).
import "./load-env";
import { randomBytes } from "node:crypto";
import { chmodSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { ensureDatabase, freePort, startEmbeddedServer } from "./database/embedded-server";
import { deployMigrations } from "./database/migrations";
import { CONCURRENCY, type BenchSection } from "./bench/measure";

async function main() {
  const args = process.argv.slice(2);
  const jsonAt = args.indexOf("--json");
  const jsonFile = jsonAt >= 0 ? args[jsonAt + 1] : undefined;
  if (jsonAt >= 0 && !jsonFile) throw new Error("--json: give the file to write, e.g. --json mail.json");
  const wanted = jsonAt >= 0 ? [...args.slice(0, jsonAt), ...args.slice(jsonAt + 2)] : args;
  const sectionsDir = path.join(import.meta.dirname, "bench");
  const files = readdirSync(sectionsDir)
    .filter((file) => /^\d+-.+\.ts$/.test(file))
    .sort()
    .filter((file) => wanted.length === 0 || wanted.some((name) => file.includes(name)));

  const dir = mkdtempSync(path.join(tmpdir(), "portail-bench-"));
  chmodSync(dir, 0o755);
  // BENCH_PG_PORT: a fixed port, for machines where each person is given their own.
  const pgPort = process.env.BENCH_PG_PORT ? Number(process.env.BENCH_PG_PORT) : await freePort();
  const server = await startEmbeddedServer({ dataDir: path.join(dir, "data"), port: pgPort });
  try {
    await ensureDatabase(server.url("postgres"), "bench");
    const databaseUrl = server.url("bench");
    process.env.DATABASE_URL = databaseUrl;
    process.env.DATABASE_POOL_SIZE = String(CONCURRENCY);
    // Tokens and codes are hashed with a key derived from AUTH_SECRET (SEC-12): a throw-away
    // one for this throw-away database.
    process.env.AUTH_SECRET ??= randomBytes(32).toString("base64url");
    await deployMigrations(databaseUrl);
    const { db } = await import("../lib/db");
    // Other work on the machine skews every figure: say how busy it was.
    console.log(`Machine: ${availableParallelism()} cores, Node ${process.version}, load average ${loadavg()[0].toFixed(1)} at start`);
    for (const file of files) {
      const section = ((await import(pathToFileURL(path.join(sectionsDir, file)).href)) as { default: BenchSection }).default;
      console.log(`\n# ${section.title}`);
      await section.run({ db, databaseUrl, jsonFile: jsonFile && path.resolve(jsonFile) });
    }
    await db.$disconnect();
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
