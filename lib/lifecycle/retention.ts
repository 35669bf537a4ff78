// DEP-5: accounts deactivated for inactivity, invalidated by their administrator or closed
// by their owner are anonymised once ACCOUNT_RETENTION_MONTHS (default 36) have passed since
// the deactivation. LIFE-3's purge of registrations never activated is another job and stays
// as it is (30 days, rows deleted).
//
// Decisions:
// - The row stays, for referential integrity (permissions granted, subscriptions signed,
//   imports, tickets and letters point at it), with every personal datum replaced: names by
//   a stable pseudonym ("Personne anonymisée n° 1A2B3C4D", from a hash of the account id, so
//   the same person reads the same everywhere), the e-mail address and the identifier by
//   values no person can have (ID-1 never produces a dot; ".invalid" is a reserved domain),
//   phone, job title, category, notes, password and dates of warnings cleared. Sign-ins,
//   links, second factors, OpenID Connect state and the login history go. Tickets keep their
//   thread without the person's words, letters their status without their content, import
//   rows their outcome without the file's values, and e-mails sent to the address go unless
//   another account still uses it (one person, several organisations: ORG-5).
// - The audit log stays complete: who did what, to whom and when, by id. Its labels and
//   details naming the person (identifier, e-mail address, full name) take the pseudonym,
//   and the address the person acted from is cleared. The log is append-only; its trigger
//   lets exactly this through, in a transaction that says so (`portail.anonymising`).
// - Idempotent, batched, safe to rerun: each account is one transaction guarded by the
//   state read (still deactivated, same deactivation, not anonymised); a rerun finds
//   nothing, and two instances cannot anonymise one account twice.
// - "36 months after the deactivation" is calendar months, clamped like LIFE-2
//   (addMonthsClamped, Europe/Paris); SQL preselects with a margin, the exact check is here.
import "server-only";
import { createHash } from "node:crypto";
import { recordAuditEvent } from "../audit/record-audit-event";
import { addMonthsClamped } from "../calendar";
import type { Db } from "../db";
import { env } from "../env";
import { Prisma } from "../generated/prisma/client";
import type { ScheduledJob } from "../jobs/runner";
import { SYSTEM_ACTOR } from "../operation";

/** The deactivations DEP-5 applies to; NEVER_ACTIVATED belongs to LIFE-3's purge. */
export const ANONYMISED_REASONS = ["INACTIVITY", "INVALIDATED", "CLOSED_BY_OWNER"] as const;
const BATCH_SIZE = 200;
/** Events whose details name people other than their actor and target (an identifier in a list, who confirmed). */
const OTHERS_NAMED = ["admin_request.confirmed", "import.completed"] as const;
const DAY_MS = 86_400_000;

/** The retention period from configuration (ACCOUNT_RETENTION_MONTHS). */
export function retentionMonths(): number {
  return env().ACCOUNT_RETENTION_MONTHS;
}

/** When an account deactivated at `deactivatedAt` is anonymised. */
export function anonymisationDate(deactivatedAt: Date, months: number): Date {
  return addMonthsClamped(deactivatedAt, months);
}

/** The short, stable code of a person's pseudonym. */
export function pseudonymCode(accountId: string): string {
  return createHash("sha256").update(`portail-e-services/pseudonyme/${accountId}`).digest("hex").slice(0, 8).toUpperCase();
}

/** How the journal names an anonymised person. */
export function pseudonymOf(accountId: string): string {
  return `Personne anonymisée n° ${pseudonymCode(accountId)}`;
}

const candidateSelect = {
  id: true,
  identifier: true,
  email: true,
  firstName: true,
  lastName: true,
  organisationId: true,
  deactivatedAt: true,
  deactivationReason: true,
} as const;

type Candidate = Prisma.AccountGetPayload<{ select: typeof candidateSelect }>;

export interface RetentionReport {
  examined: number;
  anonymised: number;
}

/** Runs DEP-5 at `now`: every account due is anonymised. */
export async function processRetention(db: Db, now: Date, months = retentionMonths()): Promise<RetentionReport> {
  // Whoever is due has been deactivated `months` before now at most (clamping moves it by up
  // to 3 days): a few days of margin keep the bound conservative.
  const bound = new Date(addMonthsClamped(now, -months).getTime() + 5 * DAY_MS);
  const report: RetentionReport = { examined: 0, anonymised: 0 };
  let cursor: string | undefined;
  for (;;) {
    const batch = await db.account.findMany({
      where: {
        status: "DEACTIVATED",
        deactivationReason: { in: [...ANONYMISED_REASONS] },
        anonymisedAt: null,
        deactivatedAt: { not: null, lte: bound },
        ...(cursor ? { id: { gt: cursor } } : {}),
      },
      select: candidateSelect,
      orderBy: { id: "asc" },
      take: BATCH_SIZE,
    });
    for (const account of batch) {
      report.examined += 1;
      if (anonymisationDate(account.deactivatedAt!, months) > now) continue;
      if (await anonymiseAccount(db, account, now, months)) report.anonymised += 1;
    }
    if (batch.length < BATCH_SIZE) return report;
    cursor = batch[batch.length - 1].id;
  }
}

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** How a text appears inside a JSON document (quotes and backslashes escaped). */
const asJsonText = (text: string) => JSON.stringify(text).slice(1, -1);

async function anonymiseAccount(db: Db, account: Candidate, now: Date, months: number): Promise<boolean> {
  const pseudonym = pseudonymOf(account.id);
  const email = `${account.id}@anonyme.invalid`;
  return db.$transaction(async (tx) => {
    const { count } = await tx.account.updateMany({
      where: { id: account.id, status: "DEACTIVATED", anonymisedAt: null, deactivatedAt: account.deactivatedAt, deactivationReason: account.deactivationReason },
      data: {
        identifier: `anonyme.${account.id}`,
        firstName: "Personne anonymisée",
        lastName: `n° ${pseudonymCode(account.id)}`,
        email,
        emailVerifiedAt: null,
        phone: null,
        jobTitle: null,
        category: null,
        statusNote: null,
        passwordHash: null,
        inactivityWarnedAt: null,
        adminRoleRequestedAt: null,
        activationLinkDueAt: null,
        mfaEnrolmentDeadline: null,
        sessionVersion: { increment: 1 },
        anonymisedAt: now,
      },
    });
    if (count === 0) return false;
    const where = { accountId: account.id };
    await tx.token.deleteMany({ where });
    await tx.authSession.deleteMany({ where });
    await tx.loginEvent.deleteMany({ where });
    await tx.permission.deleteMany({ where });
    await tx.totpSecret.deleteMany({ where });
    await tx.webAuthnCredential.deleteMany({ where });
    await tx.recoveryCode.deleteMany({ where });
    await tx.mfaChallenge.deleteMany({ where });
    await tx.oidcPayload.deleteMany({ where });
    await tx.oidcLogin.deleteMany({ where });
    await tx.oidcInteractionDecision.deleteMany({ where });
    await tx.supportTicket.updateMany({ where, data: { contactEmail: email, stepsTried: null } });
    await tx.ticketMessage.updateMany({
      where: { authorId: account.id, author: "REQUESTER" },
      data: { body: "[Message effacé : les données personnelles de son auteur ont été anonymisées.]" },
    });
    await tx.letter.updateMany({ where: { adminRequest: { requesterId: account.id }, status: { not: "QUEUED" } }, data: { content: Prisma.DbNull, pdf: null } });
    await tx.$executeRaw`
      UPDATE "import_rows" SET "data" = jsonb_build_object('plan', jsonb_build_object('firstName', 'Personne anonymisée', 'lastName', ${`n° ${pseudonymCode(account.id)}`}::text, 'email', ${email}::text))
      WHERE "accountId" = ${account.id}::uuid`;
    const sharedAddress = await tx.account.count({ where: { email: account.email, anonymisedAt: null } });
    if (!sharedAddress) await tx.outboxEmail.deleteMany({ where: { to: account.email, status: { not: "PENDING" } } });

    // The journal: the only UPDATE its trigger allows, in this transaction only.
    await tx.$executeRaw`SELECT set_config('portail.anonymising', 'on', true)`;
    await tx.$executeRaw`UPDATE "audit_events" SET "actorLabel" = ${pseudonym}, "ipAddress" = NULL WHERE "actorId" = ${account.id}::uuid`;
    await tx.$executeRaw`UPDATE "audit_events" SET "targetLabel" = ${pseudonym} WHERE "targetType" = 'account' AND "targetId" = ${account.id}`;
    // Details naming the person (an identifier in a list, a full name, an address): whole
    // words only, so that "jean-dupont2" is not taken for "jean-dupont". The events looked at
    // are the person's own and those about them (indexed), and the organisation's few events
    // that name other people in their details (OTHERS_NAMED): never a scan of the whole log.
    const fullName = asJsonText(`${account.firstName} ${account.lastName}`);
    const patterns = [
      `(^|[^a-z0-9-])${escapeRegex(account.identifier)}($|[^a-z0-9-])`,
      `(^|[^a-z0-9._%+@-])${escapeRegex(account.email)}($|[^a-z0-9._%+@-])`,
      `(^|[^[:alnum:]])${escapeRegex(fullName)}($|[^[:alnum:]])`,
    ];
    const replacement = `\\1${pseudonym}\\2`;
    await tx.$executeRaw`
      UPDATE "audit_events" SET "details" = regexp_replace(regexp_replace(regexp_replace("details"::text,
          ${patterns[0]}, ${replacement}, 'g'), ${patterns[1]}, ${replacement}, 'g'), ${patterns[2]}, ${replacement}, 'gi')::jsonb
      WHERE "id" IN (
          SELECT "id" FROM "audit_events" WHERE "actorId" = ${account.id}::uuid
          UNION SELECT "id" FROM "audit_events" WHERE "targetId" = ${account.id}
          UNION SELECT "id" FROM "audit_events" WHERE "organisationId" = ${account.organisationId}::uuid AND "action" = ANY(${[...OTHERS_NAMED]}::text[]))
        AND "details" IS NOT NULL
        AND (strpos("details"::text, ${account.identifier}) > 0 OR strpos("details"::text, ${account.email}) > 0
             OR strpos(lower("details"::text), lower(${fullName})) > 0)`;
    await tx.$executeRaw`SELECT set_config('portail.anonymising', 'off', true)`;

    await recordAuditEvent(tx, {
      actor: SYSTEM_ACTOR,
      action: "account.anonymised",
      organisationId: account.organisationId,
      target: { type: "account", id: account.id, label: pseudonym },
      details: { reason: account.deactivationReason, deactivatedAt: account.deactivatedAt!.toISOString(), retentionMonths: months },
      at: now,
    });
    return true;
  });
}

/** The daily job (DEP-5), from 04:00 Paris time, after LIFE-2 and LIFE-3. */
export const accountRetentionJob: ScheduledJob = {
  name: "account-retention",
  period: "day",
  fromHour: 4,
  run: ({ db, now }) => processRetention(db, now),
};
