// ORG-5: a person with accounts in several organisations moves between them without
// logging out. The target must share the current account's verified e-mail address; its
// password is asked the first time in the browser session, then remembered in the session.
// Switching is a new sign-in of the target account (SEC-7): a sign-in row of its own, and
// the row the browser leaves is ended.
import "server-only";
import { recordAuditEvent } from "../audit/record-audit-event";
import { endAuthSession, startAuthSession } from "../auth/auth-sessions";
import type { Db } from "../db";
import { hit, RATE_LIMITS, tooManyAttempts } from "../rate-limit";
import { hasSecondFactor } from "../mfa/factors";
import { verifyPassword } from "../security/password-hash";
import type { AccountRole } from "../generated/prisma/enums";
import { actorOfAccount, RateLimitedError, UserError } from "../operation";

export function unlockKey(accountId: string, sessionVersion: number): string {
  return `${accountId}:${sessionVersion}`;
}

export interface LinkedAccount {
  id: string;
  identifier: string;
  role: AccountRole;
  organisationId: string;
  sessionVersion: number;
  /** The unlock key to remember in the browser session when the password was given now, else null. */
  newlyUnlocked: string | null;
}

/**
 * ORG-5: proves that `viewer` may act as another of their accounts, as the switcher does
 * (Mon espace, and the organisation choice of an e-service's login, SSO-3): the same verified
 * e-mail address, an active account of an organisation, and its password once per browser
 * session (never a password alone for an account with a second factor, MFA-2).
 */
export async function proveLinkedAccount(
  db: Db,
  viewer: { accountId: string; email: string; unlockedAccountIds: string[] },
  input: { targetAccountId: string; password?: string },
): Promise<LinkedAccount> {
  const current = await db.account.findUnique({ where: { id: viewer.accountId }, select: { emailVerifiedAt: true } });
  const target = await db.account.findUnique({
    where: { id: input.targetAccountId },
    select: { id: true, identifier: true, role: true, email: true, emailVerifiedAt: true, status: true, passwordHash: true, sessionVersion: true, organisationId: true },
  });
  // Another person's account, or a forged id, gets the same answer as an unknown one.
  if (!current?.emailVerifiedAt || !target || target.id === viewer.accountId || target.email !== viewer.email || !target.emailVerifiedAt || !target.organisationId) {
    throw new UserError("Ce compte n'est pas disponible.");
  }
  if (target.status !== "ACTIVE") throw new UserError("Ce compte n'est pas actif : connectez-vous à lui directement pour savoir pourquoi.");

  // Unlocked for this browser session, unless its password changed since.
  const unlocked = isUnlocked(viewer, target);
  // MFA-2: a password alone never opens an account that has a second factor.
  if (!unlocked && (await hasSecondFactor(db, target.id))) {
    throw new UserError("Ce compte est protégé par une double authentification : déconnectez-vous, puis connectez-vous directement à ce compte.");
  }
  if (!unlocked) {
    const limit = await hit(db, RATE_LIMITS.switchPerAccount, target.id);
    if (!limit.allowed) throw new RateLimitedError(tooManyAttempts(limit.retryAfterSeconds), limit.retryAfterSeconds);
    if (!input.password || !target.passwordHash || !(await verifyPassword(target.passwordHash, input.password))) {
      throw new UserError("Mot de passe incorrect pour ce compte.", "password");
    }
  }
  return {
    id: target.id,
    identifier: target.identifier,
    role: target.role,
    organisationId: target.organisationId,
    sessionVersion: target.sessionVersion,
    newlyUnlocked: unlocked ? null : unlockKey(target.id, target.sessionVersion),
  };
}

/** Whether the browser session already holds the account's password (ORG-5), for its current sessionVersion. */
export function isUnlocked(viewer: { unlockedAccountIds: string[] }, account: { id: string; sessionVersion: number }): boolean {
  return viewer.unlockedAccountIds.includes(unlockKey(account.id, account.sessionVersion));
}

export async function switchAccount(
  db: Db,
  viewer: { accountId: string; email: string; unlockedAccountIds: string[]; authSessionId: string; sessionExpiresAt: Date },
  input: { targetAccountId: string; password?: string },
  context: { ipAddress: string; now?: Date },
): Promise<{ accountId: string; sessionVersion: number; unlockedAccountIds: string[]; authSessionId: string }> {
  const target = await proveLinkedAccount(db, viewer, input);
  const unlocked = target.newlyUnlocked === null;
  const now = context.now ?? new Date();
  const session = await db.$transaction(async (tx) => {
    const leaving = await tx.authSession.findUnique({ where: { id: viewer.authSessionId }, select: { userAgent: true } });
    await tx.account.update({ where: { id: target.id }, data: { lastLoginAt: now, inactivityWarnedAt: null } });
    await tx.loginEvent.create({
      data: { accountId: target.id, organisationId: target.organisationId, ipAddress: context.ipAddress, userAgent: leaving?.userAgent ?? null, createdAt: now },
    });
    await endAuthSession(tx, viewer.authSessionId, "SWITCHED_ACCOUNT", now);
    // Without a password typed now, the new row ends when the browser's sign-in does: switching
    // back and forth must not stretch the absolute lifetime.
    return startAuthSession(
      tx,
      {
        accountId: target.id,
        ipAddress: context.ipAddress,
        userAgent: leaving?.userAgent,
        expiresAt: unlocked ? viewer.sessionExpiresAt : undefined,
        // Unlocked earlier in this browser session: what proved it then is not known here.
        amr: unlocked ? [] : ["pwd"],
      },
      now,
    );
  });
  await recordAuditEvent(db, {
    actor: actorOfAccount(target),
    action: "account.switched_to",
    organisationId: target.organisationId,
    target: { type: "account", id: target.id, label: target.identifier },
    details: { from: viewer.accountId },
    ipAddress: context.ipAddress,
    at: now,
  });
  return {
    accountId: target.id,
    sessionVersion: target.sessionVersion,
    unlockedAccountIds: [...new Set([...viewer.unlockedAccountIds, unlockKey(target.id, target.sessionVersion)])],
    authSessionId: session.id,
  };
}
