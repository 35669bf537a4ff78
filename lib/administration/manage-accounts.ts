// The administrator's decisions on the organisation's accounts (ADM-2, LIFE-4): validate or
// refuse an account waiting for validation, invalidate an active one with a reason, and
// reactivate an invalidated one — never restoring its permissions silently. Each person is
// told by e-mail; each decision is audited in the same transaction (ADM-5). Only accounts of
// the administrator's own organisation can be touched. An account with a pending request for
// the administrator role can be validated but neither refused nor invalidated: that request
// belongs to the legal representative (LR-5), and only their decision, its expiry, a newer
// request or the requester's own withdrawal (closing the account) ends it.
import "server-only";
import { appUrl } from "../app-url";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { AccountStatus, Prisma } from "../generated/prisma/client";
import { deactivateAccount } from "../lifecycle/deactivation";
import { activeAgainData } from "../lifecycle/reactivation";
import { enqueueEmail } from "../mail/outbox";
import type { Db } from "../db";
import { UserError, type OperationContext, type OrganisationManagerActor } from "../operation";
import { deNom } from "../french/names";
import { formatDate } from "../calendar";

export type AccountDecision = "validate" | "refuse" | "invalidate" | "reactivate";

const ALLOWED_FROM: Record<AccountDecision, (account: { status: AccountStatus; deactivationReason: string | null; anonymisedAt: Date | null }) => boolean> = {
  validate: (account) => account.status === "PENDING_VALIDATION",
  refuse: (account) => account.status === "PENDING_VALIDATION",
  invalidate: (account) => account.status === "ACTIVE",
  // An anonymised account (DEP-5) has nobody left to reactivate: its person registers again.
  reactivate: (account) => account.status === "DEACTIVATED" && account.deactivationReason === "INVALIDATED" && !account.anonymisedAt,
};

const NOT_ALLOWED: Record<AccountDecision, string> = {
  validate: "Ce compte n'attend pas de validation.",
  refuse: "Ce compte n'attend pas de validation.",
  invalidate: "Seul un compte actif peut être désactivé.",
  reactivate: "Seul un compte désactivé par l'administrateur peut être réactivé ici.",
};

async function lockAccountOfOrganisation(tx: Prisma.TransactionClient, organisationId: string, accountId: string) {
  const [row] = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "accounts" WHERE "id" = ${accountId}::uuid AND "organisationId" = ${organisationId}::uuid FOR UPDATE`;
  // Another organisation's account, or an unknown id: the same answer, nothing revealed.
  if (!row) throw new UserError("Ce compte n'appartient pas à votre organisation.");
  return tx.account.findUniqueOrThrow({ where: { id: row.id } });
}


/** The account's administrator request still open to the legal representative, locked. */
async function lockPendingAdministratorRequest(tx: Prisma.TransactionClient, organisationId: string, accountId: string, now: Date) {
  const [row] = await tx.$queryRaw<{ number: string; expiresAt: Date }[]>`
    SELECT "number", "expiresAt" FROM "admin_requests"
    WHERE "requesterId" = ${accountId}::uuid AND "organisationId" = ${organisationId}::uuid
      AND "status" = 'PENDING' AND "expiresAt" > ${now}
    FOR UPDATE`;
  return row ?? null;
}

export async function decideOnAccount(
  db: Db,
  administrator: OrganisationManagerActor,
  input: { accountId: string; decision: AccountDecision; note?: string | null },
  context: OperationContext = {},
): Promise<{ personName: string }> {
  const now = context.now ?? new Date();
  if (input.accountId === administrator.accountId && input.decision !== "validate") {
    throw new UserError("Vous ne pouvez pas prendre cette décision sur votre propre compte.");
  }
  if ((input.decision === "invalidate" || input.decision === "refuse") && !input.note?.trim()) {
    throw new UserError("Indiquez le motif : il sera communiqué à la personne.", "note");
  }
  return db.$transaction(async (tx) => {
    // Refusing or invalidating someone who asked to become administrator would cancel that
    // request: the legal representative, who outranks the administrator, decides it (LR-5).
    // The request's row is locked before the account's, in the order the confirmation takes
    // them (confirm-admin-request.ts), so both cannot wait on each other.
    if (input.decision === "refuse" || input.decision === "invalidate") {
      const pending = await lockPendingAdministratorRequest(tx, administrator.organisationId, input.accountId, now);
      if (pending) {
        throw new UserError(
          `Cette personne a demandé à devenir administrateur (demande ${pending.number}) : c'est le représentant légal ` +
            `de l'organisation qui décide. Vous ne pourrez refuser ou désactiver ce compte qu'une fois la demande ` +
            `close (sans réponse, elle expire le ${formatDate(pending.expiresAt)}).`,
        );
      }
    }
    const account = await lockAccountOfOrganisation(tx, administrator.organisationId, input.accountId);
    if (!ALLOWED_FROM[input.decision](account)) throw new UserError(NOT_ALLOWED[input.decision]);
    // DEP-1: a deputy runs the accounts of colleagues, not those of the people who run the
    // organisation: the administrator's role is the legal representative's to give, and
    // deputies are the administrator's to choose.
    if (administrator.role !== "ADMINISTRATOR" && (input.decision === "refuse" || input.decision === "invalidate")) {
      if (account.role === "ADMINISTRATOR") throw new UserError("Un suppléant ne peut pas désactiver le compte de l'administrateur.");
      if (await tx.deputy.findUnique({ where: { accountId: account.id }, select: { id: true } })) {
        throw new UserError("Cette personne est suppléante : seul l'administrateur peut lui retirer ce rôle ou désactiver son compte.");
      }
    }
    // Confirmed meanwhile by the legal representative: the account now holds the role, and
    // its former holder may not undo that decision.
    if (account.role === "ADMINISTRATOR" && (input.decision === "refuse" || input.decision === "invalidate")) {
      throw new UserError("Le représentant légal a désigné cette personne administrateur : vous ne pouvez pas désactiver son compte.");
    }
    const { firstName, lastName, organisation } = await tx.account.findUniqueOrThrow({
      where: { id: administrator.accountId },
      select: { firstName: true, lastName: true, organisation: { select: { name: true, typeLiaison: true } } },
    });
    const organisationName = organisation?.name ?? "";
    const common = { identifier: account.identifier, organisationName, organisationTypeLiaison: organisation?.typeLiaison ?? 0 };

    switch (input.decision) {
      case "validate":
      case "reactivate":
        await tx.account.update({
          where: { id: account.id },
          data: activeAgainData(account, now, { reactivation: input.decision === "reactivate" }),
        });
        await enqueueEmail(tx, account.email, {
          template: "account-validated",
          data: { ...common, loginUrl: appUrl("/connexion"), reactivated: input.decision === "reactivate" },
        });
        break;
      case "refuse":
      case "invalidate":
        await deactivateAccount(tx, account, { reason: "INVALIDATED", now, note: input.note!.trim() });
        await enqueueEmail(tx, account.email, {
          template: "account-deactivated",
          data: {
            ...common,
            reason: input.decision === "refuse" ? "REFUSED" : "INVALIDATED",
            deactivatedAt: now,
            note: input.note!.trim(),
            contactHint: `Pour toute question, adressez-vous à ${firstName} ${lastName}, ${administrator.role === "ADMINISTRATOR" ? "administrateur" : "administrateur suppléant"} ${deNom({ name: organisationName, typeLiaison: organisation?.typeLiaison })}.`,
          },
        });
        break;
    }
    await recordAuditEvent(tx, {
      actor: administrator,
      action: `account.${input.decision === "validate" ? "validated" : input.decision === "refuse" ? "refused" : input.decision === "invalidate" ? "invalidated" : "reactivated"}`,
      organisationId: administrator.organisationId,
      target: { type: "account", id: account.id, label: account.identifier },
      details: input.note ? { note: input.note.trim() } : undefined,
      ipAddress: context.ipAddress,
      at: now,
    });
    return { personName: `${account.firstName} ${account.lastName}` };
  });
}
