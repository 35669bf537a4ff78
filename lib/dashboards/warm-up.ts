// DASH-4 (SPEC "Performance targets": a dashboard export under 1 s, the first one after
// start-up included). What a fresh server process pays on its first export, paid at start-up
// instead (instrumentation.ts); scripts/next-server.mjs loads the route's own modules.
//
// - V8 compiles and optimises React-PDF's layout, pagination, text shaping and PDF writer as
//   they run, over several renders: a process that has rendered only the small page of
//   `preparePdfRendering` took 1.5 to 2 times as long over its first dashboards export as over
//   the next one (HTTP bench, 12 months). React-PDF is one instance per process (external to
//   the server bundle), so a render here warms it for the route.
// - Prisma plans each statement the first time it sees it, and the pool opens connections.
import "server-only";
import { renderToBuffer } from "@react-pdf/renderer";
import { dayKeysBetween, monthKeysBetween } from "../calendar";
import { registerPdfFonts } from "../letters/pdf-fonts";
import { buildEServiceDashboard, buildPortalDashboard, withSummary, type BucketFigure } from "./build";
import { PORTAL_METRICS } from "./metrics";
import { dashboardsPdfElement, type DashboardsPdfData } from "./pdf-document";
import { PERIODS, periodRange, previousRange, type PeriodKey, type PeriodRange } from "./periods";
import { loadDashboards } from "./queries";

/**
 * Figures made up for the warm-up, shaped like an organisation's: every portal figure, an
 * e-service with two series and one with a single series, on every row of the period and of
 * the previous one, some missing, some fractional, so that the document has every kind of
 * chart, table and summary box the export draws.
 */
export function sampleDashboardsPdfData(period: PeriodKey, now: Date = new Date()): DashboardsPdfData {
  const range = periodRange(period, now);
  const previous = previousRange(range);
  const figures = (of: PeriodRange, metrics: readonly string[], label?: (metric: string) => string): BucketFigure[] =>
    (of.grouping === "day" ? dayKeysBetween(of.from, of.to) : monthKeysBetween(of.from, of.to)).flatMap((bucket, row) =>
      metrics.flatMap((metric, column) => {
        if ((row + column) % 11 === 3) return [];
        const value = 40 + ((row * 37 + column * 101) % 900) + (column % 2 ? 0.5 : 0);
        return [{ bucket, metric, sum: value, last: value, label: label?.(metric) ?? null }];
      }),
    );
  const updatedAt = new Date(now.getTime() - 6 * 3_600_000);
  const services = [
    { slug: "exemple-etat-civil", name: "État civil", metrics: ["actes", "demandes"] },
    { slug: "exemple-urbanisme", name: "Urbanisme", metrics: ["dossiers"] },
  ];
  const label = (metric: string) => `${metric[0].toUpperCase()}${metric.slice(1)} reçus`;
  const dashboards = [
    withSummary(
      buildPortalDashboard(range, figures(range, PORTAL_METRICS), updatedAt),
      buildPortalDashboard(previous, figures(previous, PORTAL_METRICS), null),
      { accounts_active: 1234, accounts_pending_activation: 56, accounts_pending_validation: 7, accounts_deactivated: 89 },
    ),
    ...services.map((service) =>
      withSummary(
        buildEServiceDashboard(range, service, figures(range, service.metrics, label), updatedAt),
        buildEServiceDashboard(previous, service, figures(previous, service.metrics, label), null),
      ),
    ),
  ];
  return { organisation: { name: "Commune d'Exemple-sur-Mer" }, range, previous, dashboards, exportedAt: now };
}

/**
 * Renders the dashboards document of the day-by-day and the month-by-month views with the
 * made-up figures, twice each: V8 is still optimising after the first round, and the second
 * brings the first real export closer to the next ones (2 to 3 s of CPU in all on the 2-core
 * machines of the project). The 90-day view runs the same code as the 30-day one, longer: it
 * would add seconds for little.
 */
export async function warmDashboardsPdf(now: Date = new Date()): Promise<void> {
  registerPdfFonts();
  for (const period of ["30j", "12m", "30j", "12m"] as const) await renderToBuffer(dashboardsPdfElement(sampleDashboardsPdfData(period, now)));
}

/** An id no organisation or account has (the nil UUID): the warm-up's reads find nothing. */
const NOBODY = "00000000-0000-0000-0000-000000000000";

/**
 * Runs the export's reads, for both kinds of viewer that have dashboards and every period, for
 * an organisation that does not exist: the statements are planned and nothing is read or
 * written.
 */
export async function warmDashboardsQueries(now: Date = new Date()): Promise<void> {
  for (const role of ["ADMINISTRATOR", "USER"] as const) {
    for (const period of PERIODS) await loadDashboards({ accountId: NOBODY, organisationId: NOBODY, organisationName: null, role }, period, now);
  }
}
