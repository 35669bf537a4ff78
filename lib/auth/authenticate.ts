// Checks an identifier and a password (ACC-5, ACC-6, SEC-2). Unknown identifiers cost
// the same argon2 verification as known ones; failures are counted per identifier and per
// network address; an account's status is told only to someone who knows its password.
import "server-only";
import { hashPassword, verifyPassword } from "../security/password-hash";
import type { Db } from "../db";
import { Prisma } from "../generated/prisma/client";
import type { AccountStatus, DeactivationReason } from "../generated/prisma/enums";
import { secondFactorSql } from "../mfa/factors";
import { clearSql, RATE_LIMITS, recordAttemptsSql, refundSql, settleAttempts, type RateCheck, type RecordedAttempt } from "../rate-limit";
import { isAllowedText } from "../security/input-text";
import { uuidv7 } from "../uuidv7";
import { organisationHasManager } from "../deputies/continuity";
import { authSessionInsert, type StartedSession } from "./auth-sessions";

export type LoginFailure =
  | "invalid"
  | "rate_limited"
  | "pending_activation"
  | "pending_validation"
  /** DEP-2: waiting for a validation nobody can give (no administrator nor deputy). */
  | "pending_validation_unmanaged"
  | "pending_legal_representative"
  | "deactivated_inactivity"
  | "deactivated_never_activated"
  | "deactivated_invalidated"
  | "deactivated_closed";

export type AuthenticationResult =
  | {
      ok: true;
      accountId: string;
      sessionVersion: number;
      /** MFA-2: the password alone opens no session; the caller asks for the second step. */
      secondFactor: boolean;
      /** SEC-7: the sign-in's row, when the caller asked for one and the password is enough (no second factor). */
      session?: StartedSession;
    }
  | { ok: false; reason: LoginFailure; retryAfterSeconds?: number };

interface AccountRow {
  attempts: RecordedAttempt[] | null;
  id: string | null;
  passwordHash: string | null;
  status: AccountStatus | null;
  deactivationReason: DeactivationReason | null;
  adminRoleRequestedAt: Date | null;
  sessionVersion: number | null;
  organisationId: string | null;
  secondFactor: boolean | null;
}

let decoyHash: Promise<string> | undefined;

export async function authenticate(
  db: Db,
  credentials: { identifier: string; password: string },
  context: {
    ipAddress: string;
    userAgent?: string | null;
    now?: Date;
    /** Start the sign-in's session row (SEC-7) in the statement that records the login, when the password is enough. */
    openSession?: boolean;
  },
): Promise<AuthenticationResult> {
  // SEC-9: an identifier holding a refused character (NUL would fail the query) names no
  // account; it is answered and counted like any unknown identifier, under the empty key.
  const identifier = isAllowedText(credentials.identifier) ? credentials.identifier.trim().toLowerCase() : "";
  const { password } = credentials;

  // SEC-8: the attempt is recorded as a failure for both limits BEFORE the password is
  // checked, in one statement that also says whether each limit allows it, so N concurrent
  // tries evaluate at most the limit. A right password then gives the attempt back.
  // Every statement here competes with argon2 for the same cores (SPEC: logins within 15 % of
  // the hashing ceiling), so the same statement reads the account and whether it has a
  // second factor: a wrong password costs one statement, a right one two.
  const identifierLimit: RateCheck = [RATE_LIMITS.loginFailuresPerIdentifier, identifier];
  const addressLimit: RateCheck = [RATE_LIMITS.loginFailuresPerAddress, context.ipAddress];
  const checks = [identifierLimit, addressLimit];
  const [account] = await db.$queryRaw<AccountRow[]>`
    WITH "attempts" AS (${recordAttemptsSql(checks)})
    SELECT (SELECT json_agg(json_build_object('key', "key", 'points', "points", 'seconds', "seconds")) FROM "attempts") AS "attempts",
           a."id", a."passwordHash", a."status"::text AS "status", a."deactivationReason"::text AS "deactivationReason",
           a."adminRoleRequestedAt", a."sessionVersion", a."organisationId",
           ${secondFactorSql(Prisma.sql`a."id"`)} AS "secondFactor"
    FROM (VALUES (1)) AS "one"
    LEFT JOIN "accounts" a ON a."identifier" = ${identifier}`;
  const limits = await settleAttempts(db, checks, account.attempts ?? []);
  if (!limits.allowed) return { ok: false, reason: "rate_limited", retryAfterSeconds: limits.retryAfterSeconds };

  let valid = false;
  if (account.id && account.passwordHash) {
    valid = await verifyPassword(account.passwordHash, password);
  } else {
    decoyHash ??= hashPassword("leurre-pour-un-temps-de-reponse-constant");
    await verifyPassword(await decoyHash, password);
  }

  // A wrong password stays counted against both limits.
  if (!account.id || !valid) return { ok: false, reason: "invalid" };
  const accountId = account.id;
  // The right password: this account's failures are forgiven, and this attempt was no failure
  // of the address; an active account's login is recorded, and its session row started, in
  // the same statement.
  const forgive = Prisma.sql`"forgiven" AS (${clearSql(...identifierLimit)}), "given_back" AS (${refundSql(...addressLimit)})`;

  switch (account.status) {
    case "PENDING_ACTIVATION":
      await db.$executeRaw`WITH ${forgive} SELECT 1`;
      return { ok: false, reason: "pending_activation" };
    case "PENDING_VALIDATION": {
      await db.$executeRaw`WITH ${forgive} SELECT 1`;
      const pendingRequest =
        account.adminRoleRequestedAt &&
        (await db.adminRequest.findFirst({ where: { requesterId: accountId, status: "PENDING" }, select: { id: true } }));
      if (pendingRequest) return { ok: false, reason: "pending_legal_representative" };
      const managed = !account.organisationId || (await organisationHasManager(db, account.organisationId));
      return { ok: false, reason: managed ? "pending_validation" : "pending_validation_unmanaged" };
    }
    case "DEACTIVATED":
      await db.$executeRaw`WITH ${forgive} SELECT 1`;
      switch (account.deactivationReason) {
        case "INACTIVITY":
          return { ok: false, reason: "deactivated_inactivity" };
        case "NEVER_ACTIVATED":
          return { ok: false, reason: "deactivated_never_activated" };
        case "CLOSED_BY_OWNER":
          return { ok: false, reason: "deactivated_closed" };
        default:
          return { ok: false, reason: "deactivated_invalidated" };
      }
    case "ACTIVE":
      break;
  }

  const now = context.now ?? new Date();
  const secondFactor = Boolean(account.secondFactor);
  // MFA-2: an account with a second factor gets no session row on its password alone.
  const session = context.openSession && !secondFactor ? authSessionInsert({ accountId, amr: ["pwd"], ...context }, now) : undefined;
  await db.$executeRaw`
    WITH ${forgive},
    "login" AS (
      UPDATE "accounts" SET "lastLoginAt" = ${now}, "inactivityWarnedAt" = NULL, "updatedAt" = ${now}
      WHERE "id" = ${accountId}::uuid RETURNING "id", "organisationId"
    ),
    "event" AS (
      INSERT INTO "login_events" ("id", "accountId", "organisationId", "ipAddress", "userAgent", "createdAt")
      SELECT ${uuidv7(now)}::uuid, "id", "organisationId", ${context.ipAddress}, ${context.userAgent ?? null}, ${now} FROM "login"
    )
    ${session ? Prisma.sql`, "session" AS (${session.sql})` : Prisma.empty}
    SELECT 1`;
  return {
    ok: true,
    accountId,
    sessionVersion: account.sessionVersion ?? 0,
    secondFactor,
    ...(session ? { session: { id: session.id, expiresAt: session.expiresAt } } : {}),
  };
}
