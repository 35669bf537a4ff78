// Sends what the outbox holds (MAIL-1). `deliverOutbox` is one pass: claim a batch, send it,
// record the outcome. The delivery loop (createMailDelivery) runs passes continuously while
// messages are due, several at once, paced to the provider's rate limit; every process that
// runs jobs has one, started and watched by the deliver-outbox task of the job runner.
//
// Decisions:
// - Several instances may run at once: each claims its own rows with FOR UPDATE SKIP LOCKED
//   and a lease (nextAttemptAt pushed past now), sends outside any transaction, then records
//   the outcome only if its claim still holds (same attempt number).
// - Every due TRANSACTIONAL message is claimed before any BULK one (import welcomes), so a
//   password reset never waits behind 50,000 welcomes.
// - With a batch-capable sender the claimed rows become a batch for good: batchKey is the
//   id of its first message, the idempotency key is derived from it, and a batch whose
//   outcome is unknown (timeout, crash between sending and recording) is claimed again as
//   the same batch, so the provider answers the retry from its idempotency record instead of
//   sending twice.
// - A failure of the call itself (429, 5xx, timeout, unreachable) never gives a message up
//   before a day has passed; other failures give up after MAX_ATTEMPTS tries (FAILED, for
//   an operator); a message the provider refuses in a batch (bad address) fails at once.
import "server-only";
import { isDatabaseUnavailableError } from "../database-availability";
import type { Db } from "../db";
import { env } from "../env";
import { Prisma, type EmailPriority } from "../generated/prisma/client";
import type { RecurringTask } from "../jobs/runner";
import { mailSenderFromEnv, TransientSendError, type BatchOutcome, type MailSender, type OutgoingEmail } from "./senders";

export const BATCH_SIZE = 100;
export const MAX_ATTEMPTS = 8;
/** Time a claimed message is kept from other instances while this one sends it. */
export const LEASE_MS = 5 * 60_000;
const FIRST_RETRY_MS = 60_000;
const MAX_RETRY_MS = 6 * 3_600_000;
/** After a provider outage, messages are tried again within this delay. */
const MAX_TRANSIENT_RETRY_MS = 5 * 60_000;
/** Resend keeps idempotency keys 24 hours: past that, a retry could send twice. */
const TRANSIENT_GIVE_UP_MS = 24 * 3_600_000;
const PRIORITIES: EmailPriority[] = ["TRANSACTIONAL", "BULK"];

export interface DeliverOptions {
  batchSize?: number;
  maxAttempts?: number;
  leaseMs?: number;
  /** First back-off after a failure (doubled each time); scaled down by tests. */
  firstRetryMs?: number;
  /** Longest back-off after a failure of the provider (429, 5xx, timeout). */
  maxTransientRetryMs?: number;
  /** Awaited between a non-empty claim and the call: the delivery loop's pace. */
  beforeSend?: () => Promise<void>;
}

export interface DeliveryReport {
  claimed: number;
  sent: number;
  retried: number;
  failed: number;
  /** The call failed as a whole for a reason that says nothing of the messages: slow down. */
  transient?: TransientSendError;
}

/** Delay before the next try after the `attempts`-th failed one: 1, 2, 4, 8… minutes, at most 6 hours. */
export function retryDelayMs(attempts: number): number {
  return backOff(attempts, FIRST_RETRY_MS);
}

function backOff(attempts: number, firstRetryMs: number): number {
  return Math.min(firstRetryMs * 2 ** Math.max(attempts - 1, 0), MAX_RETRY_MS);
}

/** A JS date as a `timestamp(3)` value: Prisma stores UTC, whatever the session's time zone. */
function utc(date: Date): Prisma.Sql {
  return Prisma.sql`(${date.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;
}

interface ClaimedRow extends OutgoingEmail {
  attempts: number;
  batchKey: string | null;
  createdAt: Date;
}

const RETURNING = Prisma.sql`RETURNING o."id", o."to", o."subject", o."html", o."text", o."attempts", o."batchKey", o."createdAt"`;

/**
 * Claims due messages, most urgent first: one statement, hence one short transaction. Rows
 * another instance holds are skipped; the claimed ones get a lease and their attempt counted,
 * so that a crash in the middle of a send still ends in FAILED one day.
 */
async function claim(db: Db, now: Date, batchSize: number, leaseMs: number, grouped: boolean): Promise<ClaimedRow[]> {
  const lease = utc(new Date(now.getTime() + leaseMs));
  for (const priority of PRIORITIES) {
    if (grouped) {
      // A batch sent before whose outcome is unknown: the same rows again. Locking its first
      // row is enough, since every claimer of a batch goes through it.
      const rows = await db.$queryRaw<ClaimedRow[]>`
        WITH leader AS (
          SELECT "id" FROM "outbox_emails"
          WHERE "status" = 'PENDING' AND "priority" = ${priority}::"EmailPriority" AND "batchKey" = "id"
            AND "nextAttemptAt" <= ${utc(now)}
          ORDER BY "nextAttemptAt"
          LIMIT 1
          FOR UPDATE SKIP LOCKED
        )
        UPDATE "outbox_emails" AS o
        SET "nextAttemptAt" = ${lease}, "attempts" = o."attempts" + 1
        FROM leader
        WHERE o."batchKey" = leader."id" AND o."status" = 'PENDING'
        ${RETURNING}`;
      if (rows.length) return rows;
    }
    const rows = await db.$queryRaw<ClaimedRow[]>`
      WITH due AS (
        SELECT "id" FROM "outbox_emails"
        WHERE "status" = 'PENDING' AND "priority" = ${priority}::"EmailPriority" AND "batchKey" IS NULL
          AND "nextAttemptAt" <= ${utc(now)}
        ORDER BY "nextAttemptAt", "createdAt", "id"
        LIMIT ${batchSize}
        FOR UPDATE SKIP LOCKED
      )
      UPDATE "outbox_emails" AS o
      SET "nextAttemptAt" = ${lease}, "attempts" = o."attempts" + 1,
          "batchKey" = CASE WHEN ${grouped}::boolean THEN (SELECT "id" FROM due ORDER BY "id" LIMIT 1) END
      FROM due
      WHERE o."id" = due."id"
      ${RETURNING}`;
    if (rows.length) return rows;
  }
  return [];
}

/** Idempotency key of a batch: the same for every retry of the same rows. */
export function batchIdempotencyKey(batchKey: string): string {
  return `outbox-batch/${batchKey}`;
}

interface Outcome {
  row: ClaimedRow;
  providerId?: string;
  error?: unknown;
  /** Refused for good by the provider: no retry would change that. */
  permanent?: boolean;
}

export async function deliverOutbox(
  db: Db,
  sender: MailSender,
  now: Date = new Date(),
  options: DeliverOptions = {},
): Promise<DeliveryReport> {
  const grouped = typeof sender.sendBatch === "function";
  const rows = (await claim(db, now, options.batchSize ?? BATCH_SIZE, options.leaseMs ?? LEASE_MS, grouped)).sort((a, b) =>
    a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
  );
  const report: DeliveryReport = { claimed: rows.length, sent: 0, retried: 0, failed: 0 };
  if (!rows.length) return report;
  await options.beforeSend?.();

  const outcomes: Outcome[] = [];
  if (grouped && sender.sendBatch) {
    try {
      const emails = rows.map(({ id, to, subject, html, text }) => ({ id, to, subject, html, text }));
      const results: BatchOutcome[] = await sender.sendBatch(emails, batchIdempotencyKey(rows[0].batchKey ?? rows[0].id));
      rows.forEach((row, index) => {
        const result = results[index];
        if (result && "providerId" in result) outcomes.push({ row, providerId: result.providerId });
        else outcomes.push({ row, error: new Error(result?.error ?? "no outcome for this message"), permanent: true });
      });
    } catch (error) {
      for (const row of rows) outcomes.push({ row, error });
    }
  } else {
    for (const row of rows) {
      try {
        const { providerId } = await sender.send({ id: row.id, to: row.to, subject: row.subject, html: row.html, text: row.text });
        outcomes.push({ row, providerId });
      } catch (error) {
        outcomes.push({ row, error });
      }
    }
  }
  // The provider has answered: what it said is known here only. While the database is away
  // (a restart), keep trying to record it for as long as the claim's lease holds, so that the
  // messages are marked once it is back, not sent again (same batch, same idempotency key)
  // when the lease ends.
  const giveUpAt = now.getTime() + (options.leaseMs ?? LEASE_MS);
  for (;;) {
    try {
      await record(db, now, outcomes, options, report);
      return report;
    } catch (error) {
      if (!isDatabaseUnavailableError(error) || Date.now() > giveUpAt) throw error;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
}

async function record(db: Db, now: Date, outcomes: Outcome[], options: DeliverOptions, report: DeliveryReport): Promise<void> {
  const maxAttempts = options.maxAttempts ?? MAX_ATTEMPTS;
  const firstRetryMs = options.firstRetryMs ?? FIRST_RETRY_MS;
  const maxTransientRetryMs = options.maxTransientRetryMs ?? MAX_TRANSIENT_RETRY_MS;
  // Counted from zero on each try (a try cut off by the database is made again whole).
  Object.assign(report, { sent: 0, retried: 0, failed: 0, transient: undefined });
  const sent = outcomes.filter((outcome) => outcome.providerId !== undefined);
  if (sent.length) {
    // One statement for the whole batch; only the holder of each claim records it (same attempt number).
    await db.$executeRaw`
      UPDATE "outbox_emails" AS o
      SET "status" = 'SENT', "sentAt" = ${utc(new Date())}, "providerId" = v."providerId", "lastError" = NULL
      FROM unnest(${sent.map((outcome) => outcome.row.id)}::uuid[], ${sent.map((outcome) => outcome.providerId)}::text[],
                  ${sent.map((outcome) => outcome.row.attempts)}::int[]) AS v("id", "providerId", "attempts")
      WHERE o."id" = v."id" AND o."status" = 'PENDING' AND o."attempts" = v."attempts"`;
    report.sent += sent.length;
  }
  for (const outcome of outcomes) {
    if (outcome.providerId !== undefined) continue;
    const { row, error } = outcome;
    const mine = { id: row.id, status: "PENDING" as const, attempts: row.attempts };
    const lastError = describe(error);
    const transient = error instanceof TransientSendError;
    if (transient) report.transient = error;
    const givesUp = transient
      ? now.getTime() - row.createdAt.getTime() >= TRANSIENT_GIVE_UP_MS
      : outcome.permanent || row.attempts >= maxAttempts;
    if (givesUp) {
      await db.outboxEmail.updateMany({ where: mine, data: { status: "FAILED", lastError } });
      report.failed += 1;
    } else {
      const delay = transient
        ? (error.retryAfterMs ?? Math.min(backOff(row.attempts, firstRetryMs), maxTransientRetryMs))
        : backOff(row.attempts, firstRetryMs);
      await db.outboxEmail.updateMany({ where: mine, data: { lastError, nextAttemptAt: new Date(now.getTime() + delay) } });
      report.retried += 1;
    }
  }
}

function describe(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.slice(0, 2000);
}

export interface MailDeliveryOptions {
  db: Db;
  sender: MailSender;
  /** Calls to the provider per second, for the whole process. */
  requestsPerSecond: number;
  batchSize: number;
  /** Calls in flight at once. */
  concurrency: number;
  /** Pause between two looks at an outbox with nothing due (a new message wakes it sooner in-process). */
  idleMs?: number;
  /** Longest pause of the whole loop after the provider failed (429, 5xx, timeout). */
  maxPauseMs?: number;
  deliver?: DeliverOptions;
  log?: (event: Record<string, unknown>) => void;
}

export interface MailDeliveryStats {
  passes: number;
  sent: number;
  retried: number;
  failed: number;
  transientFailures: number;
}

export interface MailDelivery {
  readonly stats: MailDeliveryStats;
  readonly running: boolean;
  start(): void;
  /** Looks at the outbox now instead of at the end of the idle pause. */
  wake(): void;
  stop(): Promise<void>;
}

/**
 * The continuous delivery loop: `concurrency` workers claim and send batches while messages
 * are due, starting one provider call at most every 1/requestsPerSecond second between them,
 * and all pause together when the provider answers 429 or fails.
 */
export function createMailDelivery(options: MailDeliveryOptions): MailDelivery {
  // 10 % under the limit: calls leave evenly spaced, but reach the provider with the jitter of
  // a busy event loop and network; at exactly the limit, one call in seven met a 429 (and a
  // second's pause) in the benchmark.
  const interval = (1000 / options.requestsPerSecond) * 1.1;
  const idleMs = options.idleMs ?? 1000;
  const maxPauseMs = options.maxPauseMs ?? 60_000;
  const log = options.log ?? (() => undefined);
  const stats: MailDeliveryStats = { passes: 0, sent: 0, retried: 0, failed: 0, transientFailures: 0 };
  const sleepers = new Set<() => void>();
  let nextSlot = 0;
  let pausedUntil = 0;
  let failuresInARow = 0;
  let stopped = true;
  let workers: Promise<void>[] = [];

  function wakeAll(): void {
    for (const wakeUp of [...sleepers]) wakeUp();
  }

  function sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        sleepers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      timer.unref?.();
      sleepers.add(done);
    });
  }

  /**
   * Waits for this worker's turn to call the provider: the pace and any pause are shared by
   * every worker. Taken after the claim, right before the call, so that calls reach the
   * provider evenly spaced whatever the database's response times.
   */
  async function turn(): Promise<void> {
    for (;;) {
      const now = Date.now();
      const wait = Math.max(pausedUntil - now, nextSlot - now, 0);
      if (wait === 0) break;
      await sleep(wait);
    }
    nextSlot = Math.max(Date.now(), nextSlot) + interval;
  }

  async function worker(index: number): Promise<void> {
    while (!stopped) {
      let report: DeliveryReport;
      try {
        report = await deliverOutbox(options.db, options.sender, new Date(), { batchSize: options.batchSize, ...options.deliver, beforeSend: turn });
      } catch (error) {
        // The database is unreachable, for instance: look again later, nothing was claimed or lost.
        log({ msg: "mail delivery pass failed", error: String(error) });
        await sleep(idleMs);
        continue;
      }
      stats.passes += 1;
      stats.sent += report.sent;
      stats.retried += report.retried;
      stats.failed += report.failed;
      if (report.claimed === 0) {
        // An idle outbox is watched by the first worker alone; it wakes the others when work comes.
        await sleep(index === 0 ? idleMs : idleMs * 30);
        continue;
      }
      if (index === 0) wakeAll();
      if (report.transient) {
        stats.transientFailures += 1;
        failuresInARow += 1;
        const pause = report.transient.retryAfterMs ?? Math.min(interval * 2 ** failuresInARow, maxPauseMs);
        pausedUntil = Math.max(pausedUntil, Date.now() + pause);
        log({ msg: "mail provider unavailable", pauseMs: pause, error: report.transient.message });
      } else {
        failuresInARow = 0;
      }
    }
  }

  return {
    stats,
    get running() {
      return !stopped;
    },
    start() {
      if (!stopped) return;
      stopped = false;
      workers = Array.from({ length: options.concurrency }, (_, index) => worker(index));
    },
    wake: wakeAll,
    async stop() {
      stopped = true;
      wakeAll();
      await Promise.all(workers);
    },
  };
}

/** This process's delivery loop, from the environment: Resend, or the dev mailbox. */
export function mailDeliveryFromEnv(db: Db, log?: (event: Record<string, unknown>) => void): MailDelivery {
  const config = env();
  return createMailDelivery({
    db,
    sender: mailSenderFromEnv(),
    requestsPerSecond: config.MAIL_REQUESTS_PER_SECOND,
    batchSize: config.MAIL_BATCH_SIZE,
    concurrency: config.MAIL_CONCURRENCY,
    log,
  });
}

const globalForMail = globalThis as unknown as { portailMailDelivery?: MailDelivery };

/** Stops this process's delivery loop, if it runs (worker shutdown). */
export async function stopMailDelivery(): Promise<void> {
  await globalForMail.portailMailDelivery?.stop();
}

/**
 * The job runner's task, on every tick of every instance: starts this process's delivery
 * loop the first time (it then runs on its own, between ticks), and wakes it.
 */
export const deliverOutboxTask: RecurringTask = {
  name: "deliver-outbox",
  async run({ db }) {
    const delivery = (globalForMail.portailMailDelivery ??= mailDeliveryFromEnv(db));
    delivery.start();
    delivery.wake();
    return { ...delivery.stats };
  },
};
