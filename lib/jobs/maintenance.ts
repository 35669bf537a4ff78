// Housekeeping of the infrastructure tables.
import type { ScheduledJob } from "./runner";

const JOB_RUN_RETENTION_DAYS = 90;

/** Expired rate-limit buckets no longer limit anybody (SEC-2). */
export const purgeRateLimits: ScheduledJob = {
  name: "purge-rate-limits",
  period: "day",
  fromHour: 3,
  async run({ db, now }) {
    const { count } = await db.rateLimitBucket.deleteMany({ where: { expiresAt: { lt: now } } });
    return { deleted: count };
  },
};

/** The history of job runs is kept for 90 days. */
export const purgeJobRuns: ScheduledJob = {
  name: "purge-job-runs",
  period: "day",
  fromHour: 3,
  async run({ db, now }) {
    const { count } = await db.jobRun.deleteMany({
      where: { finishedAt: { lt: new Date(now.getTime() - JOB_RUN_RETENTION_DAYS * 86_400_000) } },
    });
    return { deleted: count };
  },
};
