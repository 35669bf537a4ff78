// LIFE-3: a registration whose activation link expired unused is deactivated (reason
// NEVER_ACTIVATED), and purged 30 days later.
//
// Decisions:
// - "Expired" means: the account has had at least one activation link and none is still
//   usable (unused, not replaced, not expired). An account that never had a link (an
//   imported account waiting for its opening date, BULK-3) is left alone, and so is an
//   account whose address an import corrected until the nightly run sends its new link.
// - No e-mail: the address was never verified. An audit event records each step.
// - Deactivated then purged only while no usable link exists: someone who asked for a new
//   link (resend-activation accepts NEVER_ACTIVATED accounts, LIFE-4) keeps the account
//   while that link is valid.
// - The purge deletes the account row; tokens, permissions, consents and admin requests go
//   with it (ON DELETE CASCADE), other references are set to null (ON DELETE SET NULL); no
//   table refers to accounts with RESTRICT. The audit log has no foreign keys and keeps the
//   "account.purged" event, which names the identifier only.
// - "30 days" is 30 × 24 hours after the deactivation instant.
import "server-only";
import { recordAuditEvent } from "../audit/record-audit-event";
import { SYSTEM_ACTOR } from "../operation";
import type { Db } from "../db";
import type { Prisma } from "../generated/prisma/client";
import type { ScheduledJob } from "../jobs/runner";

export const NEVER_ACTIVATED_PURGE_DAYS = 30;
const DAY_MS = 86_400_000;
const BATCH_SIZE = 500;

/** No activation link of the account is usable at `now`. */
function noUsableActivationLink(now: Date): Prisma.AccountWhereInput {
  return { tokens: { none: { purpose: "ACTIVATION", usedAt: null, invalidatedAt: null, expiresAt: { gt: now } } } };
}

function expiredRegistrations(now: Date): Prisma.AccountWhereInput {
  return {
    status: "PENDING_ACTIVATION",
    // An address corrected by an import waits for its new link (BULK-2): the old ones were
    // invalidated on purpose.
    activationLinkDueAt: null,
    AND: [{ tokens: { some: { purpose: "ACTIVATION" } } }, noUsableActivationLink(now)],
  };
}

function purgeableRegistrations(now: Date): Prisma.AccountWhereInput {
  return {
    status: "DEACTIVATED",
    deactivationReason: "NEVER_ACTIVATED",
    deactivatedAt: { lte: new Date(now.getTime() - NEVER_ACTIVATED_PURGE_DAYS * DAY_MS) },
    ...noUsableActivationLink(now),
  };
}

export interface NeverActivatedReport {
  deactivated: number;
  purged: number;
}

async function inBatches(
  db: Db,
  where: Prisma.AccountWhereInput,
  handle: (account: { id: string; identifier: string; organisationId: string | null }) => Promise<boolean>,
): Promise<number> {
  let done = 0;
  let cursor: string | undefined;
  for (;;) {
    const batch = await db.account.findMany({
      where: cursor ? { AND: [where, { id: { gt: cursor } }] } : where,
      select: { id: true, identifier: true, organisationId: true },
      orderBy: { id: "asc" },
      take: BATCH_SIZE,
    });
    for (const account of batch) if (await handle(account)) done += 1;
    if (batch.length < BATCH_SIZE) return done;
    cursor = batch[batch.length - 1].id;
  }
}

/** Runs LIFE-3 at `now`: deactivations first, then purges. */
export async function processNeverActivatedAccounts(db: Db, now: Date): Promise<NeverActivatedReport> {
  const deactivated = await inBatches(db, expiredRegistrations(now), (account) =>
    db.$transaction(async (tx) => {
      // Guarded by the same conditions: a new link sent in between keeps the account.
      const { count } = await tx.account.updateMany({
        where: { AND: [{ id: account.id }, expiredRegistrations(now)] },
        data: { status: "DEACTIVATED", deactivationReason: "NEVER_ACTIVATED", deactivatedAt: now },
      });
      if (count === 0) return false;
      await recordAuditEvent(tx, {
        actor: SYSTEM_ACTOR,
        action: "account.deactivated",
        organisationId: account.organisationId,
        target: { type: "account", id: account.id, label: account.identifier },
        details: { reason: "NEVER_ACTIVATED" },
        at: now,
      });
      return true;
    }),
  );

  const purged = await inBatches(db, purgeableRegistrations(now), (account) =>
    db.$transaction(async (tx) => {
      const { count } = await tx.account.deleteMany({ where: { AND: [{ id: account.id }, purgeableRegistrations(now)] } });
      if (count === 0) return false;
      await recordAuditEvent(tx, {
        actor: SYSTEM_ACTOR,
        action: "account.purged",
        organisationId: account.organisationId,
        target: { type: "account", id: account.id, label: account.identifier },
        details: { reason: "NEVER_ACTIVATED" },
        at: now,
      });
      return true;
    }),
  );

  return { deactivated, purged };
}

/** The daily job (LIFE-3), from 02:00 Paris time. */
export const neverActivatedAccountsJob: ScheduledJob = {
  name: "never-activated-accounts",
  period: "day",
  fromHour: 2,
  run: ({ db, now }) => processNeverActivatedAccounts(db, now),
};
