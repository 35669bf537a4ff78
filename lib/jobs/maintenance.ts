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

/**
 * Sign-in rows past their absolute end can open nothing (SEC-7): they go, with the address
 * and browser they hold, a day later (the delay keeps them for a late look at an incident).
 */
export const purgeAuthSessions: ScheduledJob = {
  name: "purge-auth-sessions",
  period: "day",
  fromHour: 3,
  async run({ db, now }) {
    const { count } = await db.authSession.deleteMany({ where: { expiresAt: { lt: new Date(now.getTime() - 86_400_000) } } });
    return { deleted: count };
  },
};

/**
 * MFA: sign-in steps and passkey registrations last minutes, and authenticator keys never
 * confirmed by a code are no factor: both go once a day has passed.
 */
export const purgeMfaLeftovers: ScheduledJob = {
  name: "purge-mfa-leftovers",
  period: "day",
  fromHour: 3,
  async run({ db, now }) {
    const dayAgo = new Date(now.getTime() - 86_400_000);
    const challenges = await db.mfaChallenge.deleteMany({ where: { expiresAt: { lt: dayAgo } } });
    const keys = await db.totpSecret.deleteMany({ where: { confirmedAt: null, createdAt: { lt: dayAgo } } });
    return { deleted: challenges.count + keys.count };
  },
};
