// ADM-2: one organisation with 10,000 accounts; the console's list, by page and by search.
import { listOrganisationAccounts } from "../../lib/administration/queries";
import { CONCURRENCY, report, runConcurrently, type BenchSection } from "./measure";

const section: BenchSection = {
  title: "Administrator's accounts list",
  async run({ db }) {
    const [{ id: organisationId }] = await db.$queryRaw<{ id: string }[]>`SELECT "id" FROM "organisations" WHERE "code" = '42218'`;
    await db.$executeRawUnsafe(`
      INSERT INTO "accounts" ("id", "organisationId", "identifier", "civility", "firstName", "lastName", "email", "role", "status", "updatedAt")
      SELECT gen_random_uuid(), '${organisationId}', 'bench-' || n, 'MADAME', 'Prénom' || (n % 500), 'Nom' || lpad((n % 3000)::text, 4, '0'),
             'bench' || n || '@bench.example', 'USER', (CASE WHEN n % 10 = 0 THEN 'PENDING_VALIDATION' ELSE 'ACTIVE' END)::"AccountStatus", now()
      FROM generate_series(1, 10000) AS n`);
    await db.$executeRawUnsafe("ANALYZE");
    const listSamples: number[] = [];
    const searchSamples: number[] = [];
    await runConcurrently(1_000, async (turn) => {
      const started = performance.now();
      if (turn % 2) {
        await listOrganisationAccounts(db, organisationId, { status: "ACTIVE", page: 1 + (turn % 180) });
        listSamples.push(performance.now() - started);
      } else {
        await listOrganisationAccounts(db, organisationId, { status: "ACTIVE", query: `nom${String(turn % 3000).padStart(4, "0")}` });
        searchSamples.push(performance.now() - started);
      }
    });
    report(`Accounts list, 10,000 (${CONCURRENCY} clients)`, listSamples, "p95 < 150 ms");
    report(`Accounts search, 10,000 (${CONCURRENCY} clients)`, searchSamples, "p95 < 150 ms");
  },
};
export default section;
