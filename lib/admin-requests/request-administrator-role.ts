// An activated account asks to become its organisation's administrator (ACC-4, LR-1): a
// request with a fresh confirmation code is created and its letter generated at once, to
// the legal representative at the address held in the directory (ORG-4). Any pending
// request of the same organisation is superseded: its code stops working and its letter,
// if not posted yet, is withdrawn from the print queue (LR-5).
import "server-only";
import { letterJobTitle } from "../accounts/job-titles";
import { appUrl } from "../app-url";
import { recordAuditEvent } from "../audit/record-audit-event";
import { authenticate } from "../auth/authenticate";
import { loginFailureMessage } from "../auth/login-messages";
import { actorOfAccount, UserError, type Actor, type OperationContext } from "../operation";
import type { Db } from "../db";
import { administratorRequestStatus } from "./queries";
import type { Prisma } from "../generated/prisma/client";
import { formatAddressBlock } from "../letters/address-block";
import { storeLetterContent, type LetterContent } from "../letters/letter-content";
import { printQueueSender } from "../letters/letter-sender";
import { renderLetterPdf } from "../letters/render-letter";
import { encryptAtRest } from "../security/encryption";
import { letterSender, supportContacts } from "../support-contacts";
import { adminRequestCodeContext, generateConfirmationCode, generateRequestNumber, hashConfirmationCode } from "./confirmation-code";

export const CODE_VALIDITY_DAYS = 60;

async function freeRequestNumber(tx: Prisma.TransactionClient): Promise<string> {
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const number = generateRequestNumber();
    if (!(await tx.adminRequest.findUnique({ where: { number }, select: { id: true } }))) return number;
  }
  throw new Error("Impossible d'attribuer un numéro de demande.");
}

export async function requestAdministratorRole(
  tx: Prisma.TransactionClient,
  input: { account: { id: string; organisationId: string; identifier: string }; actor: Actor; now?: Date },
): Promise<{ requestId: string; number: string; code: string }> {
  const now = input.now ?? new Date();
  const superseded = await tx.adminRequest.findMany({
    where: { organisationId: input.account.organisationId, status: "PENDING" },
    select: { id: true },
  });
  await tx.adminRequest.updateMany({
    where: { id: { in: superseded.map((request) => request.id) } },
    data: { status: "SUPERSEDED", closedAt: now, codeCiphertext: null, codeKeyId: null },
  });
  await tx.letter.updateMany({
    where: { adminRequestId: { in: superseded.map((request) => request.id) }, status: "QUEUED" },
    data: { status: "CANCELLED" },
  });

  // One after the other: a transaction is one connection, which pg runs one query at a time
  // (queuing concurrent ones is deprecated and goes in pg 9).
  const organisation = await tx.organisation.findUniqueOrThrow({ where: { id: input.account.organisationId } });
  const requester = await tx.account.findUniqueOrThrow({ where: { id: input.account.id } });
  const currentAdministrator = await tx.account.findFirst({
    where: { organisationId: input.account.organisationId, role: "ADMINISTRATOR", status: "ACTIVE", id: { not: input.account.id } },
    select: { firstName: true, lastName: true },
  });
  const deputyship = await tx.deputy.findFirst({
    where: { accountId: input.account.id, organisationId: input.account.organisationId, status: "ACCEPTED" },
    select: { id: true },
  });
  // DEP-2: a deputy asking for the role (the administrator gone, or leaving) is named as such.
  const requesterIsDeputy = Boolean(deputyship);

  const code = generateConfirmationCode();
  const number = await freeRequestNumber(tx);
  const expiresAt = new Date(now.getTime() + CODE_VALIDITY_DAYS * 86_400_000);
  // The code in clear exists only on paper; the database keeps its keyed hash to check it,
  // and an encrypted copy to re-print the letter while the request is pending (LR-6).
  const encrypted = encryptAtRest(code, adminRequestCodeContext(number));
  const request = await tx.adminRequest.create({
    data: {
      number,
      organisationId: organisation.id,
      requesterId: requester.id,
      codeHash: hashConfirmationCode(code),
      codeCiphertext: encrypted.ciphertext,
      codeKeyId: encrypted.keyId,
      expiresAt,
      createdAt: now,
    },
  });

  const address = formatAddressBlock(organisation);
  const support = supportContacts();
  const content: LetterContent = {
    requestNumber: number,
    expiresAt,
    issuedAt: now,
    validationUrl: appUrl("/validation-administrateur"),
    organisation: { name: organisation.name, code: organisation.code, typeLiaison: organisation.typeLiaison },
    sender: letterSender(),
    addressLines: address.lines,
    requester: {
      civility: requester.civility,
      firstName: requester.firstName,
      lastName: requester.lastName,
      // Only a title of the closed list reaches the letter, never the free text (LR-2).
      jobTitle: letterJobTitle(requester.jobTitle, requester.civility),
      email: requester.email,
      identifier: requester.identifier,
    },
    requesterIsDeputy,
    currentAdministrator,
    supportEmail: support.email,
    supportPhone: support.phone,
  };
  const pdf = await renderLetterPdf({ ...content, confirmationCode: code });
  const letter = await tx.letter.create({
    data: {
      adminRequestId: request.id,
      addressLines: address.lines,
      pdf: new Uint8Array(pdf),
      content: storeLetterContent(content),
      sender: printQueueSender.name,
      createdAt: now,
    },
  });
  await printQueueSender.submit({ id: letter.id, pdf: new Uint8Array(pdf), addressLines: address.lines });

  await recordAuditEvent(tx, {
    actor: input.actor,
    action: "admin_request.created",
    organisationId: organisation.id,
    target: { type: "account", id: requester.id, label: requester.identifier },
    details: { number, superseded: superseded.length, addressComplete: address.complete, ...(requesterIsDeputy ? { deputy: true } : {}) },
    at: now,
  });
  return { requestId: request.id, number, code };
}

/**
 * LR-1: a user of the organisation asks for the role, from "Mon espace", or from the login
 * page while her account waits for an administrator who does not exist (below).
 */
export async function askForAdministratorRole(db: Db, actor: Actor, context: { now?: Date } = {}): Promise<void> {
  if (actor.role !== "USER" || !actor.organisationId) throw new UserError("Votre compte ne peut pas demander ce rôle.");
  if (await administratorRequestStatus(db, actor.accountId)) throw new UserError("Une demande est déjà en cours pour votre compte.");
  const organisationId = actor.organisationId;
  const now = context.now ?? new Date();
  await db.$transaction(async (tx) => {
    // As when the role is asked for at registration: an account still waiting for validation
    // then reads "waiting for the legal representative" at login (ACC-6).
    await tx.account.update({ where: { id: actor.accountId }, data: { adminRoleRequestedAt: now } });
    await requestAdministratorRole(tx, {
      account: { id: actor.accountId, organisationId, identifier: actor.identifier },
      actor,
      now,
    });
  });
}

/**
 * Issue 16 item 4, DEP-2: a registered user whose organisation has neither administrator nor deputy cannot
 * sign in (nobody can validate her) and asks for the role herself, from the login page that
 * told her so, proving herself with her password (counted by the login limits).
 */
export async function askForAdministratorRoleWithPassword(
  db: Db,
  credentials: { identifier: string; password: string },
  context: OperationContext & { ipAddress: string },
): Promise<void> {
  const result = await authenticate(db, credentials, { ipAddress: context.ipAddress, userAgent: context.userAgent, now: context.now });
  if (result.ok) throw new UserError("Votre compte est actif : demandez ce rôle depuis « Mon espace ».");
  if (result.reason === "pending_validation") {
    throw new UserError("Votre organisation a maintenant un administrateur ou un suppléant : c'est lui qui valide votre compte.");
  }
  if (result.reason !== "pending_validation_unmanaged") throw new UserError(loginFailureMessage(result.reason, result.retryAfterSeconds));
  const account = await db.account.findUniqueOrThrow({
    where: { identifier: credentials.identifier.trim().toLowerCase() },
    select: { id: true, organisationId: true, identifier: true, role: true },
  });
  await askForAdministratorRole(db, actorOfAccount(account), context);
}
