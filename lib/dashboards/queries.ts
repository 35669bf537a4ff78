// DASH-1: who sees which dashboard, and the figures of each, always scoped to the viewer's
// organisation as read from the session (never from the request).
//
// - Every active member of an organisation sees the portal's dashboard.
// - A user sees the dashboard of each e-service they may open today (ADM-4's rule:
//   permission + subscription valid today + active e-service, lib/e-services/access).
// - The administrator sees the dashboard of every e-service the organisation is subscribed
//   to today, permission or not.
// - Operators and accounts without an organisation see none: `loadDashboards` says so.
import "server-only";
import { countAccountsByStatus, type AccountCounts } from "../accounts/account-counts";
import type { Viewer } from "../auth/viewer";
import { parisToday } from "../calendar";
import { db } from "../db";
import { Prisma } from "../generated/prisma/client";
import { accessibleEServices } from "../e-services/access/queries";
import type { OperatorActor } from "../operation";
import { validOn } from "../subscriptions/validity";
import { buildEServiceDashboard, buildPortalDashboard, withSummary, type Dashboard } from "./build";
import type { PortalMetric } from "./metrics";
import { periodRange, previousRange, type PeriodKey, type PeriodRange } from "./periods";

export type DashboardViewer = Pick<Viewer, "accountId" | "organisationId" | "organisationName" | "organisationTypeLiaison" | "role">;

export interface VisibleEService {
  id: string;
  slug: string;
  name: string;
}

/** The e-services whose dashboards the viewer may see today, by name. */
export async function visibleEServices(viewer: DashboardViewer, now: Date = new Date()): Promise<VisibleEService[]> {
  const organisationId = viewer.organisationId;
  if (!organisationId || viewer.role === "OPERATOR") return [];
  if (viewer.role === "ADMINISTRATOR") {
    return db.eService.findMany({
      where: { active: true, subscriptions: { some: { organisationId, ...validOn(parisToday(now)) } } },
      select: { id: true, slug: true, name: true },
      orderBy: { name: "asc" },
    });
  }
  return (await accessibleEServices(viewer, now)).map(({ id, slug, name }) => ({ id, slug, name }));
}

export type DashboardsResult =
  | { ok: false; reason: "no_organisation" }
  | {
      ok: true;
      organisation: { id: string; name: string };
      range: PeriodRange;
      /** The period the summaries compare with. */
      previous: PeriodRange;
      dashboards: Dashboard[];
      /** Today's accounts by status, as the console counts them. */
      accounts: AccountCounts;
    };

/** The portal's account metrics and the statuses they count. */
const ACCOUNT_METRIC_STATUS = {
  accounts_active: "ACTIVE",
  accounts_pending_activation: "PENDING_ACTIVATION",
  accounts_pending_validation: "PENDING_VALIDATION",
  accounts_deactivated: "DEACTIVATED",
} as const satisfies Partial<Record<PortalMetric, keyof AccountCounts>>;

interface BucketRow {
  bucket: string;
  metric: string;
  sum: number;
  last: number;
  updated: Date;
}

/**
 * The figures are aggregated by the database, one row per metric and table row (day or
 * month): 30 and 90 days read the daily rows; 12 months read the monthly roll-ups kept by the
 * daily job and the backfill (monthly-figures.ts), 12 rows per metric.
 */
function portalBuckets(organisationId: string, range: PeriodRange) {
  if (range.grouping === "month") {
    return db.$queryRaw<BucketRow[]>`
      SELECT to_char("month", 'YYYY-MM') AS bucket, "metric", "sum"::float8 AS sum, "last"::float8 AS last, "computedAt" AS updated
      FROM "portal_monthly_figures"
      WHERE "organisationId" = ${organisationId}::uuid AND "month" BETWEEN date_trunc('month', ${range.from}::date)::date AND ${range.to}::date`;
  }
  return db.$queryRaw<BucketRow[]>`
    SELECT to_char("day", 'YYYY-MM-DD') AS bucket, "metric", "value"::float8 AS sum, "value"::float8 AS last, "computedAt" AS updated
    FROM "portal_daily_figures"
    WHERE "organisationId" = ${organisationId}::uuid AND "day" BETWEEN ${range.from}::date AND ${range.to}::date`;
}

/**
 * Every e-service's figures of the organisation, one row per e-service, metric and bucket (day
 * or month) or, with `totals`, one per e-service and metric over the whole period (see
 * portalTotals): the caller keeps those the viewer may see.
 */
function eServiceBuckets(organisationId: string, range: PeriodRange, { totals = false } = {}) {
  const format = range.grouping === "month" ? "YYYY-MM" : "YYYY-MM-DD";
  const bucket = totals ? Prisma.sql`to_char(max("day"), ${format})` : Prisma.sql`to_char("day", ${format})`;
  return db.$queryRaw<(BucketRow & { eServiceId: string; label: string | null })[]>`
    SELECT "eServiceId"::text AS "eServiceId", ${bucket} AS bucket, "metric",
           sum("value")::float8 AS sum,
           (array_agg("value" ORDER BY "day" DESC))[1]::float8 AS last,
           (array_agg("label" ORDER BY "day" DESC) FILTER (WHERE "label" IS NOT NULL))[1] AS label,
           max("receivedAt") AS updated
    FROM "e_service_daily_figures"
    WHERE "organisationId" = ${organisationId}::uuid AND "day" BETWEEN ${range.from}::date AND ${range.to}::date
    GROUP BY "eServiceId", "metric"${totals ? Prisma.empty : Prisma.sql`, 2`}`;
}

/**
 * The previous period's figures, which only feed the summaries (`withSummary` reads a flow's
 * total and a level's latest value): one row per metric, holding both, on the period's last
 * bucket that has a figure, instead of every day's row.
 */
function portalTotals(organisationId: string, range: PeriodRange) {
  return range.grouping === "month"
      ? db.$queryRaw<BucketRow[]>`
      SELECT to_char(max("month"), 'YYYY-MM') AS bucket, "metric", sum("sum")::float8 AS sum,
             (array_agg("last" ORDER BY "month" DESC))[1]::float8 AS last, max("computedAt") AS updated
      FROM "portal_monthly_figures"
      WHERE "organisationId" = ${organisationId}::uuid AND "month" BETWEEN date_trunc('month', ${range.from}::date)::date AND ${range.to}::date
      GROUP BY "metric"`
      : db.$queryRaw<BucketRow[]>`
      SELECT to_char(max("day"), 'YYYY-MM-DD') AS bucket, "metric", sum("value")::float8 AS sum,
             (array_agg("value" ORDER BY "day" DESC))[1]::float8 AS last, max("computedAt") AS updated
      FROM "portal_daily_figures"
      WHERE "organisationId" = ${organisationId}::uuid AND "day" BETWEEN ${range.from}::date AND ${range.to}::date
      GROUP BY "metric"`;
}

function newest(rows: { updated: Date }[]): Date | null {
  let found: Date | null = null;
  for (const row of rows) if (!found || row.updated > found) found = row.updated;
  return found;
}

/** Every dashboard the viewer may see, for a period. */
export async function loadDashboards(viewer: DashboardViewer, period: PeriodKey, now: Date = new Date()): Promise<DashboardsResult> {
  const organisationId = viewer.organisationId;
  if (!organisationId || viewer.role === "OPERATOR") return { ok: false, reason: "no_organisation" };
  const range = periodRange(period, now);
  const previous = previousRange(range);

  // Independent reads in parallel; the e-service figures are filtered below, on the server,
  // to the e-services the viewer may see. The previous period feeds the summaries only.
  const [services, portal, serviceRows, portalBefore, serviceRowsBefore, accounts] = await Promise.all([
    visibleEServices(viewer, now),
    portalBuckets(organisationId, range),
    eServiceBuckets(organisationId, range),
    portalTotals(organisationId, previous),
    eServiceBuckets(organisationId, previous, { totals: true }),
    countAccountsByStatus(db, organisationId),
  ]);
  const organisation = { id: organisationId, name: viewer.organisationName ?? "", typeLiaison: viewer.organisationTypeLiaison ?? 0 };

  // The summary's accounts are today's, read with the console's definition: both agree.
  const today = Object.fromEntries(Object.entries(ACCOUNT_METRIC_STATUS).map(([metric, status]) => [metric, accounts[status]]));
  const dashboards: Dashboard[] = [
    withSummary(buildPortalDashboard(range, portal, newest(portal)), buildPortalDashboard(previous, portalBefore, null), today),
  ];
  for (const service of services) {
    const rows = serviceRows.filter((row) => row.eServiceId === service.id);
    const before = serviceRowsBefore.filter((row) => row.eServiceId === service.id);
    dashboards.push(withSummary(buildEServiceDashboard(range, service, rows, newest(rows)), buildEServiceDashboard(previous, service, before, null)));
  }
  return { ok: true, organisation, range, previous, dashboards, accounts };
}

/** The figures API keys of an e-service (DASH-2), newest first; never the secret. */
export function listApiKeys(_operator: OperatorActor, eServiceId: string) {
  return db.eServiceApiKey.findMany({
    where: { eServiceId },
    select: { id: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true, createdBy: { select: { identifier: true } } },
    orderBy: { createdAt: "desc" },
  });
}
