// The job runner. Written here rather than taken from pg-boss or graphile-worker: their
// current versions require Node 22, and the runs must live in our own job_runs table
// anyway. Each scheduled job runs once per period across every instance: a run is claimed
// by inserting its (job, periodKey) row, whose unique key lets exactly one instance win;
// a crashed instance's claim expires with its lease and a failed run is retried a few
// times. Recurring tasks run on every tick of every instance; the e-mail outbox's task only
// starts and wakes that process's continuous delivery loop (lib/mail/deliver-outbox.ts),
// which claims its own rows with FOR UPDATE SKIP LOCKED between ticks.
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { parisClock } from "../calendar";
import { isDatabaseUnavailableError } from "../database-availability";
import type { Db } from "../db";
import { periodKey, type Period } from "./periods";

export interface JobContext {
  db: Db;
  now: Date;
  periodKey: string;
}

export interface ScheduledJob {
  name: string;
  period: Period;
  /** For daily jobs: the hour (Europe/Paris) from which the day's run is due. */
  fromHour?: number;
  run(context: JobContext): Promise<unknown>;
}

export interface RecurringTask {
  name: string;
  run(context: Omit<JobContext, "periodKey">): Promise<unknown>;
}

export interface RunnerOptions {
  db: Db;
  scheduled: ScheduledJob[];
  recurring?: RecurringTask[];
  instanceId?: string;
  tickMs?: number;
  leaseMs?: number;
  maxAttempts?: number;
  retryDelayMs?: number;
  log?: (event: Record<string, unknown>) => void;
}

export interface TickReport {
  ran: string[];
  failed: string[];
}

export interface JobRunner {
  readonly instanceId: string;
  /** Runs what is due at `now`; exposed for tests and for the worker's first pass. */
  tick(now?: Date): Promise<TickReport>;
  start(): void;
  stop(): Promise<void>;
}

export function createJobRunner(options: RunnerOptions): JobRunner {
  const { db } = options;
  const instanceId = options.instanceId ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const tickMs = options.tickMs ?? 15_000;
  const leaseMs = options.leaseMs ?? 10 * 60_000;
  const maxAttempts = options.maxAttempts ?? 3;
  const retryDelayMs = options.retryDelayMs ?? 5 * 60_000;
  const log = options.log ?? (() => undefined);
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;

  async function claim(job: ScheduledJob, key: string): Promise<string | null> {
    const rows = await db.$queryRaw<{ id: string }[]>`
      INSERT INTO "job_runs" ("id", "job", "periodKey", "status", "attempts", "instanceId", "leaseUntil", "startedAt")
      VALUES (gen_random_uuid(), ${job.name}, ${key}, 'RUNNING', 1, ${instanceId},
              now() + make_interval(secs => ${leaseMs / 1000}), now())
      ON CONFLICT ("job", "periodKey") DO UPDATE SET
        "status" = 'RUNNING',
        "attempts" = "job_runs"."attempts" + 1,
        "instanceId" = EXCLUDED."instanceId",
        "leaseUntil" = EXCLUDED."leaseUntil",
        "startedAt" = now(),
        "finishedAt" = NULL,
        "error" = NULL
      WHERE ("job_runs"."status" = 'RUNNING' AND "job_runs"."leaseUntil" < now())
         OR ("job_runs"."status" = 'FAILED' AND "job_runs"."attempts" < ${maxAttempts}
             AND "job_runs"."finishedAt" < now() - make_interval(secs => ${retryDelayMs / 1000}))
      RETURNING "id"`;
    return rows[0]?.id ?? null;
  }

  async function runScheduled(job: ScheduledJob, now: Date, report: TickReport): Promise<void> {
    if (job.period === "day" && job.fromHour !== undefined && parisClock(now).hour < job.fromHour) return;
    const key = periodKey(now, job.period);
    const runId = await claim(job, key);
    if (!runId) return;
    // Keep the lease while a long run goes on, so no other instance takes it over.
    const renew = setInterval(() => {
      void db.jobRun
        .updateMany({ where: { id: runId, instanceId }, data: { leaseUntil: new Date(Date.now() + leaseMs) } })
        .catch(() => undefined);
    }, Math.max(leaseMs / 3, 1000));
    let outcome: { result: unknown } | { error: unknown };
    try {
      outcome = { result: await job.run({ db, now, periodKey: key }) };
    } catch (error) {
      outcome = { error };
    }
    try {
      if ("result" in outcome) {
        await persist(() =>
          db.jobRun.updateMany({
            where: { id: runId, instanceId },
            data: { status: "SUCCEEDED", finishedAt: new Date(), result: (outcome.result ?? null) as never },
          }),
        );
        report.ran.push(job.name);
        log({ msg: "job succeeded", job: job.name, periodKey: key });
      } else if (isDatabaseUnavailableError(outcome.error)) {
        // Cut off by a database restart, not failed: its transactions rolled back, and the
        // claim is handed back (lease ended) so that the next tick of any instance runs it
        // again at once instead of waiting for a retry delay.
        await persist(() =>
          db.jobRun.updateMany({
            where: { id: runId, instanceId },
            data: { leaseUntil: new Date(), error: `interrompu (base de données injoignable) : ${String(outcome.error).slice(0, 1000)}` },
          }),
        );
        report.failed.push(job.name);
        log({ msg: "job interrupted, database unavailable", job: job.name, periodKey: key });
      } else {
        const { error } = outcome;
        await persist(() =>
          db.jobRun.updateMany({
            where: { id: runId, instanceId },
            data: { status: "FAILED", finishedAt: new Date(), error: String(error instanceof Error ? error.stack ?? error.message : error).slice(0, 4000) },
          }),
        );
        report.failed.push(job.name);
        log({ msg: "job failed", job: job.name, periodKey: key, error: String(error) });
      }
    } finally {
      clearInterval(renew);
    }
  }

  /**
   * Writes a run's outcome. While the database is away (a restart), the outcome is known
   * here only: keep trying for as long as the lease would have kept the run ours, so that
   * the run is recorded once the database is back instead of waiting for its lease to end.
   */
  async function persist(write: () => Promise<unknown>): Promise<void> {
    const giveUpAt = Date.now() + leaseMs;
    for (;;) {
      try {
        await write();
        return;
      } catch (error) {
        if (!isDatabaseUnavailableError(error) || stopped || Date.now() > giveUpAt) throw error;
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
    }
  }

  async function tick(now = new Date()): Promise<TickReport> {
    const report: TickReport = { ran: [], failed: [] };
    for (const task of options.recurring ?? []) {
      try {
        await task.run({ db, now });
      } catch (error) {
        report.failed.push(task.name);
        log({ msg: "task failed", task: task.name, error: String(error) });
      }
    }
    for (const job of options.scheduled) await runScheduled(job, now, report);
    return report;
  }

  function schedule(): void {
    if (stopped) return;
    timer = setTimeout(() => {
      running = tick()
        .catch((error: unknown) => log({ msg: "tick failed", error: String(error) }))
        .finally(schedule);
    }, tickMs);
    timer.unref?.();
  }

  return {
    instanceId,
    tick,
    start() {
      stopped = false;
      running = tick()
        .catch((error: unknown) => log({ msg: "tick failed", error: String(error) }))
        .finally(schedule);
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
