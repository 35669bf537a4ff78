// MFA-4, lost everything: the phone, the keys and the recovery codes. The person writes to the
// assistance; an operator, after checking who they are (the check is written in the ticket's
// note and the audit log), removes every second factor of the requester's account. The person
// is e-mailed and every session of the account ends (sessionVersion moves on): whoever signs
// in next does so with the password, then enrols again where a factor is required.
// Like LIFE-4's reactivation (lib/support/reactivate-requester-account.ts), only the accounts
// tied to the ticket can be reset.
import "server-only";
import { endOidcLogins } from "../oidc/logout";
import { appUrl } from "../app-url";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Db } from "../db";
import { enqueueEmail } from "../mail/outbox";
import { UserError, type OperationContext, type OperatorActor } from "../operation";
import { isRequesterAccount } from "../support/reactivate-requester-account";
import { factorCount, factorsOf } from "./factors";

export async function resetSecondFactor(
  db: Db,
  operator: OperatorActor,
  input: { ticketId: string; accountId: string; note: string },
  context: OperationContext = {},
): Promise<{ endedSessions: number }> {
  const now = context.now ?? new Date();
  return db.$transaction(async (tx) => {
    const ticket = await tx.supportTicket.findUnique({ where: { id: input.ticketId } });
    if (!ticket) throw new UserError("Cette demande d'assistance n'existe pas.");
    const [row] = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "accounts" WHERE "id" = ${input.accountId}::uuid FOR UPDATE`;
    const account = row ? await tx.account.findUniqueOrThrow({ where: { id: row.id }, include: { organisation: { select: { name: true } } } }) : null;
    // An unknown id and an account foreign to the ticket get the same answer.
    if (!account || !isRequesterAccount(ticket, account)) throw new UserError("Ce compte n'est pas celui de la personne qui a fait la demande.");
    if (account.id === operator.accountId) throw new UserError("Un opérateur ne réinitialise pas sa propre double authentification : demandez à un collègue.");
    const factors = await factorsOf(tx, account.id);
    if (factorCount(factors) === 0 && factors.recoveryCodesLeft === 0) throw new UserError("Ce compte n'a aucune méthode de double authentification.");

    await tx.totpSecret.deleteMany({ where: { accountId: account.id } });
    await tx.webAuthnCredential.deleteMany({ where: { accountId: account.id } });
    await tx.recoveryCode.deleteMany({ where: { accountId: account.id } });
    await tx.mfaChallenge.updateMany({ where: { accountId: account.id, consumedAt: null }, data: { consumedAt: now } });
    // Every session ends: the next sign-in is with the password, then enrolment again.
    await tx.account.update({ where: { id: account.id }, data: { sessionVersion: { increment: 1 } } });
    const { count } = await tx.authSession.updateMany({
      where: { accountId: account.id, endedAt: null, expiresAt: { gt: now } },
      data: { endedAt: now, endReason: "LOGOUT_EVERYWHERE" },
    });
    // SSO-5: and the e-services opened from them.
    await endOidcLogins(tx, { accountId: account.id }, "session_ended", now);
    await enqueueEmail(tx, account.email, {
      template: "second-factor-changed",
      data: {
        identifier: account.identifier,
        organisationName: account.organisation?.name ?? null,
        change: "reset_by_support",
        detail: ticket.number,
        changedAt: now,
        securityUrl: appUrl("/espace/securite"),
      },
    });
    await recordAuditEvent(tx, {
      actor: operator,
      action: "mfa.reset_by_support",
      organisationId: account.organisationId,
      target: { type: "account", id: account.id, label: account.identifier },
      details: {
        ticket: ticket.number,
        note: input.note.trim(),
        removed: { totp: Boolean(factors.totp), passkeys: factors.passkeys.length, recoveryCodes: factors.recoveryCodesLeft },
        endedSessions: count,
      },
      ipAddress: context.ipAddress,
      at: now,
    });
    return { endedSessions: count };
  });
}
