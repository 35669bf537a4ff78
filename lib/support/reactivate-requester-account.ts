// LIFE-4, operator path: while handling an assistance request, an operator reactivates the
// requester's deactivated account. Decisions:
// - Only accounts tied to the ticket: the one that made it (signed in), or those whose
//   e-mail address is the ticket's contact address. Any other id is refused.
// - Deactivated for inactivity or never activated: those are the cases the help centre sends
//   to the assistance. With a password and a verified address the account is ACTIVE again
//   at once; otherwise the person gets a new activation link (the ordinary activation then
//   takes over: an account never validated still waits for its administrator, ACC-4).
// - Invalidated by the administrator: refused. That is the organisation's decision (ADM-2)
//   and only its administrator reverses it, from the console.
// - Closed by its owner: refused. Closing is the person's own choice (SEC-6); they register
//   again, which needs no operator.
// - Permissions are never restored: deactivation removed them; the administrator grants
//   them again. The note and the ticket number go to the audit log; the person is e-mailed.
import "server-only";
import { registrationEmail, sendActivationLink } from "../accounts/activation-link";
import { appUrl } from "../app-url";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Db } from "../db";
import type { Account, SupportTicket } from "../generated/prisma/client";
import { activeAgainData } from "../lifecycle/reactivation";
import { enqueueEmail } from "../mail/outbox";
import { UserError, type OperationContext, type OperatorActor } from "../operation";

export type ReactivationOutcome = "reactivated" | "activation_link_sent";

/** Why an operator may not reactivate this account, or null when they may. */
export function reactivationRefusal(account: Pick<Account, "status" | "deactivationReason">): string | null {
  if (account.status !== "DEACTIVATED") return "Ce compte n'est pas désactivé.";
  switch (account.deactivationReason) {
    case "INVALIDATED":
      return "L'administrateur de l'organisation a désactivé ce compte : lui seul peut le réactiver, depuis sa console.";
    case "CLOSED_BY_OWNER":
      return "Ce compte a été fermé par son titulaire : il peut s'inscrire de nouveau.";
    default:
      return null;
  }
}

export function isRequesterAccount(ticket: Pick<SupportTicket, "accountId" | "contactEmail">, account: Pick<Account, "id" | "email">): boolean {
  return account.id === ticket.accountId || account.email === ticket.contactEmail.toLowerCase();
}

export async function reactivateRequesterAccount(
  db: Db,
  operator: OperatorActor,
  input: { ticketId: string; accountId: string; note: string },
  context: OperationContext = {},
): Promise<ReactivationOutcome> {
  const now = context.now ?? new Date();
  return db.$transaction(async (tx) => {
    const ticket = await tx.supportTicket.findUnique({ where: { id: input.ticketId } });
    if (!ticket) throw new UserError("Cette demande d'assistance n'existe pas.");
    const [row] = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "accounts" WHERE "id" = ${input.accountId}::uuid FOR UPDATE`;
    const account = row ? await tx.account.findUniqueOrThrow({ where: { id: row.id }, include: { organisation: { select: { name: true, typeLiaison: true } } } }) : null;
    // An unknown id and an account foreign to the ticket get the same answer.
    if (!account || !isRequesterAccount(ticket, account)) throw new UserError("Ce compte n'est pas celui de la personne qui a fait la demande.");
    const refusal = reactivationRefusal(account);
    if (refusal) throw new UserError(refusal);

    let outcome: ReactivationOutcome;
    if (account.passwordHash && account.emailVerifiedAt) {
      await tx.account.update({ where: { id: account.id }, data: activeAgainData(account, now, { reactivation: true }) });
      await enqueueEmail(tx, account.email, {
        template: "account-reactivated-by-support",
        data: {
          identifier: account.identifier,
          organisationName: account.organisation?.name ?? null,
          organisationTypeLiaison: account.organisation?.typeLiaison,
          ticketNumber: ticket.number,
          loginUrl: appUrl("/connexion"),
        },
      });
      outcome = "reactivated";
    } else {
      await sendActivationLink(tx, account, registrationEmail(account), now);
      outcome = "activation_link_sent";
    }
    await recordAuditEvent(tx, {
      actor: operator,
      action: outcome === "reactivated" ? "account.reactivated" : "account.reactivation_link_sent",
      organisationId: account.organisationId,
      target: { type: "account", id: account.id, label: account.identifier },
      details: { ticket: ticket.number, note: input.note.trim(), previousReason: account.deactivationReason },
      ipAddress: context.ipAddress,
      at: now,
    });
    return outcome;
  });
}
