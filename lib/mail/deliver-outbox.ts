// Sends what the outbox holds (MAIL-1), on every tick of every job runner. Several instances
// may run it at once: each claims its own rows with FOR UPDATE SKIP LOCKED and a short lease,
// sends them outside any transaction, then records the outcome. A failure is retried with
// exponential back-off; after MAX_ATTEMPTS the message is marked FAILED for an operator.
import "server-only";
import type { Db } from "../db";
import { Prisma } from "../generated/prisma/client";
import type { RecurringTask } from "../jobs/runner";
import { mailSenderFromEnv, type MailSender, type OutgoingEmail } from "./senders";

export const BATCH_SIZE = 20;
export const MAX_ATTEMPTS = 8;
/** Time a claimed message is kept from other instances while this one sends it. */
export const LEASE_MS = 5 * 60_000;
const FIRST_RETRY_MS = 60_000;
const MAX_RETRY_MS = 6 * 3_600_000;

export interface DeliverOptions {
  batchSize?: number;
  maxAttempts?: number;
  leaseMs?: number;
}

export interface DeliveryReport {
  claimed: number;
  sent: number;
  retried: number;
  failed: number;
}

/** Delay before the next try after the `attempts`-th failed one: 1, 2, 4, 8… minutes, at most 6 hours. */
export function retryDelayMs(attempts: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** Math.max(attempts - 1, 0), MAX_RETRY_MS);
}

/** A JS date as a `timestamp(3)` value: Prisma stores UTC, whatever the session's time zone. */
function utc(date: Date): Prisma.Sql {
  return Prisma.sql`(${date.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;
}

interface ClaimedRow extends OutgoingEmail {
  attempts: number;
}

/**
 * Claims the due messages: one statement, hence one short transaction. Rows another instance
 * holds are skipped; the claimed ones get a lease (nextAttemptAt pushed past `now`) and their
 * attempt counted, so that a crash in the middle of a send still ends in FAILED one day.
 */
async function claim(db: Db, now: Date, batchSize: number, leaseMs: number): Promise<ClaimedRow[]> {
  return db.$queryRaw<ClaimedRow[]>`
    WITH due AS (
      SELECT "id" FROM "outbox_emails"
      WHERE "status" = 'PENDING' AND "nextAttemptAt" <= ${utc(now)}
      ORDER BY "nextAttemptAt", "createdAt"
      LIMIT ${batchSize}
      FOR UPDATE SKIP LOCKED
    )
    UPDATE "outbox_emails" AS o
    SET "nextAttemptAt" = ${utc(new Date(now.getTime() + leaseMs))}, "attempts" = o."attempts" + 1
    FROM due
    WHERE o."id" = due."id"
    RETURNING o."id", o."to", o."subject", o."html", o."text", o."attempts"`;
}

export async function deliverOutbox(
  db: Db,
  sender: MailSender,
  now: Date = new Date(),
  options: DeliverOptions = {},
): Promise<DeliveryReport> {
  const maxAttempts = options.maxAttempts ?? MAX_ATTEMPTS;
  const rows = await claim(db, now, options.batchSize ?? BATCH_SIZE, options.leaseMs ?? LEASE_MS);
  const report: DeliveryReport = { claimed: rows.length, sent: 0, retried: 0, failed: 0 };
  for (const row of rows) {
    // Only the holder of this claim records its outcome: the attempt number identifies it.
    const mine = { id: row.id, status: "PENDING" as const, attempts: row.attempts };
    try {
      const { providerId } = await sender.send({ id: row.id, to: row.to, subject: row.subject, html: row.html, text: row.text });
      await db.outboxEmail.updateMany({
        where: mine,
        data: { status: "SENT", sentAt: new Date(), providerId, lastError: null },
      });
      report.sent += 1;
    } catch (error) {
      const lastError = describe(error);
      if (row.attempts >= maxAttempts) {
        await db.outboxEmail.updateMany({ where: mine, data: { status: "FAILED", lastError } });
        report.failed += 1;
      } else {
        await db.outboxEmail.updateMany({
          where: mine,
          data: { lastError, nextAttemptAt: new Date(now.getTime() + retryDelayMs(row.attempts)) },
        });
        report.retried += 1;
      }
    }
  }
  return report;
}

function describe(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.slice(0, 2000);
}

let defaultSender: MailSender | undefined;

/** The job runner's task: every tick, on every instance (lib/jobs/schedule.ts). */
export const deliverOutboxTask: RecurringTask = {
  name: "deliver-outbox",
  run({ db, now }) {
    defaultSender ??= mailSenderFromEnv();
    return deliverOutbox(db, defaultSender, now);
  },
};
