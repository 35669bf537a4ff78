// Rate limits kept in the database, so that they hold across every app instance (SEC-2).
// Written here rather than with rate-limiter-flexible: one atomic upsert on our own
// rate_limit_buckets table is all it takes, inside or outside the caller's transaction.
// SEC-8: there is no "peek then count": a door records the attempt first (`hit`, which also
// says whether the limit allows it), then checks the secret, then gives the attempt back
// (`refund`, `clear`) when it turned out not to count. Checking first and counting after let
// 96 of 100 concurrent logins through a limit of 5.
import "server-only";
import type { Client } from "./operation";

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
  // A town hall's staff share one public address and may all register the same morning: the
  // per-address limit leaves room for a team; per e-mail and per organisation do the finer
  // work (one mailbox cannot be flooded, one organisation cannot be filled with junk).
  // Only registrations that pass the form's checks are counted (issue 18, item 15).
  registrationPerAddress: { name: "registration-ip", limit: 60, windowSeconds: 60 * 60 },
  registrationPerEmail: { name: "registration-email", limit: 5, windowSeconds: 60 * 60 },
  registrationPerOrganisation: { name: "registration-organisation", limit: 60, windowSeconds: 60 * 60 },
  activationResendPerAccount: { name: "activation-resend", limit: 5, windowSeconds: 60 * 60 },
  codeAttemptsPerAddress: { name: "code-ip", limit: 20, windowSeconds: 60 * 60 },
  passwordChecksPerAccount: { name: "password-check", limit: 5, windowSeconds: 15 * 60 },
  switchPerAccount: { name: "switch", limit: 5, windowSeconds: 15 * 60 },
  // MFA-1: the first code of a new authenticator app, asked of a signed-in person.
  mfaEnrolmentCodesPerAccount: { name: "mfa-enrolment", limit: 10, windowSeconds: 15 * 60 },
  // DEP-3: the invitation form is for a few people at a time; a whole staff goes through an
  // import (one file, previewed). These bound a runaway script or a stolen session: a mailbox
  // cannot be flooded from the console, and an organisation cannot be filled with accounts.
  invitationsPerAdministrator: { name: "invitation-administrator", limit: 50, windowSeconds: 60 * 60 },
  invitationsPerOrganisation: { name: "invitation-organisation", limit: 200, windowSeconds: 24 * 60 * 60 },
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


function bucketKey(rule: RateRule, subject: string): string {
  return `${rule.name}:${subject.toLowerCase().slice(0, 200)}`;
}

/**
 * Records one attempt and says whether it was within the limit, in one statement (SEC-8):
 * callers record the attempt BEFORE checking the secret, so that N concurrent tries evaluate
 * at most `limit` of them. The upsert takes the bucket's row lock, so concurrent callers see
 * each other's points; an attempt refused by the limit is not counted (the bucket stays at
 * its limit until the window ends, never extended by the refusals).
 */
export async function hit(db: Client, rule: RateRule, subject: string): Promise<RateDecision> {
  const key = bucketKey(rule, subject);
  const [row] = await db.$queryRaw<{ points: number; seconds: number }[]>`
    INSERT INTO "rate_limit_buckets" ("key", "points", "expiresAt")
    VALUES (${key}, 1, now() + make_interval(secs => ${rule.windowSeconds}))
    ON CONFLICT ("key") DO UPDATE SET
      "points" = CASE WHEN "rate_limit_buckets"."expiresAt" <= now() THEN 1 ELSE "rate_limit_buckets"."points" + 1 END,
      "expiresAt" = CASE WHEN "rate_limit_buckets"."expiresAt" <= now() THEN EXCLUDED."expiresAt" ELSE "rate_limit_buckets"."expiresAt" END
    WHERE "rate_limit_buckets"."expiresAt" <= now() OR "rate_limit_buckets"."points" < ${rule.limit}
    RETURNING "points", GREATEST(1, ceil(extract(epoch FROM "expiresAt" - now())))::int AS "seconds"`;
  if (row && row.points <= rule.limit) return { allowed: true, retryAfterSeconds: row.seconds, count: row.points };
  // Refused (only the refusal path pays this second read): how long until the window ends.
  const [full] = await db.$queryRaw<{ points: number; seconds: number }[]>`
    SELECT "points", GREATEST(1, ceil(extract(epoch FROM "expiresAt" - now())))::int AS "seconds"
    FROM "rate_limit_buckets" WHERE "key" = ${key}`;
  return { allowed: false, retryAfterSeconds: full?.seconds ?? rule.windowSeconds, count: full?.points ?? rule.limit };
}

/**
 * `hit` on several limits, all or nothing: when one refuses, the attempts recorded on the
 * others are given back, so a refused try costs nothing. The waiting time is the longest
 * among the refusing limits.
 */
export async function hitAll(db: Client, checks: [RateRule, string][]): Promise<RateDecision> {
  const decisions = await Promise.all(checks.map(([rule, subject]) => hit(db, rule, subject)));
  const refused = decisions.filter((decision) => !decision.allowed);
  if (refused.length) {
    await Promise.all(checks.filter((_, index) => decisions[index].allowed).map(([rule, subject]) => refund(db, rule, subject)));
  }
  return {
    allowed: refused.length === 0,
    retryAfterSeconds: Math.max(0, ...refused.map((decision) => decision.retryAfterSeconds)),
    count: Math.max(0, ...decisions.map((decision) => decision.count)),
  };
}

/**
 * Gives back one attempt recorded by `hit` that turned out not to count (a right password is
 * not a failed login, a right code not a wrong one, and `hitAll` gives back what the others
 * took when one limit refuses). Never below zero; a bucket whose window has ended is left to
 * expire.
 */
export async function refund(db: Client, rule: RateRule, subject: string): Promise<void> {
  await db.$executeRaw`
    UPDATE "rate_limit_buckets" SET "points" = "points" - 1
    WHERE "key" = ${bucketKey(rule, subject)} AND "points" > 0 AND "expiresAt" > now()`;
}

export async function clear(db: Client, rule: RateRule, subject: string): Promise<void> {
  await db.rateLimitBucket.deleteMany({ where: { key: bucketKey(rule, subject) } });
}
