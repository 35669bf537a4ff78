// BULK-3: welcome e-mails of imported accounts, sent on their opening date (or as soon as
// the import is applied when they have none); BULK-2: the new activation link after an
// e-mail correction, sent on the next nightly run (seed 002).
//
// Decisions:
// - No activation link exists before the welcome e-mail, so the never-activated job (LIFE-3)
//   leaves an account waiting for its opening date alone; an account waiting for its
//   corrected link is skipped by that job too (activationLinkDueAt).
// - One transaction per batch: the tokens, the e-mails and the mark that they were sent, so a
//   crash never sends twice nor forgets one.
// - Welcomes are bulk mail (MAIL-1): claimed for delivery after every transactional message.
//   The template is rendered once per run and filled per person (lib/mail/bulk-template.ts),
//   outside the transactions, which only write a batch of 500 at a time.
// - The imports task and the nightly job send whatever is due.
import "server-only";
import { sendActivationLink } from "../accounts/activation-link";
import { appUrl } from "../app-url";
import { recordAuditEvent } from "../audit/record-audit-event";
import { parisToday } from "../calendar";
import type { Db } from "../db";
import type { Prisma } from "../generated/prisma/client";
import type { RecurringTask, ScheduledJob } from "../jobs/runner";
import { prepareBulkTemplate, type BulkTemplate } from "../mail/bulk-template";
import { enqueuePreparedEmails } from "../mail/outbox";
import type { ImportWelcomeEmailData } from "../mail/templates";
import { SYSTEM_ACTOR } from "../operation";
import { newSecret } from "../security/secrets";
import { issueTokens, TOKEN_TTL_MS } from "../tokens";
import { processImports } from "./apply-import";

const BATCH = 500;

/**
 * The accounts whose welcome is due: created by an import, or invited from the console
 * (DEP-3). Two queries rather than one OR: the imported accounts keep the semi-join plan the
 * 50,000-row imports were measured with.
 */
function dueWelcomes(now: Date): Prisma.AccountWhereInput[] {
  const due: Prisma.AccountWhereInput = {
    status: "PENDING_ACTIVATION",
    welcomeSentAt: null,
    passwordHash: null,
    OR: [{ openingDate: null }, { openingDate: { lte: parisToday(now) } }],
  };
  return [
    { ...due, importRows: { some: { outcome: "CREATED" } } },
    { ...due, invitedAt: { not: null } },
  ];
}

/** The welcome is due today for an account opening on `openingDate` (null: at once). */
export function welcomeDueNow(openingDate: Date | string | null, now: Date): boolean {
  if (!openingDate) return true;
  const day = typeof openingDate === "string" ? new Date(`${openingDate}T00:00:00Z`) : openingDate;
  return day.getTime() <= parisToday(now).getTime();
}

export const recipientSelect = { id: true, identifier: true, email: true, firstName: true, organisationId: true, organisation: { select: { name: true } } } as const;

export type Recipient = Prisma.AccountGetPayload<{ select: typeof recipientSelect }>;

const WELCOME_VARIABLES = ["identifier", "firstName", "organisationName", "activationUrl"] as const;

type WelcomeValues = Pick<ImportWelcomeEmailData, (typeof WELCOME_VARIABLES)[number]>;

function welcomeValues(account: Recipient, token: string): WelcomeValues {
  return {
    identifier: account.identifier,
    firstName: account.firstName,
    organisationName: account.organisation?.name ?? "",
    activationUrl: appUrl(`/activation/${token}`),
  };
}

/** The welcome rendered once (bulk-template.ts), or null when it cannot be filled faithfully. */
async function welcomeTemplate(sample: Recipient): Promise<BulkTemplate<WelcomeValues> | null> {
  return prepareBulkTemplate(
    "import-welcome",
    { resendUrl: appUrl("/activation/renvoyer"), kind: "welcome", expiresInHours: TOKEN_TTL_MS.ACTIVATION / 3_600_000 },
    WELCOME_VARIABLES,
    welcomeValues(sample, newSecret()),
  );
}

/**
 * One batch of welcomes in one short transaction: the accounts still due are marked, their
 * links issued and their messages queued as BULK mail. Tokens and messages are prepared
 * before it: inside, only writes.
 */
async function sendWelcomeBatch(db: Db, batch: Recipient[], template: BulkTemplate<WelcomeValues>, now: Date): Promise<number> {
  const prepared = batch.map((account) => {
    const token = newSecret();
    return { account, token, rendered: template.fill(welcomeValues(account, token)) };
  });
  return db.$transaction(async (tx) => {
    // The accounts were selected as due; what may have changed since is their status or their welcome.
    const marked = await tx.$queryRaw<{ id: string }[]>`
      UPDATE "accounts" SET "welcomeSentAt" = ${now}
      WHERE "id" = ANY(${batch.map((account) => account.id)}::uuid[])
        AND "status" = 'PENDING_ACTIVATION' AND "welcomeSentAt" IS NULL AND "passwordHash" IS NULL
      RETURNING "id"`;
    const ids = new Set(marked.map((row) => row.id));
    const mine = prepared.filter((item) => ids.has(item.account.id));
    if (!mine.length) return 0;
    // As sendActivationLink: this link supersedes one an import correction scheduled (BULK-2).
    await tx.account.updateMany({ where: { id: { in: [...ids] }, activationLinkDueAt: { not: null } }, data: { activationLinkDueAt: null } });
    await issueTokens(tx, { purpose: "ACTIVATION", tokens: mine.map(({ account, token }) => ({ accountId: account.id, token })), now });
    return enqueuePreparedEmails(
      tx,
      mine.map(({ account, rendered }) => ({ to: account.email, template: "import-welcome", rendered })),
      "BULK",
    );
  });
}

/**
 * One welcome (BULK-3), in the caller's transaction: the account is marked as welcomed, its
 * link issued and the e-mail queued as bulk mail, or nothing when the account is no longer
 * waiting for it. An invitation whose account opens today goes through here at once (DEP-3).
 */
export async function sendWelcome(tx: Prisma.TransactionClient, account: Recipient, now: Date): Promise<boolean> {
  const { count } = await tx.account.updateMany({
    where: { id: account.id, status: "PENDING_ACTIVATION", welcomeSentAt: null, passwordHash: null },
    data: { welcomeSentAt: now },
  });
  if (count === 0) return false;
  await sendActivationLink(tx, account, { template: "import-welcome", kind: "welcome" }, now, "BULK");
  return true;
}

/** Sends the welcome e-mails due at `now`, at most `limit`; returns how many were sent. */
export async function sendDueWelcomeEmails(db: Db, now: Date, limit = Number.POSITIVE_INFINITY): Promise<number> {
  let sent = 0;
  let template: BulkTemplate<WelcomeValues> | null | undefined;
  for (const where of dueWelcomes(now)) {
    while (sent < limit) {
      const take = Math.min(BATCH, limit - sent);
      const batch = await db.account.findMany({ where, select: recipientSelect, orderBy: { id: "asc" }, take });
      if (!batch.length) break;
      template = template === undefined ? await welcomeTemplate(batch[0]) : template;
      if (template) {
        sent += await sendWelcomeBatch(db, batch, template, now);
      } else {
        // A template the markers cannot follow: one full rendering per message, as before.
        for (const account of batch) if (await db.$transaction((tx) => sendWelcome(tx, account, now))) sent += 1;
      }
      if (batch.length < take) break;
    }
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

/**
 * An import can multiply the accounts and import rows in a minute, before autovacuum samples
 * them again: planned on the old statistics (a near-empty table), the due-welcomes query
 * turns into a nested loop over both tables and took minutes for 50,000 accounts. Sampling
 * them now costs a fraction of a second. Without the right to (a restricted database role),
 * autovacuum does it a little later.
 */
async function refreshStatistics(db: Db): Promise<void> {
  await db.$executeRawUnsafe(`ANALYZE "accounts", "import_rows"`).catch(() => undefined);
}

/** On every tick: the queued imports, then the welcome e-mails due. */
export const importsTask: RecurringTask = {
  name: "imports",
  async run({ db, now }) {
    const imports = await processImports(db, { budgetMs: 5 * 60_000 });
    if (imports.chunks > 0) await refreshStatistics(db);
    const welcomes = await sendDueWelcomeEmails(db, now);
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
