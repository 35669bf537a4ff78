// Deputy administrators (DEP-1): the administrator designates up to three of the
// organisation's active users, who accept (or decline) from Mon espace; the administrator
// removes them; a deputy may renounce. Each step is one transaction with its audit event and
// the e-mail to the person concerned (MAIL-1, ADM-5).
//
// The limit of three counts pending and accepted designations. It is checked under the
// organisation's row lock (SELECT … FOR UPDATE), which every designation takes first: two
// designations at the same instant are counted one after the other, never both against the
// same count. The unique index on accountId keeps one designation per account.
import "server-only";
import { appUrl } from "../app-url";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Db } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { enqueueEmail } from "../mail/outbox";
import { administratorEnrolmentDeadline } from "../mfa/policy";
import type { DeputyNoticeEvent } from "../mail/templates";
import { UserError, type Actor, type AdministratorActor, type OperationContext } from "../operation";

export const MAX_DEPUTIES = 3;
export const DEPUTIES_PAGE = "/administration/suppleants";
export const SPACE_DEPUTY_ANCHOR = "/espace#suppleance";

type Tx = Prisma.TransactionClient;

const fullName = (person: { firstName: string; lastName: string }) => `${person.firstName} ${person.lastName}`;

/** The organisation's row, locked: every change to its deputies waits for the one before. */
async function lockOrganisation(tx: Tx, organisationId: string): Promise<{ id: string; name: string }> {
  const [row] = await tx.$queryRaw<{ id: string; name: string }[]>`
    SELECT "id", "name" FROM "organisations" WHERE "id" = ${organisationId}::uuid FOR UPDATE`;
  if (!row) throw new UserError("Organisation inconnue.");
  return row;
}

/** The organisation's active administrators (one, or none while the role is vacant). */
export function activeAdministrators(tx: Tx, organisationId: string) {
  return tx.account.findMany({
    where: { organisationId, role: "ADMINISTRATOR", status: "ACTIVE" },
    select: { id: true, identifier: true, email: true, firstName: true, lastName: true },
  });
}

/** One notice to one person, through the outbox of the caller's transaction. */
export async function sendDeputyNotice(
  tx: Tx,
  recipient: { email: string; identifier: string },
  notice: { event: DeputyNoticeEvent; organisationName: string; otherPersonName: string; url: string; deactivationAt?: Date },
): Promise<void> {
  // The organisation's name takes its article in the e-mail (« suppléant du Havre »): read
  // here once rather than threaded through every caller, which know the name only.
  const organisation = await tx.organisation.findFirst({ where: { accounts: { some: { identifier: recipient.identifier } } }, select: { typeLiaison: true } });
  await enqueueEmail(tx, recipient.email, {
    template: "deputy-notice",
    data: { ...notice, organisationTypeLiaison: organisation?.typeLiaison ?? null, identifier: recipient.identifier },
  });
}

/** Finds the designated person among the organisation's accounts, by identifier or e-mail address. */
async function lockCandidate(tx: Tx, organisationId: string, login: string) {
  const key = login.trim().toLowerCase();
  const [row] = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "accounts"
    WHERE "organisationId" = ${organisationId}::uuid AND ("identifier" = ${key} OR "email" = ${key})
    ORDER BY ("identifier" = ${key}) DESC
    LIMIT 1
    FOR UPDATE`;
  // Another organisation's account and an unknown one get the same answer.
  if (!row) throw new UserError("Aucun compte de votre organisation ne porte cet identifiant ou cette adresse.", "login");
  return tx.account.findUniqueOrThrow({ where: { id: row.id } });
}

/** DEP-1: the administrator designates a deputy; the person is asked to accept. */
export async function designateDeputy(
  db: Db,
  administrator: AdministratorActor,
  input: { login: string },
  context: OperationContext = {},
): Promise<{ deputyId: string; identifier: string; name: string }> {
  const now = context.now ?? new Date();
  return db.$transaction(async (tx) => {
    const organisation = await lockOrganisation(tx, administrator.organisationId);
    const account = await lockCandidate(tx, organisation.id, input.login);
    if (account.id === administrator.accountId) throw new UserError("Vous êtes l'administrateur : désignez une autre personne.", "login");
    if (account.status !== "ACTIVE") throw new UserError("Seul un compte actif peut être désigné suppléant.", "login");
    if (account.role !== "USER") throw new UserError("Cette personne est déjà administrateur de l'organisation.", "login");
    if (await tx.deputy.findUnique({ where: { accountId: account.id }, select: { id: true } })) {
      throw new UserError("Cette personne est déjà suppléante, ou sa désignation attend sa réponse.", "login");
    }
    const count = await tx.deputy.count({ where: { organisationId: organisation.id } });
    if (count >= MAX_DEPUTIES) {
      throw new UserError(`Votre organisation a déjà ${MAX_DEPUTIES} suppléants (désignés ou en attente) : retirez-en un avant d'en désigner un autre.`);
    }
    const deputy = await tx.deputy.create({
      data: { organisationId: organisation.id, accountId: account.id, designatedById: administrator.accountId, designatedAt: now },
    });
    const designator = await tx.account.findUniqueOrThrow({ where: { id: administrator.accountId }, select: { firstName: true, lastName: true } });
    await sendDeputyNotice(tx, account, {
      event: "designated",
      organisationName: organisation.name,
      otherPersonName: fullName(designator),
      url: appUrl(SPACE_DEPUTY_ANCHOR),
    });
    await recordAuditEvent(tx, {
      actor: administrator,
      action: "deputy.designated",
      organisationId: organisation.id,
      target: { type: "account", id: account.id, label: account.identifier },
      ipAddress: context.ipAddress,
      at: now,
    });
    return { deputyId: deputy.id, identifier: account.identifier, name: fullName(account) };
  });
}

/** DEP-1: the administrator withdraws a designation, pending or accepted; the person is told. */
export async function removeDeputy(db: Db, administrator: AdministratorActor, input: { accountId: string }, context: OperationContext = {}): Promise<{ name: string }> {
  const now = context.now ?? new Date();
  return db.$transaction(async (tx) => {
    const organisation = await lockOrganisation(tx, administrator.organisationId);
    const deputy = await tx.deputy.findFirst({
      where: { accountId: input.accountId, organisationId: organisation.id },
      include: { account: { select: { id: true, identifier: true, email: true, firstName: true, lastName: true } } },
    });
    if (!deputy) throw new UserError("Cette personne n'est pas suppléante de votre organisation.");
    await tx.deputy.delete({ where: { id: deputy.id } });
    const administratorRow = await tx.account.findUniqueOrThrow({ where: { id: administrator.accountId }, select: { firstName: true, lastName: true } });
    await sendDeputyNotice(tx, deputy.account, {
      event: "removed",
      organisationName: organisation.name,
      otherPersonName: fullName(administratorRow),
      url: appUrl("/espace"),
    });
    await recordAuditEvent(tx, {
      actor: administrator,
      action: "deputy.removed",
      organisationId: organisation.id,
      target: { type: "account", id: deputy.account.id, label: deputy.account.identifier },
      details: { status: deputy.status },
      ipAddress: context.ipAddress,
      at: now,
    });
    return { name: fullName(deputy.account) };
  });
}

export type DeputyAnswer = "accept" | "decline";

/**
 * DEP-1: the designated person answers from Mon espace. "accept" turns a pending designation
 * into the role; "decline" refuses a pending one, or renounces an accepted one. The
 * administrator is told either way.
 */
export async function answerDeputyDesignation(db: Db, actor: Actor, input: { answer: DeputyAnswer }, context: OperationContext = {}): Promise<DeputyAnswer | "resigned"> {
  const now = context.now ?? new Date();
  if (!actor.organisationId) throw new UserError("Aucune désignation de suppléant ne vous attend.");
  const organisationId = actor.organisationId;
  return db.$transaction(async (tx) => {
    const organisation = await lockOrganisation(tx, organisationId);
    const deputy = await tx.deputy.findFirst({
      where: { accountId: actor.accountId, organisationId },
      include: { account: { select: { identifier: true, firstName: true, lastName: true, status: true, role: true } } },
    });
    if (!deputy) throw new UserError("Aucune désignation de suppléant ne vous attend : elle a peut-être été retirée.");
    let outcome: DeputyAnswer | "resigned";
    if (input.answer === "accept") {
      if (deputy.status === "ACCEPTED") throw new UserError("Vous êtes déjà suppléant de votre organisation.");
      if (deputy.account.status !== "ACTIVE" || deputy.account.role !== "USER") throw new UserError("Votre compte ne peut pas prendre ce rôle.");
      await tx.deputy.update({ where: { id: deputy.id }, data: { status: "ACCEPTED", acceptedAt: now } });
      // MFA-3 as for an administrator: the console's powers call for a second factor within 14 days.
      await tx.account.updateMany({ where: { id: actor.accountId, mfaEnrolmentDeadline: null }, data: { mfaEnrolmentDeadline: administratorEnrolmentDeadline(now) } });
      outcome = "accept";
    } else {
      await tx.deputy.delete({ where: { id: deputy.id } });
      outcome = deputy.status === "ACCEPTED" ? "resigned" : "decline";
    }
    const event = outcome === "accept" ? "accepted" : outcome === "decline" ? "declined" : "resigned";
    for (const administrator of await activeAdministrators(tx, organisationId)) {
      await sendDeputyNotice(tx, administrator, {
        event,
        organisationName: organisation.name,
        otherPersonName: fullName(deputy.account),
        url: appUrl(DEPUTIES_PAGE),
      });
    }
    await recordAuditEvent(tx, {
      actor,
      action: `deputy.${event}`,
      organisationId,
      target: { type: "account", id: actor.accountId, label: deputy.account.identifier },
      ipAddress: context.ipAddress,
      at: now,
    });
    return outcome;
  });
}
