// `npm run bench`: performance figures on a throw-away embedded database (SPEC "Performance
// targets"). Prints figures; asserts nothing (these machines are shared and noisy).
//   - directory seed: the ~38,800 organisations (target: under 30 s)
//   - organisation search: latency with 20 concurrent clients (target: p95 under 150 ms)
//   - argon2id: hashes per second on this machine, the ceiling of password logins
import "./load-env";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import path from "node:path";
import { ensureDatabase, freePort, startEmbeddedServer } from "./database/embedded-server";
import { deployMigrations } from "./database/migrations";

const CONCURRENCY = 20;
const SEARCHES = 2_000;
const QUERIES = ["saint etienne", "paris", "42000", "besancon", "l'abergement", "St-Jean", "214202186", "montagne", "vallee", "sur mer", "75056", "ile"];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function report(label: string, samples: number[], target?: string) {
  const sorted = [...samples].sort((a, b) => a - b);
  const mean = samples.reduce((sum, value) => sum + value, 0) / samples.length;
  console.log(
    `${label.padEnd(34)} n=${samples.length} mean=${mean.toFixed(1)}ms p50=${percentile(sorted, 50).toFixed(1)}ms ` +
      `p95=${percentile(sorted, 95).toFixed(1)}ms p99=${percentile(sorted, 99).toFixed(1)}ms${target ? `  (target ${target})` : ""}`,
  );
}

async function main() {
  const dir = mkdtempSync(path.join(tmpdir(), "portail-bench-"));
  chmodSync(dir, 0o755);
  const server = await startEmbeddedServer({ dataDir: path.join(dir, "data"), port: await freePort() });
  try {
    await ensureDatabase(server.url("postgres"), "bench");
    process.env.DATABASE_URL = server.url("bench");
    process.env.DATABASE_POOL_SIZE = String(CONCURRENCY);
    await deployMigrations(process.env.DATABASE_URL);
    const { db } = await import("../lib/db");
    const { seedDirectory } = await import("../prisma/seed/directory");
    const { searchOrganisations } = await import("../lib/organisations/search-organisations");
    const { hashPassword } = await import("../lib/accounts/password-hash");

    console.log(`Machine: ${availableParallelism()} cores, Node ${process.version}`);
    let started = performance.now();
    const written = await seedDirectory(db);
    console.log(`Directory seed (fresh database)     ${written} organisations in ${((performance.now() - started) / 1000).toFixed(1)} s  (target < 30 s)`);
    started = performance.now();
    await seedDirectory(db);
    console.log(`Directory seed (again, idempotent)  ${((performance.now() - started) / 1000).toFixed(1)} s`);
    await db.$executeRawUnsafe("ANALYZE");

    const samples: number[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < SEARCHES) {
          const query = QUERIES[next++ % QUERIES.length];
          const t = performance.now();
          await searchOrganisations(db, query, 20);
          samples.push(performance.now() - t);
        }
      }),
    );
    report(`Organisation search (${CONCURRENCY} clients)`, samples, "p95 < 150 ms");

    // ADM-2: one organisation with 10,000 accounts; the console's list, by page and by search.
    const { listOrganisationAccounts } = await import("../lib/administration/queries");
    const [{ id: organisationId }] = await db.$queryRaw<{ id: string }[]>`SELECT "id" FROM "organisations" WHERE "code" = '42218'`;
    await db.$executeRawUnsafe(`
      INSERT INTO "accounts" ("id", "organisationId", "identifier", "civility", "firstName", "lastName", "email", "role", "status", "updatedAt")
      SELECT gen_random_uuid(), '${organisationId}', 'bench-' || n, 'MADAME', 'Prénom' || (n % 500), 'Nom' || lpad((n % 3000)::text, 4, '0'),
             'bench' || n || '@bench.example', 'USER', (CASE WHEN n % 10 = 0 THEN 'PENDING_VALIDATION' ELSE 'ACTIVE' END)::"AccountStatus", now()
      FROM generate_series(1, 10000) AS n`);
    await db.$executeRawUnsafe("ANALYZE");
    const listSamples: number[] = [];
    const searchSamples: number[] = [];
    let listed = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (listed < 1_000) {
          const turn = listed++;
          const t = performance.now();
          if (turn % 2) {
            await listOrganisationAccounts(db, organisationId, { status: "ACTIVE", page: 1 + (turn % 180) });
            listSamples.push(performance.now() - t);
          } else {
            await listOrganisationAccounts(db, organisationId, { status: "ACTIVE", query: `nom${String(turn % 3000).padStart(4, "0")}` });
            searchSamples.push(performance.now() - t);
          }
        }
      }),
    );
    report(`Accounts list, 10,000 (${CONCURRENCY} clients)`, listSamples, "p95 < 150 ms");
    report(`Accounts search, 10,000 (${CONCURRENCY} clients)`, searchSamples, "p95 < 150 ms");

    const hashes = 20;
    started = performance.now();
    await Promise.all(Array.from({ length: hashes }, (_, i) => hashPassword(`Mot-de-passe-${i}`)));
    const seconds = (performance.now() - started) / 1000;
    console.log(`argon2id (19 MiB, t=2, p=1)          ${(hashes / seconds).toFixed(1)} hashes/s on all cores`);
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
