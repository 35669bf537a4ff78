// ADM-2: one organisation with 10,000 accounts among 100,000 in 2,000 organisations (SPEC
// performance targets); the console's list, by page and by search.
import { listOrganisationAccounts } from "../../lib/administration/queries";
import { CONCURRENCY, report, runConcurrently, type BenchSection } from "./measure";

const section: BenchSection = {
  title: "Administrator's accounts list",
  async run({ db }) {
    const { id: organisationId } = await db.organisation.create({
      data: { kind: "COMMUNE", name: "Commune du banc d'essai", code: "BENCH-ACCOUNTS", legalRepresentativeTitle: "Maire", postalCodes: ["42000"] },
    });
    await db.$executeRawUnsafe(`
      INSERT INTO "accounts" ("id", "organisationId", "identifier", "civility", "firstName", "lastName", "email", "role", "status", "updatedAt")
      SELECT gen_random_uuid(), '${organisationId}', 'bench-' || n, 'MADAME', 'Prénom' || (n % 500), 'Nom' || lpad((n % 3000)::text, 4, '0'),
             'bench' || n || '@bench.example', 'USER', (CASE WHEN n % 10 = 0 THEN 'PENDING_VALIDATION' ELSE 'ACTIVE' END)::"AccountStatus", now()
      FROM generate_series(1, 10000) AS n`);
    await db.$executeRawUnsafe(`
      INSERT INTO "organisations" ("id", "kind", "name", "code", "legalRepresentativeTitle", "postalCodes", "updatedAt")
      SELECT gen_random_uuid(), 'ASSOCIATION', 'Association du banc ' || n, 'BENCH-ORG-' || n, 'Président', ARRAY['42000'], now()
      FROM generate_series(1, 1999) AS n`);
    await db.$executeRawUnsafe(`
      INSERT INTO "accounts" ("id", "organisationId", "identifier", "civility", "firstName", "lastName", "email", "role", "status", "updatedAt")
      SELECT gen_random_uuid(), o."id", 'bench-' || o."code" || '-' || n, 'MONSIEUR', 'Prénom' || n, 'Nom' || n,
             'bench' || n || '@' || lower(o."code") || '.example', 'USER', 'ACTIVE', now()
      FROM "organisations" o CROSS JOIN generate_series(1, 45) AS n WHERE o."code" LIKE 'BENCH-ORG-%'`);
    await db.$executeRawUnsafe("VACUUM ANALYZE accounts");
    // The console's scope, as requireAdministrator proves it: the list reads only its organisation.
    const administrator = { accountId: "00000000-0000-7000-8000-00000000be00", identifier: "bench-admin", role: "ADMINISTRATOR", organisationId } as const;
    const listSamples: number[] = [];
    const searchSamples: number[] = [];
    await runConcurrently(1_000, async (turn) => {
      const started = performance.now();
      if (turn % 2) {
        await listOrganisationAccounts(administrator, { status: "ACTIVE", page: 1 + (turn % 180) });
        listSamples.push(performance.now() - started);
      } else {
        await listOrganisationAccounts(administrator, { status: "ACTIVE", query: `nom${String(turn % 3000).padStart(4, "0")}` });
        searchSamples.push(performance.now() - started);
      }
    });
    report(`Accounts list, 10,000 (${CONCURRENCY} clients)`, listSamples, "p95 < 150 ms");
    report(`Accounts search, 10,000 (${CONCURRENCY} clients)`, searchSamples, "p95 < 150 ms");
  },
};
export default section;
