// Checks an identifier and a password (ACC-5, ACC-6, SEC-2). Unknown identifiers cost
// the same argon2 verification as known ones; failures are counted per identifier and per
// network address; an account's status is told only to someone who knows its password.
import "server-only";
import { hashPassword, verifyPassword } from "../security/password-hash";
import type { Db } from "../db";
import { clear, hitAll, RATE_LIMITS, refund, type RateRule } from "../rate-limit";
import { isAllowedText } from "../security/input-text";
import { uuidv7 } from "../uuidv7";

export type LoginFailure =
  | "invalid"
  | "rate_limited"
  | "pending_activation"
  | "pending_validation"
  /** Waiting for an administrator's validation in an organisation that has no administrator account (issue 16 item 4). */
  | "pending_validation_no_administrator"
  | "pending_legal_representative"
  | "deactivated_inactivity"
  | "deactivated_never_activated"
  | "deactivated_invalidated"
  | "deactivated_closed";

export type AuthenticationResult =
  | { ok: true; accountId: string; sessionVersion: number }
  | { ok: false; reason: LoginFailure; retryAfterSeconds?: number };

/**
 * Whether the organisation has an administrator account (an active account with the role).
 * Deputies (DEP) who may validate accounts should count here once they exist.
 */
export async function hasAdministratorAccount(db: Db, organisationId: string | null): Promise<boolean> {
  if (!organisationId) return false;
  return (await db.account.count({ where: { organisationId, role: "ADMINISTRATOR", status: "ACTIVE" } })) > 0;
}

let decoyHash: Promise<string> | undefined;

export async function authenticate(
  db: Db,
  credentials: { identifier: string; password: string },
  context: { ipAddress: string; userAgent?: string | null; now?: Date },
): Promise<AuthenticationResult> {
  // SEC-9: an identifier holding a refused character (NUL would fail the query) names no
  // account; it is answered and counted like any unknown identifier, under the empty key.
  const identifier = isAllowedText(credentials.identifier) ? credentials.identifier.trim().toLowerCase() : "";
  const { password } = credentials;

  // SEC-8: the attempt is recorded as a failure for both limits BEFORE the password is
  // checked, in one statement per limit that also says whether the limit allows it, so N
  // concurrent tries evaluate at most the limit. A right password then gives the attempt back.
  // Every statement here competes with argon2 for the same cores (SPEC: logins within 15 % of
  // the hashing ceiling): the two limits are recorded concurrently, and a success costs one
  // more round trip for both.
  const identifierLimit: [RateRule, string] = [RATE_LIMITS.loginFailuresPerIdentifier, identifier];
  const addressLimit: [RateRule, string] = [RATE_LIMITS.loginFailuresPerAddress, context.ipAddress];
  const limits = await hitAll(db, [identifierLimit, addressLimit]);
  if (!limits.allowed) return { ok: false, reason: "rate_limited", retryAfterSeconds: limits.retryAfterSeconds };

  const account = identifier
    ? await db.account.findUnique({
        where: { identifier },
        select: {
          id: true,
          passwordHash: true,
          status: true,
          deactivationReason: true,
          adminRoleRequestedAt: true,
          sessionVersion: true,
          organisationId: true,
        },
      })
    : null;

  let valid = false;
  if (account?.passwordHash) {
    valid = await verifyPassword(account.passwordHash, password);
  } else {
    decoyHash ??= hashPassword("leurre-pour-un-temps-de-reponse-constant");
    await verifyPassword(await decoyHash, password);
  }

  // A wrong password stays counted against both limits.
  if (!account || !valid) return { ok: false, reason: "invalid" };
  // The right password: this account's failures are forgiven, and this attempt was no failure
  // of the address.
  await Promise.all([clear(db, ...identifierLimit), refund(db, ...addressLimit)]);

  switch (account.status) {
    case "PENDING_ACTIVATION":
      return { ok: false, reason: "pending_activation" };
    case "PENDING_VALIDATION": {
      const pendingRequest =
        account.adminRoleRequestedAt &&
        (await db.adminRequest.findFirst({ where: { requesterId: account.id, status: "PENDING" }, select: { id: true } }));
      if (pendingRequest) return { ok: false, reason: "pending_legal_representative" };
      // Nobody can validate this account until someone becomes administrator (issue 16 item 4).
      return { ok: false, reason: (await hasAdministratorAccount(db, account.organisationId)) ? "pending_validation" : "pending_validation_no_administrator" };
    }
    case "DEACTIVATED":
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
  await db.$executeRaw`
    WITH "login" AS (
      UPDATE "accounts" SET "lastLoginAt" = ${now}, "inactivityWarnedAt" = NULL, "updatedAt" = ${now}
      WHERE "id" = ${account.id}::uuid RETURNING "id", "organisationId"
    )
    INSERT INTO "login_events" ("id", "accountId", "organisationId", "ipAddress", "userAgent", "createdAt")
    SELECT ${uuidv7(now)}::uuid, "id", "organisationId", ${context.ipAddress}, ${context.userAgent ?? null}, ${now} FROM "login"`;
  return { ok: true, accountId: account.id, sessionVersion: account.sessionVersion };
}
