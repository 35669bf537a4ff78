// BULK-3: welcome e-mails of imported accounts, sent on their opening date (or as soon as
// the import is applied when they have none); BULK-2: the new activation link after an
// e-mail correction, sent on the next nightly run (seed 002).
//
// Decisions:
// - No activation link exists before the welcome e-mail, so the never-activated job (LIFE-3)
//   leaves an account waiting for its opening date alone; an account waiting for its
//   corrected link is skipped by that job too (activationLinkDueAt).
// - One transaction per account: the token, the e-mail and the mark that it was sent, so a
//   crash never sends twice nor forgets one.
// - The imports task sends a bounded number per tick (rendering is the cost); the nightly job
//   sends whatever is due.
import "server-only";
import { sendActivationLink } from "../accounts/activation-link";
import { recordAuditEvent } from "../audit/record-audit-event";
import { parisToday } from "../calendar";
import type { Db } from "../db";
import type { Prisma } from "../generated/prisma/client";
import type { RecurringTask, ScheduledJob } from "../jobs/runner";
import { SYSTEM_ACTOR } from "../operation";
import { processImports } from "./apply-import";

const BATCH = 200;
const CONCURRENCY = 4;

function dueWelcomes(now: Date): Prisma.AccountWhereInput {
  return {
    status: "PENDING_ACTIVATION",
    welcomeSentAt: null,
    passwordHash: null,
    importRows: { some: { outcome: "CREATED" } },
    OR: [{ openingDate: null }, { openingDate: { lte: parisToday(now) } }],
  };
}

const recipientSelect = { id: true, identifier: true, email: true, firstName: true, organisationId: true, organisation: { select: { name: true } } } as const;

/** Sends the welcome e-mails due at `now`, at most `limit`; returns how many were sent. */
export async function sendDueWelcomeEmails(db: Db, now: Date, limit = Number.POSITIVE_INFINITY): Promise<number> {
  let sent = 0;
  while (sent < limit) {
    const batch = await db.account.findMany({ where: dueWelcomes(now), select: recipientSelect, orderBy: { id: "asc" }, take: Math.min(BATCH, limit - sent) });
    if (!batch.length) break;
    // A few transactions at once, so that the database round-trips overlap the rendering.
    let next = 0;
    await Promise.all(
      Array.from({ length: Math.min(CONCURRENCY, batch.length) }, async () => {
        while (next < batch.length) {
          const account = batch[next++];
          const done = await db.$transaction(async (tx) => {
            // The account was selected as due; what may have changed since is its status or its welcome.
            const { count } = await tx.account.updateMany({
              where: { id: account.id, status: "PENDING_ACTIVATION", welcomeSentAt: null, passwordHash: null },
              data: { welcomeSentAt: now },
            });
            if (count === 0) return false;
            await sendActivationLink(tx, account, { template: "import-welcome", kind: "welcome" }, now);
            return true;
          });
          if (done) sent += 1;
        }
      }),
    );
    if (batch.length < BATCH) break;
  }
  return sent;
}

/** BULK-2: the new activation links of the addresses corrected by an import. */
export async function sendCorrectedActivationLinks(db: Db, now: Date): Promise<number> {
  const accounts = await db.account.findMany({
    where: { activationLinkDueAt: { not: null, lte: now }, status: "PENDING_ACTIVATION" },
    select: { ...recipientSelect, activationLinkDueAt: true },
  });
  let sent = 0;
  for (const account of accounts) {
    const done = await db.$transaction(async (tx) => {
      const { count } = await tx.account.updateMany({
        where: { id: account.id, activationLinkDueAt: account.activationLinkDueAt, status: "PENDING_ACTIVATION" },
        data: { activationLinkDueAt: null },
      });
      if (count === 0) return false;
      await sendActivationLink(tx, account, { template: "import-welcome", kind: "corrected" }, now);
      await recordAuditEvent(tx, {
        actor: SYSTEM_ACTOR,
        action: "account.activation_link_sent",
        organisationId: account.organisationId,
        target: { type: "account", id: account.id, label: account.identifier },
        details: { reason: "email_corrected_by_import" },
        at: now,
      });
      return true;
    });
    if (done) sent += 1;
  }
  // A link due for an account that is no longer waiting for one is simply dropped.
  await db.account.updateMany({ where: { activationLinkDueAt: { not: null, lte: now }, status: { not: "PENDING_ACTIVATION" } }, data: { activationLinkDueAt: null } });
  return sent;
}

/** On every tick: the queued imports, then a bounded number of welcome e-mails. */
export const importsTask: RecurringTask = {
  name: "imports",
  async run({ db, now }) {
    const imports = await processImports(db, { budgetMs: 5 * 60_000 });
    const welcomes = await sendDueWelcomeEmails(db, now, 500);
    return { ...imports, welcomes };
  },
};

/** The nightly run (BULK-2, BULK-3), before the never-activated job of 02:00. */
export const importsNightlyJob: ScheduledJob = {
  name: "imports-nightly",
  period: "day",
  fromHour: 1,
  async run({ db, now }) {
    const links = await sendCorrectedActivationLinks(db, now);
    const welcomes = await sendDueWelcomeEmails(db, now);
    return { links, welcomes };
  },
};
