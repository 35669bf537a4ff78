// Clicking the activation link (ACC-4, LIFE-4): the e-mail address is verified. A new
// account then waits for its administrator's validation, and an administrator
// registration starts the legal representative's validation. An account deactivated
// for inactivity or because it was never activated comes back the same way.
import "server-only";
import { requestAdministratorRole } from "../admin-requests/request-administrator-role";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Db } from "../db";
import type { AccountStatus } from "../generated/prisma/enums";
import { consumeToken, inspectToken, type TokenProblem } from "../tokens";
import { hashPassword } from "../security/password-hash";
import { passwordPolicyError } from "./password-rules";
import { actorOfAccount, SYSTEM_ACTOR, UserError } from "../operation";
import { organisationHasManager } from "../deputies/continuity";

export type ActivationOutcome =
  | {
      ok: true;
      identifier: string;
      organisationName: string;
      /** How the name takes its article (lib/french/names.ts). */
      organisationTypeLiaison: number;
      status: AccountStatus;
      administratorRequested: boolean;
      organisationHasAdministrator: boolean;
    }
  | { ok: false; problem: TokenProblem | "not_applicable" };

/**
 * An account created by an import (BULK-3) has no password yet: the person chooses it here,
 * with the same policy as at registration (PWD-1..3). Its administrator created it, so it is
 * active at once instead of waiting for validation.
 */
export async function activationNeedsPassword(db: Db, rawToken: string, now = new Date()): Promise<{ identifier: string; firstName: string; lastName: string; email: string } | null> {
  const check = await inspectToken(db, "ACTIVATION", rawToken, now);
  if (!check.ok || !check.token.accountId) return null;
  const account = await db.account.findUnique({
    where: { id: check.token.accountId },
    select: { identifier: true, firstName: true, lastName: true, email: true, passwordHash: true },
  });
  return account && !account.passwordHash ? account : null;
}

export async function activateAccount(db: Db, rawToken: string, now = new Date(), password?: string): Promise<ActivationOutcome> {
  const check = await inspectToken(db, "ACTIVATION", rawToken, now);
  if (!check.ok) return { ok: false, problem: check.problem };
  let passwordHash: string | null = null;
  const holder = check.token.accountId
    ? await db.account.findUnique({ where: { id: check.token.accountId }, select: { passwordHash: true, identifier: true, firstName: true, lastName: true, email: true } })
    : null;
  if (holder && !holder.passwordHash) {
    if (!password) throw new UserError("Choisissez votre mot de passe pour activer votre compte.", "password");
    const problem = passwordPolicyError(password, holder);
    if (problem) throw new UserError(problem, "password");
    passwordHash = await hashPassword(password);
  }

  return db.$transaction(async (tx) => {
    const used = await consumeToken(tx, "ACTIVATION", rawToken, now);
    if (!used.ok || !used.token.accountId) return { ok: false as const, problem: used.ok ? ("unknown" as const) : used.problem };
    const account = await tx.account.findUniqueOrThrow({
      where: { id: used.token.accountId },
      include: { organisation: { select: { id: true, name: true, typeLiaison: true } } },
    });
    if (!account.organisationId || !account.organisation) return { ok: false as const, problem: "not_applicable" as const };

    if (!account.passwordHash && !passwordHash) return { ok: false as const, problem: "not_applicable" as const };
    // Created by its administrator (an import): validated from the start.
    const preValidated = Boolean(account.validatedAt) && !account.activatedAt;
    let status: AccountStatus = account.status;
    if (account.status === "PENDING_ACTIVATION" || account.deactivationReason === "NEVER_ACTIVATED") {
      status = preValidated ? "ACTIVE" : "PENDING_VALIDATION";
    } else if (account.status === "DEACTIVATED" && account.deactivationReason === "INACTIVITY") {
      // Validated before: the account is active again, without its former permissions (LIFE-4).
      status = "ACTIVE";
    } else if (account.status === "DEACTIVATED") {
      return { ok: false as const, problem: "not_applicable" as const };
    }

    await tx.account.update({
      where: { id: account.id },
      data: {
        status,
        emailVerifiedAt: account.emailVerifiedAt ?? now,
        activatedAt: account.activatedAt ?? now,
        deactivationReason: status === "DEACTIVATED" ? account.deactivationReason : null,
        deactivatedAt: status === "DEACTIVATED" ? account.deactivatedAt : null,
        lastLoginAt: status === "ACTIVE" && account.status === "DEACTIVATED" ? now : account.lastLoginAt,
        ...(passwordHash ? { passwordHash, activationLinkDueAt: null } : {}),
      },
    });
    if (status !== account.status) {
      await recordAuditEvent(tx, {
        actor: SYSTEM_ACTOR,
        action: "account.activated",
        organisationId: account.organisationId,
        target: { type: "account", id: account.id, label: account.identifier },
        details: { from: account.status, to: status },
        at: now,
      });
    }

    const administratorRequested = Boolean(account.adminRoleRequestedAt) && account.role !== "ADMINISTRATOR";
    if (administratorRequested) {
      const pending = await tx.adminRequest.findFirst({ where: { requesterId: account.id, status: "PENDING" }, select: { id: true } });
      if (!pending) {
        await requestAdministratorRole(tx, {
          account: { id: account.id, organisationId: account.organisationId, identifier: account.identifier },
          actor: actorOfAccount(account),
          now,
        });
      }
    }
    // Someone to validate the account: an administrator or an accepted deputy (DEP-2).
    const organisationHasAdministrator = account.organisationId ? await organisationHasManager(tx, account.organisationId) : false;
    return {
      ok: true as const,
      identifier: account.identifier,
      organisationName: account.organisation.name,
      organisationTypeLiaison: account.organisation.typeLiaison,
      status,
      administratorRequested,
      organisationHasAdministrator,
    };
  });
}
