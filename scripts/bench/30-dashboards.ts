// DASH-1, DASH-4: 2,000 onboarded organisations with a year of daily portal figures; the
// dashboard data query (20 concurrent clients) and the PDF export of a 12-month dashboard.
import { exportDashboardsPdf } from "../../lib/dashboards/export";
import { PORTAL_METRICS } from "../../lib/dashboards/metrics";
import { parisDayKey, shiftDayKey } from "../../lib/calendar";
import { loadDashboards, type DashboardViewer } from "../../lib/dashboards/queries";
import { computePortalFigures } from "../../lib/dashboards/portal-figures";
import { refreshPortalMonthlyFigures } from "../../lib/dashboards/monthly-figures";
import { line, report, runConcurrently, timed, type BenchSection } from "./measure";

const ORGANISATIONS = 2_000;

const section: BenchSection = {
  title: "Dashboards",
  async run({ db }) {
    const yesterday = shiftDayKey(parisDayKey(new Date()), -1);
    const from = shiftDayKey(yesterday, -399);
    const metrics = `ARRAY[${PORTAL_METRICS.map((metric) => `'${metric}'`).join(", ")}]`;

    const setup = await timed(async () => {
      // Run alone (`npm run bench -- dashboards`), the directory section has not filled the table.
      await db.$executeRawUnsafe(`
        INSERT INTO "organisations" ("id", "kind", "name", "code", "legalRepresentativeTitle", "postalCodes", "updatedAt")
        SELECT gen_random_uuid(), 'COMMUNE', 'Commune de mesure ' || n, 'BENCH' || lpad(n::text, 5, '0'), 'Maire', ARRAY['01000'], now()
        FROM generate_series(1, greatest(0, ${ORGANISATIONS} - (SELECT count(*) FROM "organisations"))) AS n`);
      await db.$executeRawUnsafe(`
        CREATE TEMP TABLE bench_orgs AS
        SELECT id FROM "organisations" ORDER BY "code" LIMIT ${ORGANISATIONS}`);
      // One administrator and one user per organisation, an e-service they all subscribe to.
      await db.$executeRawUnsafe(`
        INSERT INTO "accounts" ("id", "organisationId", "identifier", "civility", "firstName", "lastName", "email", "role", "status", "activatedAt", "validatedAt", "createdAt", "updatedAt")
        SELECT gen_random_uuid(), o.id, 'dash-' || r.n || '-' || row_number() OVER (), 'MADAME', 'Prénom', 'Nom', 'dash' || row_number() OVER () || '@bench.example',
               (CASE WHEN r.n = 1 THEN 'ADMINISTRATOR' ELSE 'USER' END)::"AccountRole", 'ACTIVE', now() - interval '500 days', now() - interval '500 days', now() - interval '500 days', now()
        FROM bench_orgs o CROSS JOIN generate_series(1, 2) AS r(n)`);
      await db.$executeRawUnsafe(`
        INSERT INTO "e_services" ("id", "slug", "name", "description", "url", "termsText", "updatedAt")
        VALUES (gen_random_uuid(), 'bench-dash', 'Service de mesure', 'd', 'https://bench.example/', 't', now())`);
      await db.$executeRawUnsafe(`
        INSERT INTO "subscriptions" ("id", "organisationId", "eServiceId", "startDate", "termsAcceptedAt", "updatedAt")
        SELECT gen_random_uuid(), o.id, (SELECT id FROM "e_services" WHERE slug = 'bench-dash'), DATE '2020-01-01', now(), now() FROM bench_orgs o`);
      // A year (and some) of daily portal figures per organisation, and two e-service metrics.
      await db.$executeRawUnsafe(`
        INSERT INTO "portal_daily_figures" ("organisationId", "day", "metric", "value", "computedAt")
        SELECT o.id, d::date, m, (abs(hashtext(o.id::text || d::text || m)) % 200), now()
        FROM bench_orgs o CROSS JOIN generate_series(DATE '${from}', DATE '${yesterday}', interval '1 day') AS d CROSS JOIN unnest(${metrics}) AS m`);
      await db.$executeRawUnsafe(`
        INSERT INTO "e_service_daily_figures" ("eServiceId", "organisationId", "day", "metric", "label", "value", "receivedAt")
        SELECT (SELECT id FROM "e_services" WHERE slug = 'bench-dash'), o.id, d::date, m, initcap(m), (abs(hashtext(o.id::text || d::text || m)) % 90), now()
        FROM bench_orgs o CROSS JOIN generate_series(DATE '${from}', DATE '${yesterday}', interval '1 day') AS d CROSS JOIN unnest(ARRAY['demandes', 'dossiers']) AS m`);
      await refreshPortalMonthlyFigures(db, from, yesterday);
      await db.$executeRawUnsafe("ANALYZE");
    });
    const rows = await db.portalDailyFigure.count();
    line("Setup (2,000 organisations, 400 days)", `${rows.toLocaleString("en")} portal rows in ${setup.seconds.toFixed(1)} s`);

    const administrators = await db.account.findMany({
      where: { identifier: { startsWith: "dash-1-" } },
      select: { id: true, organisationId: true, organisation: { select: { name: true } } },
    });
    const viewers: DashboardViewer[] = administrators.map((account) => ({
      accountId: account.id,
      organisationId: account.organisationId,
      organisationName: account.organisation?.name ?? null,
      role: "ADMINISTRATOR",
    }));

    const periods = ["30j", "90j", "12m"] as const;
    const alone = await runConcurrently(60, (turn) => loadDashboards(viewers[(turn * 17) % viewers.length], periods[turn % 3]), 1);
    report("Dashboard data, one client alone", alone);
    const samples = await runConcurrently(600, (turn) => loadDashboards(viewers[(turn * 7) % viewers.length], periods[turn % 3]));
    report("Dashboard data, portal + 1 e-service", samples, "p95 < 150 ms");
    const yearSamples = await runConcurrently(300, (turn) => loadDashboards(viewers[(turn * 13) % viewers.length], "12m"));
    report("Dashboard data, 12 months", yearSamples, "p95 < 150 ms");

    await exportDashboardsPdf(viewers[0], "12m"); // fonts loaded once per process
    const pdfSamples: number[] = [];
    let size = 0;
    for (let turn = 0; turn < 10; turn++) {
      const { value, seconds } = await timed(() => exportDashboardsPdf(viewers[turn * 11], "12m"));
      pdfSamples.push(seconds * 1000);
      if (value.ok) size = value.pdf.length;
    }
    report("PDF export, 12 months (sequential)", pdfSamples, "< 1 s");
    line("PDF size", `${(size / 1024).toFixed(0)} KiB`);

    const job = await timed(() => computePortalFigures(db, yesterday, yesterday));
    line("Daily job, 1 day x 2,000 organisations", `${job.value.rows} rows in ${(job.seconds * 1000).toFixed(0)} ms`);
  },
};
export default section;
