// LIFE-2: accounts nobody has logged into for 16 calendar months are deactivated, after an
// e-mail warning one month before. LIFE-4: deactivation removes the e-service permissions;
// reactivation by a new activation link never gives them back.
//
// Decisions:
// - Every ACTIVE account is concerned, operators included: a dormant staff account is the
//   riskiest kind. An operator has no organisation, so they cannot reactivate through an
//   activation link; their e-mail says to ask another operator instead (LIFE-4).
// - Inactivity counts from the last login, or failing that from the activation, or failing
//   that from the creation.
// - The boundaries are those of the pure function `addMonthsClamped` (Europe/Paris): SQL only
//   preselects candidates with a conservative bound, and each candidate is checked exactly
//   here.
// - An account is never deactivated without having been warned for its current period of
//   inactivity: if the warning could not be sent in time (job stopped, account imported with
//   an old last login), it is sent now and the deactivation waits at least MIN_NOTICE_DAYS.
// - Each account's change, e-mail and audit event are one transaction, guarded by the values
//   read (status, last login, warning date): a login in between wins, and a second run the
//   same day finds nothing to do.
import "server-only";
import { appUrl } from "../app-url";
import { recordAuditEvent } from "../audit/record-audit-event";
import { SYSTEM_ACTOR } from "../operation";
import { addMonthsClamped } from "../calendar";
import type { Db } from "../db";
import type { ScheduledJob } from "../jobs/runner";
import { enqueueEmail } from "../mail/outbox";
import { beforeAccountDeactivation, warnDeputiesOfAdministratorInactivity } from "../deputies/continuity";

export const INACTIVITY_WARNING_MONTHS = 15;
export const INACTIVITY_DEACTIVATION_MONTHS = 16;
/** Shortest notice between a (late) warning and the deactivation it announces. */
export const MIN_NOTICE_DAYS = 14;
const DAY_MS = 86_400_000;
const BATCH_SIZE = 500;

export interface InactivityFacts {
  lastLoginAt: Date | null;
  activatedAt: Date | null;
  createdAt: Date;
  inactivityWarnedAt: Date | null;
}

export type InactivityDecision =
  | { action: "none" }
  | { action: "warn"; reference: Date; deactivationAt: Date }
  | { action: "deactivate"; reference: Date };

/** The instant inactivity is counted from. */
export function inactivityReference(account: Pick<InactivityFacts, "lastLoginAt" | "activatedAt" | "createdAt">): Date {
  return account.lastLoginAt ?? account.activatedAt ?? account.createdAt;
}

/** When an account whose warning was sent at `warnedAt` is deactivated. */
export function inactivityDeactivationDate(reference: Date, warnedAt: Date | null): Date {
  const due = addMonthsClamped(reference, INACTIVITY_DEACTIVATION_MONTHS);
  if (!warnedAt) return due;
  const notice = new Date(warnedAt.getTime() + MIN_NOTICE_DAYS * DAY_MS);
  return notice > due ? notice : due;
}

/** What the daily job does to one ACTIVE account at `now`. Pure. */
export function decideInactivity(account: InactivityFacts, now: Date): InactivityDecision {
  const reference = inactivityReference(account);
  if (now < addMonthsClamped(reference, INACTIVITY_WARNING_MONTHS)) return { action: "none" };
  // A warning sent before the latest login belongs to an earlier period of inactivity.
  const warnedAt = account.inactivityWarnedAt && account.inactivityWarnedAt >= reference ? account.inactivityWarnedAt : null;
  if (!warnedAt) return { action: "warn", reference, deactivationAt: inactivityDeactivationDate(reference, now) };
  if (now >= inactivityDeactivationDate(reference, warnedAt)) return { action: "deactivate", reference };
  return { action: "none" };
}

const candidateSelect = {
  id: true,
  identifier: true,
  email: true,
  firstName: true,
  lastName: true,
  role: true,
  organisationId: true,
  lastLoginAt: true,
  activatedAt: true,
  createdAt: true,
  inactivityWarnedAt: true,
  sessionVersion: true,
  organisation: { select: { name: true } },
} as const;

export interface InactivityReport {
  examined: number;
  warned: number;
  deactivated: number;
}

/** Runs LIFE-2 for every ACTIVE account at `now`. */
export async function processInactiveAccounts(db: Db, now: Date): Promise<InactivityReport> {
  // Whoever is due at `now` has a reference at most 15 months (clamped: up to 3 days less)
  // before it; a few days of margin keep the SQL bound conservative, the exact check is
  // decideInactivity's.
  const bound = new Date(addMonthsClamped(now, -INACTIVITY_WARNING_MONTHS).getTime() + 5 * DAY_MS);
  const report: InactivityReport = { examined: 0, warned: 0, deactivated: 0 };
  let cursor: string | undefined;
  for (;;) {
    const batch = await db.account.findMany({
      where: {
        status: "ACTIVE",
        ...(cursor ? { id: { gt: cursor } } : {}),
        OR: [
          { lastLoginAt: { lt: bound } },
          { lastLoginAt: null, activatedAt: { lt: bound } },
          { lastLoginAt: null, activatedAt: null, createdAt: { lt: bound } },
        ],
      },
      select: candidateSelect,
      orderBy: { id: "asc" },
      take: BATCH_SIZE,
    });
    for (const account of batch) {
      report.examined += 1;
      const decision = decideInactivity(account, now);
      if (decision.action === "warn" && (await warnAccount(db, account, decision, now))) report.warned += 1;
      if (decision.action === "deactivate" && (await deactivateAccount(db, account, decision.reference, now))) report.deactivated += 1;
    }
    if (batch.length < BATCH_SIZE) return report;
    cursor = batch[batch.length - 1].id;
  }
}

type Candidate = {
  id: string;
  identifier: string;
  email: string;
  firstName: string;
  lastName: string;
  role: string;
  organisationId: string | null;
  lastLoginAt: Date | null;
  inactivityWarnedAt: Date | null;
  organisation: { name: string } | null;
};

/** The row is still as it was read: same status, last login and warning. */
function unchanged(account: Candidate) {
  return {
    id: account.id,
    status: "ACTIVE" as const,
    lastLoginAt: account.lastLoginAt,
    inactivityWarnedAt: account.inactivityWarnedAt,
  };
}

async function warnAccount(
  db: Db,
  account: Candidate,
  decision: { reference: Date; deactivationAt: Date },
  now: Date,
): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.account.updateMany({ where: unchanged(account), data: { inactivityWarnedAt: now } });
    if (count === 0) return false;
    await enqueueEmail(tx, account.email, {
      template: "inactivity-warning",
      data: {
        identifier: account.identifier,
        organisationName: account.organisation?.name ?? null,
        lastActivityAt: decision.reference,
        deactivationAt: decision.deactivationAt,
        loginUrl: appUrl("/connexion"),
      },
    });
    // DEP-2: the deputies learn that the administrator may soon be gone.
    const deputiesWarned =
      account.role === "ADMINISTRATOR"
        ? await warnDeputiesOfAdministratorInactivity(tx, { ...account, organisationName: account.organisation?.name ?? null }, decision.deactivationAt)
        : 0;
    await recordAuditEvent(tx, {
      actor: SYSTEM_ACTOR,
      action: "account.inactivity_warned",
      organisationId: account.organisationId,
      target: { type: "account", id: account.id, label: account.identifier },
      details: {
        lastActivityAt: decision.reference.toISOString(),
        deactivationAt: decision.deactivationAt.toISOString(),
        ...(deputiesWarned ? { deputiesWarned } : {}),
      },
      at: now,
    });
    return true;
  });
}

async function deactivateAccount(db: Db, account: Candidate, reference: Date, now: Date): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.account.updateMany({
      where: unchanged(account),
      data: {
        status: "DEACTIVATED",
        deactivationReason: "INACTIVITY",
        deactivatedAt: now,
        sessionVersion: { increment: 1 },
      },
    });
    if (count === 0) return false;
    // DEP-2: a deputy stops being one; an administrator's deputies carry on and are told.
    await beforeAccountDeactivation(tx, account.id, { reason: "INACTIVITY", now });
    // LIFE-4: the permissions go; reactivation does not bring them back.
    const removed = await tx.permission.deleteMany({ where: { accountId: account.id } });
    const isOperator = account.role === "OPERATOR";
    await enqueueEmail(tx, account.email, {
      template: "account-deactivated",
      data: {
        identifier: account.identifier,
        organisationName: account.organisation?.name ?? null,
        reason: "INACTIVITY",
        deactivatedAt: now,
        reactivationUrl: isOperator ? null : appUrl("/activation/renvoyer"),
        contactHint: isOperator
          ? "Votre compte d'opérateur ne peut pas être réactivé par un lien : demandez sa réactivation à un autre opérateur du portail."
          : null,
      },
    });
    await recordAuditEvent(tx, {
      actor: SYSTEM_ACTOR,
      action: "account.deactivated",
      organisationId: account.organisationId,
      target: { type: "account", id: account.id, label: account.identifier },
      details: { reason: "INACTIVITY", lastActivityAt: reference.toISOString(), permissionsRemoved: removed.count },
      at: now,
    });
    return true;
  });
}

/** The daily job (LIFE-2), from 02:00 Paris time. */
export const accountInactivityJob: ScheduledJob = {
  name: "account-inactivity",
  period: "day",
  fromHour: 2,
  run: ({ db, now }) => processInactiveAccounts(db, now),
};
