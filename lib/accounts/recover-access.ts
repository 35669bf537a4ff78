// Forgotten password and forgotten identifier (ACC-7, ACC-8). The person learns nothing
// on screen about which accounts exist: the e-mail tells, to the address of the accounts.
// No password ever travels by e-mail: a single-use link (1 hour) lets them choose one.
import "server-only";
import { endOidcLogins } from "../oidc/logout";
import { appUrl } from "../app-url";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Db } from "../db";
import { enqueueEmail } from "../mail/outbox";
import { clear, hit, RATE_LIMITS, tooManyAttempts, type RateRule } from "../rate-limit";
import { consumeToken, inspectToken, issueToken, type TokenProblem } from "../tokens";
import { notifyPasswordChanged } from "./manage-own-account";
import { hashPassword } from "../security/password-hash";
import { passwordPolicyError } from "./password-rules";
import { RateLimitedError, SYSTEM_ACTOR, UserError } from "../operation";

async function limit(db: Db, rule: RateRule, subject: string): Promise<void> {
  const decision = await hit(db, rule, subject);
  if (!decision.allowed) throw new RateLimitedError(tooManyAttempts(decision.retryAfterSeconds), decision.retryAfterSeconds);
}

/** Sends reset links for the accounts matching an identifier or an e-mail address. */
export async function requestPasswordReset(db: Db, login: string, context: { ipAddress: string; now?: Date }): Promise<void> {
  const now = context.now ?? new Date();
  const normalized = login.trim().toLowerCase();
  await limit(db, RATE_LIMITS.recoveryPerAddress, context.ipAddress);
  await limit(db, RATE_LIMITS.recoveryPerEmail, normalized);

  const accounts = await db.account.findMany({
    where: {
      OR: [{ identifier: normalized }, { email: normalized }],
      status: { in: ["ACTIVE", "PENDING_VALIDATION", "PENDING_ACTIVATION"] },
    },
    include: { organisation: { select: { name: true } } },
    orderBy: { identifier: "asc" },
    take: 20,
  });
  const byAddress = new Map<string, typeof accounts>();
  for (const account of accounts) byAddress.set(account.email, [...(byAddress.get(account.email) ?? []), account]);
  for (const [email, group] of byAddress) {
    await db.$transaction(async (tx) => {
      const links = [];
      for (const account of group) {
        const { token } = await issueToken(tx, { purpose: "PASSWORD_RESET", accountId: account.id, now });
        links.push({ identifier: account.identifier, organisationName: account.organisation?.name ?? null, resetUrl: appUrl(`/mot-de-passe-oublie/${token}`) });
      }
      await enqueueEmail(tx, email, { template: "password-reset", data: { accounts: links, expiresInMinutes: 60 } });
    });
  }
}

export type ResetOutcome = { ok: true; identifier: string } | { ok: false; problem: TokenProblem };

/** Sets the new password chosen through a reset link; every session of the account ends (ACC-10). */
export async function resetPassword(db: Db, rawToken: string, password: string, now = new Date()): Promise<ResetOutcome> {
  const check = await inspectToken(db, "PASSWORD_RESET", rawToken, now);
  if (!check.ok || !check.token.accountId) return { ok: false, problem: check.ok ? "unknown" : check.problem };
  const account = await db.account.findUniqueOrThrow({
    where: { id: check.token.accountId },
    include: { organisation: { select: { name: true } } },
  });
  const problem = passwordPolicyError(password, account);
  if (problem) throw new UserError(problem, "password");
  const passwordHash = await hashPassword(password);

  return db.$transaction(async (tx) => {
    const used = await consumeToken(tx, "PASSWORD_RESET", rawToken, now);
    if (!used.ok) return { ok: false as const, problem: used.problem };
    await tx.account.update({ where: { id: account.id }, data: { passwordHash, sessionVersion: { increment: 1 } } });
    // SSO-5: the e-services opened from those sessions are signed out too (someone who knew the
    // old password keeps no e-service session, nor a refresh token).
    await endOidcLogins(tx, { accountId: account.id }, "session_ended", now);
    await clear(tx, RATE_LIMITS.loginFailuresPerIdentifier, account.identifier);
    await notifyPasswordChanged(tx, account, now);
    await recordAuditEvent(tx, {
      actor: SYSTEM_ACTOR,
      action: "account.password_reset",
      organisationId: account.organisationId,
      target: { type: "account", id: account.id, label: account.identifier },
      at: now,
    });
    return { ok: true as const, identifier: account.identifier };
  });
}

/** E-mails the identifiers of every account using this address, with their organisation. */
export async function remindIdentifiers(db: Db, email: string, context: { ipAddress: string }): Promise<void> {
  const normalized = email.trim().toLowerCase();
  await limit(db, RATE_LIMITS.recoveryPerAddress, context.ipAddress);
  await limit(db, RATE_LIMITS.recoveryPerEmail, `identifiant:${normalized}`);
  const accounts = await db.account.findMany({
    where: { email: normalized, organisationId: { not: null } },
    include: { organisation: { select: { name: true } } },
    orderBy: { identifier: "asc" },
    take: 50,
  });
  if (!accounts.length) return;
  await enqueueEmail(db, normalized, {
    template: "identifier-reminder",
    data: {
      accounts: accounts.map((account) => ({ identifier: account.identifier, organisationName: account.organisation?.name ?? null })),
      loginUrl: appUrl("/connexion"),
    },
  });
}
