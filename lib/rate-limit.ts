// Rate limits kept in the database, so that they hold across every app instance (SEC-2).
// Written here rather than with rate-limiter-flexible: one atomic upsert on our own
// rate_limit_buckets table is all it takes, inside or outside the caller's transaction.
// SEC-8: there is no "peek then count": a door records the attempt first (`hit`, which also
// says whether the limit allows it), then checks the secret, then gives the attempt back
// (`refund`, `clear`) when it turned out not to count. Checking first and counting after let
// 96 of 100 concurrent logins through a limit of 5.
import "server-only";
import { Prisma } from "./generated/prisma/client";
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

/** One limit to charge: the rule and who is counted (an identifier, an address, an account…). */
export type RateCheck = [RateRule, string];

/** A bucket that took the attempt, as the statement of `recordAttemptsSql` returns it (a refused one is absent). */
export interface RecordedAttempt {
  key: string;
  points: number;
  seconds: number;
}

/**
 * The statement that records one attempt on every limit of `checks` and says which allow it
 * (SEC-8): callers record the attempt BEFORE checking the secret, so that N concurrent tries
 * evaluate at most `limit` of them. The upsert takes each bucket's row lock, so concurrent
 * callers see each other's points; an attempt refused by a limit is not counted there (the
 * bucket stays at its limit until the window ends, never extended by the refusals) and its
 * row is not returned. Buckets are taken in key order, so that two callers charging
 * overlapping limits never wait for each other in a cycle.
 *
 * Exported as SQL so that a caller on a hot path folds it, as a CTE, into the statement that
 * also reads what the secret is checked against (lib/auth/authenticate.ts): every round trip
 * competes with argon2 for the same cores. `settleAttempts` turns its rows into the decision.
 */
export function recordAttemptsSql(checks: RateCheck[]): Prisma.Sql {
  const keys = checks.map(([rule, subject]) => bucketKey(rule, subject));
  const limits = checks.map(([rule]) => rule.limit);
  const windows = checks.map(([rule]) => rule.windowSeconds);
  return Prisma.sql`
    INSERT INTO "rate_limit_buckets" ("key", "points", "expiresAt")
    SELECT c."key", 1, now() + make_interval(secs => c."window")
    FROM unnest(${keys}::text[], ${windows}::int[]) AS c("key", "window")
    ORDER BY c."key"
    ON CONFLICT ("key") DO UPDATE SET
      "points" = CASE WHEN "rate_limit_buckets"."expiresAt" <= now() THEN 1 ELSE "rate_limit_buckets"."points" + 1 END,
      "expiresAt" = CASE WHEN "rate_limit_buckets"."expiresAt" <= now() THEN EXCLUDED."expiresAt" ELSE "rate_limit_buckets"."expiresAt" END
    WHERE "rate_limit_buckets"."expiresAt" <= now()
       OR "rate_limit_buckets"."points" < (SELECT l."limit" FROM unnest(${keys}::text[], ${limits}::int[]) AS l("key", "limit")
                                           WHERE l."key" = "rate_limit_buckets"."key")
    RETURNING "key", "points", GREATEST(1, ceil(extract(epoch FROM "expiresAt" - now())))::int AS "seconds"`;
}

/**
 * The decision on the attempts `recordAttemptsSql` recorded, all or nothing: when one limit
 * refuses, the attempts recorded on the others are given back, so a refused try costs
 * nothing. The waiting time is the longest among the refusing limits. Only a refusal costs a
 * statement (giving back and reading the refusing buckets' windows, in one).
 */
export async function settleAttempts(db: Client, checks: RateCheck[], recorded: RecordedAttempt[]): Promise<RateDecision> {
  const taken = new Map(recorded.map((row) => [row.key, row]));
  const decisions = checks.map(([rule, subject]) => {
    const key = bucketKey(rule, subject);
    const row = taken.get(key);
    return { key, rule, row: row && row.points <= rule.limit ? row : undefined };
  });
  const refused = decisions.filter((decision) => !decision.row);
  if (!refused.length) {
    return { allowed: true, retryAfterSeconds: Math.min(...decisions.map((decision) => decision.row!.seconds)), count: Math.max(0, ...recorded.map((row) => row.points)) };
  }
  const givenBack = decisions.filter((decision) => decision.row).map((decision) => decision.key);
  const full = await db.$queryRaw<RecordedAttempt[]>`
    WITH "given_back" AS (
      UPDATE "rate_limit_buckets" SET "points" = "points" - 1
      WHERE "key" = ANY(${givenBack}::text[]) AND "points" > 0 AND "expiresAt" > now()
    )
    SELECT "key", "points", GREATEST(1, ceil(extract(epoch FROM "expiresAt" - now())))::int AS "seconds"
    FROM "rate_limit_buckets" WHERE "key" = ANY(${refused.map((decision) => decision.key)}::text[])`;
  const windows = new Map(full.map((row) => [row.key, row]));
  return {
    allowed: false,
    retryAfterSeconds: Math.max(...refused.map((decision) => windows.get(decision.key)?.seconds ?? decision.rule.windowSeconds)),
    count: Math.max(...refused.map((decision) => windows.get(decision.key)?.points ?? decision.rule.limit)),
  };
}

/**
 * Records one attempt on several limits and says whether all allow it, in one statement when
 * they do (SEC-8, see `recordAttemptsSql`); all or nothing (see `settleAttempts`).
 */
export async function hitAll(db: Client, checks: RateCheck[]): Promise<RateDecision> {
  return settleAttempts(db, checks, await db.$queryRaw<RecordedAttempt[]>(recordAttemptsSql(checks)));
}

/** Records one attempt and says whether it was within the limit (SEC-8, see `hitAll`). */
export async function hit(db: Client, rule: RateRule, subject: string): Promise<RateDecision> {
  return hitAll(db, [[rule, subject]]);
}

/**
 * Gives back one attempt recorded by `hit` that turned out not to count (a right password is
 * not a failed login, a right code not a wrong one). Never below zero; a bucket whose window
 * has ended is left to expire. As SQL for callers that fold it into a statement of their own.
 */
export function refundSql(rule: RateRule, subject: string): Prisma.Sql {
  return Prisma.sql`
    UPDATE "rate_limit_buckets" SET "points" = "points" - 1
    WHERE "key" = ${bucketKey(rule, subject)} AND "points" > 0 AND "expiresAt" > now()`;
}

export async function refund(db: Client, rule: RateRule, subject: string): Promise<void> {
  await db.$executeRaw(refundSql(rule, subject));
}

/** Forgets every attempt of a bucket (a right password forgives the identifier's failures). As SQL, like `refundSql`. */
export function clearSql(rule: RateRule, subject: string): Prisma.Sql {
  return Prisma.sql`DELETE FROM "rate_limit_buckets" WHERE "key" = ${bucketKey(rule, subject)}`;
}

export async function clear(db: Client, rule: RateRule, subject: string): Promise<void> {
  await db.$executeRaw(clearSql(rule, subject));
}
