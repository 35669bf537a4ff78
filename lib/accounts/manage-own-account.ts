// What a person changes in their own space (ACC-9, ACC-10, SEC-6): profile, e-mail
// address (verified before it replaces the old one, which is told), password (current one
// required; every other session ends) and closing the account. Each operation acts on
// the signed-in account only.
import "server-only";
import { appUrl } from "../app-url";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Db } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { enqueueEmail } from "../mail/outbox";
import { consumeToken, inspectToken, issueToken, type TokenProblem } from "../tokens";
import { hashPassword } from "../security/password-hash";
import { passwordPolicyError } from "./password-rules";
import type { z } from "zod";
import type { profileSchema } from "./schemas";
import { verifyCurrentPassword } from "./verify-current-password";
import { deactivateAccount } from "../lifecycle/deactivation";
import { actorOfAccount, UserError, type Actor, type OperationContext } from "../operation";

async function ownAccount(db: Db, accountId: string) {
  const account = await db.account.findUnique({ where: { id: accountId }, include: { organisation: { select: { name: true } } } });
  if (!account || account.status !== "ACTIVE") throw new UserError("Votre session a expiré : reconnectez-vous.");
  return account;
}

/** Names may change; the identifier never does (ACC-2). */
export async function updateProfile(db: Db, actor: Actor, input: z.output<typeof profileSchema>, context: OperationContext = {}): Promise<void> {
  const account = await ownAccount(db, actor.accountId);
  await db.$transaction(async (tx) => {
    await tx.account.update({ where: { id: account.id }, data: input });
    await recordAuditEvent(tx, {
      actor: actorOfAccount(account),
      action: "account.profile_updated",
      organisationId: account.organisationId,
      target: { type: "account", id: account.id, label: account.identifier },
      ipAddress: context.ipAddress,
    });
  });
}

export function maskAddress(email: string): string {
  const [local, domain] = email.split("@");
  return `${local.slice(0, 2)}${"•".repeat(Math.max(1, local.length - 2))}@${domain}`;
}

export async function requestEmailChange(
  db: Db,
  actor: Actor,
  input: { email: string; currentPassword: string },
  context: OperationContext = {},
): Promise<void> {
  const now = context.now ?? new Date();
  const account = await ownAccount(db, actor.accountId);
  await verifyCurrentPassword(db, account, input.currentPassword);
  if (input.email === account.email) throw new UserError("C'est déjà l'adresse de votre compte.", "email");
  const taken = await db.account.findFirst({
    where: { organisationId: account.organisationId, email: input.email, id: { not: account.id } },
    select: { id: true },
  });
  if (taken) throw new UserError("Un autre compte de votre organisation utilise déjà cette adresse.", "email");

  await db.$transaction(async (tx) => {
    const { token } = await issueToken(tx, { purpose: "EMAIL_CHANGE", accountId: account.id, email: input.email, now });
    const common = { identifier: account.identifier, organisationName: account.organisation?.name ?? null };
    await enqueueEmail(tx, input.email, {
      template: "email-change-verify",
      data: { ...common, confirmUrl: appUrl(`/espace/adresse/${token}`), expiresInHours: 24 },
    });
    await enqueueEmail(tx, account.email, {
      template: "email-change-notice",
      data: { ...common, newAddressMasked: maskAddress(input.email), stage: "requested", forgottenPasswordUrl: appUrl("/mot-de-passe-oublie") },
    });
  });
}

export type EmailChangeOutcome = { ok: true; email: string } | { ok: false; problem: TokenProblem | "taken" };

/** The link sent to the new address proves it works: only then does it replace the old one. */
export async function confirmEmailChange(db: Db, rawToken: string, now = new Date()): Promise<EmailChangeOutcome> {
  const check = await inspectToken(db, "EMAIL_CHANGE", rawToken, now);
  if (!check.ok || !check.token.accountId || !check.token.email) return { ok: false, problem: check.ok ? "unknown" : check.problem };
  const newEmail = check.token.email;
  return db.$transaction(async (tx) => {
    const used = await consumeToken(tx, "EMAIL_CHANGE", rawToken, now);
    if (!used.ok) return { ok: false as const, problem: used.problem };
    const account = await tx.account.findUniqueOrThrow({
      where: { id: check.token.accountId! },
      include: { organisation: { select: { name: true } } },
    });
    const taken = await tx.account.findFirst({
      where: { organisationId: account.organisationId, email: newEmail, id: { not: account.id } },
      select: { id: true },
    });
    if (taken) return { ok: false as const, problem: "taken" as const };
    await tx.account.update({ where: { id: account.id }, data: { email: newEmail, emailVerifiedAt: now } });
    const common = { identifier: account.identifier, organisationName: account.organisation?.name ?? null };
    await enqueueEmail(tx, account.email, {
      template: "email-change-notice",
      data: { ...common, newAddressMasked: maskAddress(newEmail), stage: "confirmed", forgottenPasswordUrl: appUrl("/mot-de-passe-oublie") },
    });
    await recordAuditEvent(tx, {
      actor: actorOfAccount(account),
      action: "account.email_changed",
      organisationId: account.organisationId,
      target: { type: "account", id: account.id, label: account.identifier },
      at: now,
    });
    return { ok: true as const, email: newEmail };
  });
}

/** Tells the account's address that its password changed, with the way back if it was not them. */
export async function notifyPasswordChanged(
  tx: Prisma.TransactionClient,
  account: { email: string; identifier: string; organisation: { name: string } | null },
  now: Date,
): Promise<void> {
  await enqueueEmail(tx, account.email, {
    template: "password-changed",
    data: {
      identifier: account.identifier,
      organisationName: account.organisation?.name ?? null,
      changedAt: now,
      forgottenPasswordUrl: appUrl("/mot-de-passe-oublie"),
    },
  });
}

/** Returns the account's new sessionVersion: the caller keeps its own session on it. */
export async function changePassword(
  db: Db,
  actor: Actor,
  input: { currentPassword: string; password: string },
  context: OperationContext = {},
): Promise<number> {
  const now = context.now ?? new Date();
  const account = await ownAccount(db, actor.accountId);
  await verifyCurrentPassword(db, account, input.currentPassword);
  const problem = passwordPolicyError(input.password, account);
  if (problem) throw new UserError(problem, "password");
  if (input.password === input.currentPassword) throw new UserError("Choisissez un mot de passe différent de l'actuel.", "password");
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    const updated = await tx.account.update({
      where: { id: account.id },
      data: { passwordHash, sessionVersion: { increment: 1 } },
      select: { sessionVersion: true },
    });
    await notifyPasswordChanged(tx, account, now);
    await recordAuditEvent(tx, {
      actor: actorOfAccount(account),
      action: "account.password_changed",
      organisationId: account.organisationId,
      target: { type: "account", id: account.id, label: account.identifier },
      at: now,
    });
    return updated.sessionVersion;
  });
}

/** SEC-6: the account is closed, its permissions removed and every session ended. */
export async function closeAccount(db: Db, actor: Actor, input: { currentPassword: string }, context: OperationContext = {}): Promise<void> {
  const now = context.now ?? new Date();
  const account = await ownAccount(db, actor.accountId);
  await verifyCurrentPassword(db, account, input.currentPassword);
  await db.$transaction(async (tx) => {
    await deactivateAccount(tx, account, { reason: "CLOSED_BY_OWNER", now });
    await enqueueEmail(tx, account.email, {
      template: "account-closed",
      data: {
        identifier: account.identifier,
        organisationName: account.organisation?.name ?? null,
        closedAt: now,
        registrationUrl: appUrl("/inscription"),
      },
    });
    await recordAuditEvent(tx, {
      actor: actorOfAccount(account),
      action: "account.closed_by_owner",
      organisationId: account.organisationId,
      target: { type: "account", id: account.id, label: account.identifier },
      details: { wasAdministrator: account.role === "ADMINISTRATOR" },
      at: now,
    });
  });
}
