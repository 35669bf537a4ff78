// Rate limits kept in the database, so that they hold across every app instance (SEC-2).
// Written here rather than with rate-limiter-flexible: one atomic upsert on our own
// rate_limit_buckets table is all it takes, inside or outside the caller's transaction.
import "server-only";
import type { Db } from "./db";
import type { Prisma } from "./generated/prisma/client";

export { formatWait, tooManyAttempts } from "./wait-time";

export interface RateRule {
  /** Name of the limit, the first part of the bucket key. */
  name: string;
  limit: number;
  windowSeconds: number;
}

export const RATE_LIMITS = {
  loginFailuresPerIdentifier: { name: "login-identifier", limit: 5, windowSeconds: 15 * 60 },
  loginFailuresPerAddress: { name: "login-ip", limit: 30, windowSeconds: 15 * 60 },
  recoveryPerAddress: { name: "recovery-ip", limit: 10, windowSeconds: 60 * 60 },
  recoveryPerEmail: { name: "recovery-email", limit: 3, windowSeconds: 60 * 60 },
  registrationPerAddress: { name: "registration-ip", limit: 10, windowSeconds: 60 * 60 },
  activationResendPerAccount: { name: "activation-resend", limit: 5, windowSeconds: 60 * 60 },
  codeAttemptsPerAddress: { name: "code-ip", limit: 20, windowSeconds: 60 * 60 },
  passwordChecksPerAccount: { name: "password-check", limit: 5, windowSeconds: 15 * 60 },
  switchPerAccount: { name: "switch", limit: 5, windowSeconds: 15 * 60 },
  ticketsPerAddress: { name: "ticket-ip", limit: 10, windowSeconds: 60 * 60 },
  ticketsPerEmail: { name: "ticket-email", limit: 5, windowSeconds: 60 * 60 },
  ticketRepliesPerTicket: { name: "ticket-reply", limit: 20, windowSeconds: 60 * 60 },
} satisfies Record<string, RateRule>;

export interface RateDecision {
  allowed: boolean;
  /** Seconds until the window ends: how long to wait when not allowed. */
  retryAfterSeconds: number;
  count: number;
}

type Client = Db | Prisma.TransactionClient;

function bucketKey(rule: RateRule, subject: string): string {
  return `${rule.name}:${subject.toLowerCase().slice(0, 200)}`;
}

/** Counts one attempt and says whether it is within the limit. */
export async function hit(db: Client, rule: RateRule, subject: string): Promise<RateDecision> {
  const [row] = await db.$queryRaw<{ points: number; seconds: number }[]>`
    INSERT INTO "rate_limit_buckets" ("key", "points", "expiresAt")
    VALUES (${bucketKey(rule, subject)}, 1, now() + make_interval(secs => ${rule.windowSeconds}))
    ON CONFLICT ("key") DO UPDATE SET
      "points" = CASE WHEN "rate_limit_buckets"."expiresAt" <= now() THEN 1 ELSE "rate_limit_buckets"."points" + 1 END,
      "expiresAt" = CASE WHEN "rate_limit_buckets"."expiresAt" <= now() THEN EXCLUDED."expiresAt" ELSE "rate_limit_buckets"."expiresAt" END
    RETURNING "points", GREATEST(1, ceil(extract(epoch FROM "expiresAt" - now())))::int AS "seconds"`;
  return { allowed: row.points <= rule.limit, retryAfterSeconds: row.seconds, count: row.points };
}

/** Says whether the limit is already reached, without counting an attempt. */
export async function peek(db: Client, rule: RateRule, subject: string): Promise<RateDecision> {
  const [decision] = await peekAll(db, [[rule, subject]]);
  return decision;
}

/** `peek` for several limits in one round trip (the login checks two on every attempt). */
export async function peekAll(db: Client, checks: [RateRule, string][]): Promise<RateDecision[]> {
  const keys = checks.map(([rule, subject]) => bucketKey(rule, subject));
  const rows = await db.$queryRaw<{ key: string; points: number; seconds: number }[]>`
    SELECT "key", "points", GREATEST(1, ceil(extract(epoch FROM "expiresAt" - now())))::int AS "seconds"
    FROM "rate_limit_buckets" WHERE "key" = ANY(${keys}::text[]) AND "expiresAt" > now()`;
  return checks.map(([rule], index) => {
    const row = rows.find((candidate) => candidate.key === keys[index]);
    if (!row) return { allowed: true, retryAfterSeconds: 0, count: 0 };
    return { allowed: row.points < rule.limit, retryAfterSeconds: row.seconds, count: row.points };
  });
}

export async function clear(db: Client, rule: RateRule, subject: string): Promise<void> {
  await db.rateLimitBucket.deleteMany({ where: { key: bucketKey(rule, subject) } });
}
