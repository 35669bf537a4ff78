// DASH-3: monthly roll-ups of the portal's daily figures. The 12-month dashboard reads 12 rows
// per metric from `portal_monthly_figures` instead of aggregating 365 daily rows per metric
// on every request (6 metrics: 2,190 rows).
//
// Decisions:
// - The roll-up is recomputed from the daily rows, never incremented: running it again (the
//   daily job retried, a backfill over days already computed) gives the same rows.
// - Months are those of the day keys, which are already Paris calendar days (lib/calendar.ts):
//   a login at 00:30 on the 1st in Paris belongs to the new month even though it is still the
//   previous day in UTC, because its daily row carries the Paris day.
// - Every month touched by [from, to] is recomputed whole, for every organisation, in one
//   statement; months left without any daily row lose their roll-up.
import "server-only";
import { isDayKey } from "../calendar";
import type { Client } from "../operation";

/** Recomputes the monthly roll-ups of every month that `from`..`to` (day keys, inclusive) touches. */
export async function refreshPortalMonthlyFigures(db: Client, from: string, to: string): Promise<number> {
  if (!isDayKey(from) || !isDayKey(to) || from > to) throw new RangeError(`refreshPortalMonthlyFigures: période invalide ${from} – ${to}`);
  const [{ upserted }] = await db.$queryRaw<{ upserted: number }[]>`
    WITH bounds AS (
      SELECT date_trunc('month', ${from}::date)::date AS first,
             (date_trunc('month', ${to}::date) + interval '1 month')::date AS after
    ),
    rolled AS (
      SELECT f."organisationId", date_trunc('month', f."day")::date AS month, f."metric",
             sum(f."value")::int AS sum,
             (array_agg(f."value" ORDER BY f."day" DESC))[1] AS last,
             max(f."computedAt") AS "computedAt"
      FROM "portal_daily_figures" f, bounds
      WHERE f."day" >= bounds.first AND f."day" < bounds.after
      GROUP BY 1, 2, 3
    ),
    removed AS (
      DELETE FROM "portal_monthly_figures" m
      USING bounds
      WHERE m."month" >= bounds.first AND m."month" < bounds.after
        AND NOT EXISTS (SELECT 1 FROM rolled r WHERE r."organisationId" = m."organisationId" AND r.month = m."month" AND r."metric" = m."metric")
    ),
    upserted AS (
      INSERT INTO "portal_monthly_figures" ("organisationId", "month", "metric", "sum", "last", "computedAt")
      SELECT "organisationId", month, "metric", sum, last, "computedAt" FROM rolled
      ON CONFLICT ("organisationId", "month", "metric")
      DO UPDATE SET "sum" = EXCLUDED."sum", "last" = EXCLUDED."last", "computedAt" = EXCLUDED."computedAt"
      RETURNING 1
    )
    SELECT count(*)::int AS upserted FROM upserted`;
  return upserted;
}
