// One definition of "how many accounts of an organisation are in each state" (issue 16 item 7),
// read by the administrator's console (overview and account tabs) and by the dashboards.
//
// The console and the dashboard used to disagree (3 active / 0 deactivated against 2 / 1 for the
// same organisation): the console read the account's status, while the daily figures rebuilt a
// state from the account's timestamps with rules of their own, as of the end of yesterday. An
// account deactivated today, or one whose timestamps do not tell its status (validated without
// an activation date, waiting for validation without one), was counted differently.
// Now:
// - today's counts come from one query, `countAccountsByStatus`, for the console and for the
//   dashboard's summary alike;
// - the daily figures rebuild the state at the end of a past day with `accountStateAt`, whose
//   rules give exactly the account's status for any instant after its last change, so the
//   history ends where today's counts begin (an integration test compares them).
import "server-only";
import type { Client } from "../operation";
import { Prisma, type AccountStatus } from "../generated/prisma/client";

export type AccountCounts = Record<AccountStatus, number>;

export const ACCOUNT_STATUSES: readonly AccountStatus[] = ["ACTIVE", "PENDING_ACTIVATION", "PENDING_VALIDATION", "DEACTIVATED"];

/** The organisation's accounts per status now (kept by triggers in organisation_account_counts). */
export async function countAccountsByStatus(db: Client, organisationId: string): Promise<AccountCounts> {
  const rows = await db.organisationAccountCount.findMany({ where: { organisationId }, select: { status: true, count: true } });
  const counts = Object.fromEntries(ACCOUNT_STATUSES.map((status) => [status, 0])) as AccountCounts;
  for (const row of rows) counts[row.status] = row.count;
  return counts;
}

/**
 * The state of account `a` at the instant `ends`, as the dashboard metric's suffix ('active',
 * 'pending_activation', 'pending_validation', 'deactivated'), rebuilt from its timestamps for a
 * past day. For any instant after the account's last change it is the account's status, even
 * when a timestamp is missing (an account waiting for validation without an activation date,
 * one waiting for activation that had been activated before), which the former rules missed.
 */
export function accountStateAt(ends: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`CASE
    WHEN a."status" = 'DEACTIVATED' AND COALESCE(a."deactivatedAt", a."updatedAt") < ${ends} THEN 'deactivated'
    WHEN (a."status" = 'ACTIVE' AND COALESCE(a."validatedAt", a."activatedAt", a."createdAt") < ${ends})
      OR (a."status" = 'DEACTIVATED' AND a."validatedAt" < ${ends}) THEN 'active'
    WHEN a."status" = 'PENDING_ACTIVATION' THEN 'pending_activation'
    WHEN a."activatedAt" IS NOT NULL THEN CASE WHEN a."activatedAt" < ${ends} THEN 'pending_validation' ELSE 'pending_activation' END
    WHEN a."status" = 'PENDING_VALIDATION' THEN 'pending_validation'
    ELSE 'pending_activation'
  END`;
}
