// The operators' print queue (LR-6): letters waiting to be printed, the day's batch as one
// PDF, "marquer comme posté" with the date, and the history. A letter's PDF carries its
// confirmation code in clear: it is kept only while the letter waits to be printed, and
// deleted when it is marked posted. While the request is still pending, an operator may
// re-print it: the letter is rendered again from its stored content and the request's
// encrypted code (security/encryption.ts). Every download, single or batch, is audited.
import "server-only";
import { adminRequestCodeContext } from "../admin-requests/confirmation-code";
import { recordAuditEvent } from "../audit/record-audit-event";
import { SYSTEM_ACTOR, type Actor, type OperationContext } from "../operation";
import type { Db } from "../db";
import type { ScheduledJob } from "../jobs/runner";
import { decryptAtRest } from "../security/encryption";
import type { Prisma } from "../generated/prisma/client";
import { formatAddressBlock, type OrganisationPostalAddress } from "./address-block";
import { readLetterContent, storeLetterContent } from "./letter-content";
import { addressProblems as listAddressProblems, letterHistoryStatus } from "./history-status";
import { mergePdfs } from "./merge-pdfs";
import { renderLetterPdf } from "./render-letter";

/** Days a cancelled letter's PDF is kept (its code no longer works). */
export const PDF_RETENTION_DAYS = 30;

export async function listQueuedLetters(db: Db) {
  const letters = await db.letter.findMany({
    where: { status: "QUEUED" },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      createdAt: true,
      addressLines: true,
      adminRequest: {
        select: {
          number: true,
          organisation: { select: { id: true, name: true, typeLiaison: true, addressStreet: true, addressPostalCode: true, addressCity: true } },
          requester: { select: { firstName: true, lastName: true } },
        },
      },
    },
  });
  return letters.map((letter) => {
    // Issue 16 item 3: flagged before printing, not found out when La Poste returns it.
    const addressProblems = listAddressProblems(letter.adminRequest.organisation);
    return { ...letter, addressProblems, addressComplete: addressProblems.length === 0 };
  });
}

export async function listLetterHistory(db: Db, take = 50, now = new Date()) {
  const letters = await db.letter.findMany({
    where: { status: { in: ["POSTED", "CANCELLED"] } },
    orderBy: [{ postedAt: { sort: "desc", nulls: "last" } }, { createdAt: "desc" }],
    take,
    select: {
      id: true,
      status: true,
      createdAt: true,
      postedAt: true,
      pdfPurgedAt: true,
      content: true,
      postedBy: { select: { identifier: true } },
      adminRequest: { select: { number: true, status: true, expiresAt: true, codeCiphertext: true, organisation: { select: { name: true } } } },
    },
  });
  return letters.map(({ content, adminRequest: { codeCiphertext, expiresAt, ...adminRequest }, ...letter }) => ({
    ...letter,
    adminRequest,
    statusLabel: letterHistoryStatus({ status: letter.status, requestStatus: adminRequest.status }),
    reprintable: isReprintable({ status: letter.status, content, adminRequest: { status: adminRequest.status, expiresAt, codeCiphertext } }, now),
  }));
}

/** A posted letter can be printed again while its request waits for the legal representative. */
function isReprintable(
  letter: { status: string; content: unknown; adminRequest: { status: string; expiresAt: Date; codeCiphertext: string | null } },
  now: Date,
): boolean {
  return (
    letter.status === "POSTED" &&
    letter.content !== null &&
    letter.adminRequest.status === "PENDING" &&
    letter.adminRequest.expiresAt > now &&
    letter.adminRequest.codeCiphertext !== null
  );
}

/**
 * One letter's PDF for an operator: the stored one while it waits to be printed, or, once
 * posted, the same letter rendered again with the request's code while that request is
 * pending (a re-print). Null when there is none any more. Audited either way.
 */
export async function downloadLetterPdf(
  db: Db,
  actor: Actor,
  id: string,
  context: OperationContext = {},
): Promise<{ pdf: Uint8Array; number: string } | null> {
  const now = context.now ?? new Date();
  const letter = await db.letter.findUnique({
    where: { id },
    select: {
      id: true,
      status: true,
      pdf: true,
      content: true,
      adminRequest: { select: { number: true, organisationId: true, status: true, expiresAt: true, codeCiphertext: true, codeKeyId: true } },
    },
  });
  if (!letter) return null;
  const request = letter.adminRequest;
  let pdf: Uint8Array | null = letter.status === "QUEUED" ? letter.pdf : null;
  if (!pdf && isReprintable(letter, now) && request.codeKeyId) {
    const code = decryptAtRest({ ciphertext: request.codeCiphertext!, keyId: request.codeKeyId }, adminRequestCodeContext(request.number));
    const content = readLetterContent(letter.content);
    if (code && content) pdf = await renderLetterPdf({ ...content, confirmationCode: code });
  }
  if (!pdf) return null;
  await recordAuditEvent(db, {
    actor,
    action: "letter.downloaded",
    organisationId: request.organisationId,
    target: { type: "letter", id: letter.id, label: request.number },
    details: { reprint: letter.status !== "QUEUED" },
    ipAddress: context.ipAddress,
    at: now,
  });
  return { pdf, number: request.number };
}

/** Every letter waiting to be printed, in one PDF, oldest first; each letter's download audited. */
export async function downloadQueuedBatch(
  db: Db,
  actor: Actor,
  context: OperationContext = {},
): Promise<{ pdf: Buffer; count: number } | null> {
  const now = context.now ?? new Date();
  const letters = await db.letter.findMany({
    where: { status: "QUEUED", pdf: { not: null } },
    orderBy: { createdAt: "asc" },
    select: { id: true, pdf: true, adminRequest: { select: { number: true, organisationId: true } } },
  });
  if (!letters.length) return null;
  const pdf = await mergePdfs(letters.map((letter) => letter.pdf!));
  await db.$transaction(async (tx) => {
    for (const letter of letters) {
      await recordAuditEvent(tx, {
        actor,
        action: "letter.downloaded",
        organisationId: letter.adminRequest.organisationId,
        target: { type: "letter", id: letter.id, label: letter.adminRequest.number },
        details: { batch: letters.length },
        ipAddress: context.ipAddress,
        at: now,
      });
    }
  });
  return { pdf, count: letters.length };
}

/** "Marquer comme posté" (LR-6): returns how many letters were still queued and are now posted. */
export async function markLettersPosted(
  db: Db,
  actor: Actor,
  input: { letterIds: string[]; postedOn: Date },
  context: OperationContext = {},
): Promise<number> {
  return db.$transaction(async (tx) => {
    const letters = await tx.letter.findMany({
      where: { id: { in: input.letterIds }, status: "QUEUED" },
      select: { id: true, adminRequest: { select: { number: true, organisationId: true } } },
    });
    for (const letter of letters) {
      // Posted: the PDF with the code in clear has done its job (a re-print renders it again).
      await tx.letter.update({
        where: { id: letter.id },
        data: { status: "POSTED", postedAt: input.postedOn, postedById: actor.accountId, pdf: null, pdfPurgedAt: context.now ?? new Date() },
      });
      await recordAuditEvent(tx, {
        actor,
        action: "letter.posted",
        organisationId: letter.adminRequest.organisationId,
        target: { type: "letter", id: letter.id, label: letter.adminRequest.number },
        details: { postedOn: input.postedOn.toISOString().slice(0, 10) },
        ipAddress: context.ipAddress,
      });
    }
    return letters.length;
  });
}

/**
 * Daily: PDFs of letters cancelled more than 30 days ago are deleted, like any PDF of a
 * posted letter still stored (none is, since posting deletes it); the encrypted codes of
 * requests that are closed or expired go too, nothing being left to re-print.
 */
export const purgeLetterPdfs: ScheduledJob = {
  name: "purge-letter-pdfs",
  period: "day",
  fromHour: 4,
  async run({ db, now }) {
    const limit = new Date(now.getTime() - PDF_RETENTION_DAYS * 86_400_000);
    const { count } = await db.letter.updateMany({
      where: {
        pdf: { not: null },
        OR: [{ status: "POSTED" }, { status: "CANCELLED", createdAt: { lt: limit } }],
      },
      data: { pdf: null, pdfPurgedAt: now },
    });
    const codes = await db.adminRequest.updateMany({
      where: { codeCiphertext: { not: null }, OR: [{ status: { not: "PENDING" } }, { expiresAt: { lte: now } }] },
      data: { codeCiphertext: null, codeKeyId: null },
    });
    if (count) await recordAuditEvent(db, { actor: SYSTEM_ACTOR, action: "letter.pdfs_purged", details: { count }, at: now });
    return { purged: count, codesErased: codes.count };
  },
};

/**
 * Issue 16 item 3: once an operator completes an organisation's address, the letters of its
 * pending requests still waiting to be printed are rendered again to that address (same
 * number, code and date), so the flagged letter can then be printed as it is.
 */
export async function refreshQueuedLetters(
  tx: Prisma.TransactionClient,
  organisation: OrganisationPostalAddress & { id: string; code: string; typeLiaison: number },
): Promise<number> {
  const letters = await tx.letter.findMany({
    where: { status: "QUEUED", adminRequest: { organisationId: organisation.id, status: "PENDING" } },
    select: { id: true, content: true, adminRequest: { select: { number: true, codeCiphertext: true, codeKeyId: true } } },
  });
  const address = formatAddressBlock(organisation);
  let refreshed = 0;
  for (const letter of letters) {
    const content = readLetterContent(letter.content);
    const { codeCiphertext, codeKeyId, number } = letter.adminRequest;
    const code = content && codeCiphertext && codeKeyId ? decryptAtRest({ ciphertext: codeCiphertext, keyId: codeKeyId }, adminRequestCodeContext(number)) : null;
    if (!content || !code) continue;
    const updated = {
      ...content,
      addressLines: address.lines,
      organisation: { name: organisation.name, code: organisation.code, typeLiaison: organisation.typeLiaison },
    };
    const pdf = await renderLetterPdf({ ...updated, confirmationCode: code });
    await tx.letter.update({
      where: { id: letter.id },
      data: { pdf: new Uint8Array(pdf), addressLines: address.lines, content: storeLetterContent(updated) },
    });
    refreshed += 1;
  }
  return refreshed;
}
