// DEP-3: the administrator invites one person from the console. The invitation is an
// import of one person through the imports' own machinery: the same validation and
// normalisation as a CSV row (validatePerson), the same creation (createWelcomedAccounts: ID-1
// identifier, account validated at creation, e-services granted), the same welcome e-mail
// (sendWelcome / the imports task: identifier and activation link, never a password, on the
// opening date when there is one), the same activation page where the person chooses a
// password.
//
// Decisions:
// - An invitation is pending while its account was never activated: PENDING_ACTIVATION, or
//   deactivated by LIFE-3 because its link expired (a re-send opens it again).
// - "Renvoyer" issues a new link (the older ones stop working) in a transactional e-mail:
//   someone is waiting for it, as for the person's own "Renvoyer le courriel d'activation".
//   Limited like that one (5 per hour per account). Before the opening date there is
//   nothing to re-send: the welcome goes out that day.
// - "Retirer" deletes the never-activated account, as LIFE-3's purge does 30 days after its
//   link expired: its links go with it (ON DELETE CASCADE), its address is free for a new
//   invitation, and only the audit event remains, naming the identifier.
// - Limits (SEC-2): 50 invitations per hour per administrator and 200 per day per
//   organisation (lib/rate-limit.ts); an import is the way for a whole staff. The attempt is
//   counted inside the invitation's transaction, so an invitation refused for its content
//   does not count.
import "server-only";
import { sendActivationLink } from "../accounts/activation-link";
import { recordAuditEvent } from "../audit/record-audit-event";
import { formatDay, parisDayKey } from "../calendar";
import type { Db } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { createWelcomedAccounts, grantEServices } from "../imports/create-accounts";
import { capitalise, validatePerson } from "../imports/rows";
import { recipientSelect, sendWelcome, welcomeDueNow } from "../imports/welcome";
import { RateLimitedError, UserError, type OrganisationManagerActor, type OperationContext } from "../operation";
import { formatWait, hit, hitAll, RATE_LIMITS } from "../rate-limit";
import { listSubscribedEServices } from "../subscriptions/queries";
import type { InviteInput } from "./schemas";

type Tx = Prisma.TransactionClient;

/** The accounts of an organisation that are invitations still waiting to be accepted. */
export function pendingInvitations(organisationId: string): Prisma.AccountWhereInput {
  return {
    organisationId,
    invitedAt: { not: null },
    activatedAt: null,
    passwordHash: null,
    OR: [{ status: "PENDING_ACTIVATION" }, { status: "DEACTIVATED", deactivationReason: "NEVER_ACTIVATED" }],
  };
}

export interface InvitationResult {
  accountId: string;
  identifier: string;
  email: string;
  /** "YYYY-MM-DD" when the welcome waits for that day. */
  opensOn: string | null;
}

export async function invitePerson(db: Db, administrator: OrganisationManagerActor, input: InviteInput, context: OperationContext = {}): Promise<InvitationResult> {
  const now = context.now ?? new Date();
  const organisationId = administrator.organisationId;
  const validation = validatePerson({ civility: input.civility, firstName: input.firstName, lastName: input.lastName, email: input.email, openingDate: input.openingDate ?? "" });
  if (!validation.ok) {
    const [problem] = validation.problems;
    throw new UserError(`${capitalise(problem.text)}.`, problem.field);
  }
  const person = validation.row;
  if (person.openingDate && person.openingDate < parisDayKey(now)) {
    throw new UserError("La date d'ouverture est passée : laissez-la vide pour que l'invitation parte aujourd'hui.", "openingDate");
  }

  return db.$transaction(async (tx) => {
    const limit = await hitAll(tx, [
      [RATE_LIMITS.invitationsPerAdministrator, administrator.accountId],
      [RATE_LIMITS.invitationsPerOrganisation, organisationId],
    ]);
    if (!limit.allowed) {
      throw new RateLimitedError(
        `Vous avez envoyé beaucoup d'invitations en peu de temps : réessayez dans ${formatWait(limit.retryAfterSeconds)}. ` +
          "Pour créer les comptes de toute une équipe, importez un fichier depuis la page Imports.",
        limit.retryAfterSeconds,
      );
    }
    const subscribed = await listSubscribedEServices(tx, organisationId, now);
    const names = new Map(subscribed.map((eService) => [eService.id, eService.name]));
    const grant = [...new Set(input.eServiceIds)];
    if (grant.some((id) => !names.has(id))) {
      throw new UserError("Choisissez parmi les e-services auxquels votre organisation est abonnée.", "eServiceIds");
    }

    const taken = await tx.account.findFirst({ where: { organisationId, email: person.email }, select: { identifier: true, invitedAt: true, activatedAt: true } });
    if (taken) throw addressTaken(taken);
    const created = await createWelcomedAccounts(tx, {
      organisationId,
      people: [{ key: "invitation", person }],
      now,
      invitedById: administrator.accountId,
    });
    const account = created.get("invitation");
    // Taken between the check and the insert: a concurrent invitation, import or registration.
    if (!account) throw new UserError("Un compte de votre organisation vient d'être créé avec cette adresse.", "email");
    await grantEServices(tx, { organisationId, grants: grant.map((eServiceId) => ({ accountId: account.id, eServiceId })), grantedById: administrator.accountId, now });
    const dueNow = welcomeDueNow(person.openingDate, now);
    await recordAuditEvent(tx, {
      actor: administrator,
      action: "account.invited",
      organisationId,
      target: { type: "account", id: account.id, label: account.identifier },
      details: { eServices: grant.map((id) => names.get(id)!), openingDate: person.openingDate },
      ipAddress: context.ipAddress,
      at: now,
    });
    if (dueNow) await sendWelcome(tx, await tx.account.findUniqueOrThrow({ where: { id: account.id }, select: recipientSelect }), now);
    return { accountId: account.id, identifier: account.identifier, email: account.email, opensOn: dueNow ? null : person.openingDate };
  });
}

function addressTaken(account: { identifier: string; invitedAt: Date | null; activatedAt: Date | null }): UserError {
  if (account.invitedAt && !account.activatedAt) {
    return new UserError(
      `Cette personne est déjà invitée (identifiant ${account.identifier}) : utilisez « Renvoyer » dans la liste des invitations en attente.`,
      "email",
    );
  }
  return new UserError(`Un compte de votre organisation utilise déjà cette adresse (identifiant ${account.identifier}).`, "email");
}

const NOT_PENDING = "Cette invitation n'est plus en attente : la personne a déjà activé son compte, ou l'invitation a été retirée.";

/** The pending invitation of the administrator's organisation, locked for the change. */
async function lockInvitation(tx: Tx, organisationId: string, accountId: string) {
  const [row] = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "accounts" WHERE "id" = ${accountId}::uuid AND "organisationId" = ${organisationId}::uuid FOR UPDATE`;
  // Another organisation's account and an unknown id get the same answer.
  const account = row
    ? await tx.account.findFirst({
        where: { AND: [{ id: row.id }, pendingInvitations(organisationId)] },
        select: { ...recipientSelect, status: true, openingDate: true, welcomeSentAt: true },
      })
    : null;
  if (!account) throw new UserError(NOT_PENDING);
  return account;
}

export async function resendInvitation(db: Db, administrator: OrganisationManagerActor, input: { accountId: string }, context: OperationContext = {}) {
  const now = context.now ?? new Date();
  return db.$transaction(async (tx) => {
    const account = await lockInvitation(tx, administrator.organisationId, input.accountId);
    if (!account.welcomeSentAt && !welcomeDueNow(account.openingDate, now)) {
      throw new UserError(`L'accès de ${account.identifier} ouvre le ${formatDay(account.openingDate!)} : son courriel de bienvenue partira ce jour-là.`);
    }
    const limit = await hit(tx, RATE_LIMITS.activationResendPerAccount, account.id);
    if (!limit.allowed) {
      throw new RateLimitedError(`Cette invitation vient d'être renvoyée plusieurs fois : réessayez dans ${formatWait(limit.retryAfterSeconds)}.`, limit.retryAfterSeconds);
    }
    await tx.account.update({
      where: { id: account.id },
      // A link expired unused (LIFE-3) left the account deactivated: the new link opens it again.
      data: { status: "PENDING_ACTIVATION", deactivationReason: null, deactivatedAt: null, welcomeSentAt: account.welcomeSentAt ?? now },
    });
    await sendActivationLink(tx, account, { template: "import-welcome", kind: "welcome" }, now);
    await recordAuditEvent(tx, {
      actor: administrator,
      action: "account.invitation_resent",
      organisationId: administrator.organisationId,
      target: { type: "account", id: account.id, label: account.identifier },
      ipAddress: context.ipAddress,
      at: now,
    });
    return { identifier: account.identifier, email: account.email };
  });
}

export async function withdrawInvitation(db: Db, administrator: OrganisationManagerActor, input: { accountId: string }, context: OperationContext = {}) {
  const now = context.now ?? new Date();
  return db.$transaction(async (tx) => {
    const account = await lockInvitation(tx, administrator.organisationId, input.accountId);
    await tx.account.delete({ where: { id: account.id } });
    await recordAuditEvent(tx, {
      actor: administrator,
      action: "account.invitation_withdrawn",
      organisationId: administrator.organisationId,
      target: { type: "account", id: account.id, label: account.identifier },
      ipAddress: context.ipAddress,
      at: now,
    });
    return { identifier: account.identifier };
  });
}
