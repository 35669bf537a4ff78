// DASH-1, DASH-2: the portal's figures per organisation and Paris calendar day, computed by
// one set-based statement for every organisation that has accounts, and for a range of days
// (the daily job computes yesterday, the backfill a year).
//
// Decisions:
// - Idempotent: each (organisation, day, metric) row is upserted, so computing a day again
//   gives the same figures as long as the data it reads has not changed; the monthly
//   roll-ups of the months touched are then recomputed from the days (monthly-figures.ts).
// - A day is [00:00, 24:00) in Europe/Paris, converted by PostgreSQL's time-zone rules: the
//   23-hour and 25-hour days of the clock changes are handled there, not by hand.
// - Accounts by status at the end of a past day are reconstructed from the account's
//   timestamps (created, activated, validated, deactivated) by the one definition the console
//   shares (accounts/account-counts.ts), so that a backfill gives the figures of that day
//   rather than today's, and the last day agrees with the console's counts. An account reactivated since loses its earlier
//   deactivation: the account row keeps no history, and this is an accepted approximation.
// - Permissions are those held today that were granted before the end of the day (a revoked
//   permission leaves no row); logins are the day's login events.
// - Every organisation is computed from its own rows only (GROUP BY organisation): no figure
//   of one organisation can leak into another's.
import "server-only";
import { accountStateAt } from "../accounts/account-counts";
import { Prisma } from "../generated/prisma/client";
import { isDayKey, parisDayKey, shiftDayKey } from "../calendar";
import type { Db } from "../db";
import type { ScheduledJob } from "../jobs/runner";
import { refreshPortalMonthlyFigures } from "./monthly-figures";

export interface PortalFiguresReport {
  from: string;
  to: string;
  rows: number;
}

/** Computes and stores the portal figures of every day from `from` to `to` (inclusive, "YYYY-MM-DD"). */
export async function computePortalFigures(db: Db, from: string, to: string, now: Date = new Date()): Promise<PortalFiguresReport> {
  if (!isDayKey(from) || !isDayKey(to) || from > to) throw new RangeError(`computePortalFigures: période invalide ${from} – ${to}`);
  const rows = await db.$executeRaw`
    WITH days AS (
      SELECT d::date AS day,
             (d AT TIME ZONE 'Europe/Paris') AT TIME ZONE 'UTC' AS starts,
             ((d + interval '1 day') AT TIME ZONE 'Europe/Paris') AT TIME ZONE 'UTC' AS ends
      FROM generate_series(${from}::timestamp, ${to}::timestamp, interval '1 day') AS d
    ),
    states AS (
      SELECT a."organisationId" AS org, days.day,
             ${accountStateAt(Prisma.raw("days.ends"))} AS state
      FROM days JOIN "accounts" a ON a."createdAt" < days.ends AND a."organisationId" IS NOT NULL
    ),
    accounts AS (
      SELECT org, day,
             count(*) FILTER (WHERE state = 'active') AS active,
             count(*) FILTER (WHERE state = 'pending_activation') AS pending_activation,
             count(*) FILTER (WHERE state = 'pending_validation') AS pending_validation,
             count(*) FILTER (WHERE state = 'deactivated') AS deactivated
      FROM states GROUP BY org, day
    ),
    logins AS (
      SELECT e."organisationId" AS org, days.day, count(*) AS n
      FROM days JOIN "login_events" e ON e."createdAt" >= days.starts AND e."createdAt" < days.ends
      WHERE e."organisationId" IS NOT NULL
      GROUP BY 1, 2
    ),
    permissions AS (
      SELECT p."organisationId" AS org, days.day, count(*) AS n
      FROM days JOIN "permissions" p ON p."createdAt" < days.ends
      GROUP BY 1, 2
    )
    INSERT INTO "portal_daily_figures" ("organisationId", "day", "metric", "value", "computedAt")
    SELECT a.org, a.day, m.metric, m.value, ${now}
    FROM accounts a
    LEFT JOIN logins l ON l.org = a.org AND l.day = a.day
    LEFT JOIN permissions p ON p.org = a.org AND p.day = a.day
    CROSS JOIN LATERAL (VALUES
      ('accounts_active', a.active::int),
      ('accounts_pending_activation', a.pending_activation::int),
      ('accounts_pending_validation', a.pending_validation::int),
      ('accounts_deactivated', a.deactivated::int),
      ('logins', COALESCE(l.n, 0)::int),
      ('permissions', COALESCE(p.n, 0)::int)
    ) AS m(metric, value)
    ON CONFLICT ("organisationId", "day", "metric")
    DO UPDATE SET "value" = EXCLUDED."value", "computedAt" = EXCLUDED."computedAt"`;
  // The months these days belong to, rolled up again for the 12-month view (DASH-3). Not in
  // one transaction with the days (a year's backfill outlasts any sensible transaction
  // timeout): both steps are idempotent, so a failed run is simply run again.
  await refreshPortalMonthlyFigures(db, from, to);
  return { from, to, rows };
}

/** The daily job: yesterday's figures, once per Paris day, from 02:00. */
export const portalFiguresJob: ScheduledJob = {
  name: "dashboards.portal-figures",
  period: "day",
  fromHour: 2,
  run: ({ db, now }) => {
    const yesterday = shiftDayKey(parisDayKey(now), -1);
    return computePortalFigures(db, yesterday, yesterday, now);
  },
};

/** Backfill: the `days` days before today (Paris), yesterday included. */
export async function backfillPortalFigures(db: Db, days: number, now: Date = new Date()): Promise<PortalFiguresReport> {
  if (!Number.isInteger(days) || days < 1 || days > 3660) throw new RangeError("backfillPortalFigures: entre 1 et 3660 jours");
  const yesterday = shiftDayKey(parisDayKey(now), -1);
  return computePortalFigures(db, shiftDayKey(yesterday, -(days - 1)), yesterday, now);
}
