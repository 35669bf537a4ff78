// The operators' print queue (LR-6): letters waiting to be printed, the day's batch as one
// PDF, "marquer comme posté" with the date, and the history. Letter PDFs carry a live
// code: they are kept until 30 days after posting, then purged (the purge job below).
import "server-only";
import { recordAuditEvent } from "../audit/record-audit-event";
import { SYSTEM_ACTOR, type Actor, type OperationContext } from "../operation";
import type { Db } from "../db";
import type { ScheduledJob } from "../jobs/runner";
import { mergePdfs } from "./merge-pdfs";

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
          organisation: { select: { id: true, name: true, addressPostalCode: true, addressCity: true } },
          requester: { select: { firstName: true, lastName: true } },
        },
      },
    },
  });
  return letters.map((letter) => ({
    ...letter,
    addressComplete: Boolean(letter.adminRequest.organisation.addressPostalCode && letter.adminRequest.organisation.addressCity),
  }));
}

export async function listLetterHistory(db: Db, take = 50) {
  return db.letter.findMany({
    where: { status: { in: ["POSTED", "CANCELLED"] } },
    orderBy: [{ postedAt: { sort: "desc", nulls: "last" } }, { createdAt: "desc" }],
    take,
    select: {
      id: true,
      status: true,
      createdAt: true,
      postedAt: true,
      pdfPurgedAt: true,
      postedBy: { select: { identifier: true } },
      adminRequest: { select: { number: true, status: true, organisation: { select: { name: true } } } },
    },
  });
}

/** One letter's PDF, for an operator to reprint it (null once purged). */
export async function letterPdf(db: Db, id: string): Promise<{ pdf: Uint8Array; number: string } | null> {
  const letter = await db.letter.findUnique({
    where: { id },
    select: { pdf: true, adminRequest: { select: { number: true } } },
  });
  return letter?.pdf ? { pdf: letter.pdf, number: letter.adminRequest.number } : null;
}

/** Every letter waiting to be printed, in one PDF, oldest first. */
export async function queuedBatchPdf(db: Db): Promise<{ pdf: Buffer; count: number } | null> {
  const letters = await db.letter.findMany({
    where: { status: "QUEUED", pdf: { not: null } },
    orderBy: { createdAt: "asc" },
    select: { pdf: true },
  });
  if (!letters.length) return null;
  return { pdf: await mergePdfs(letters.map((letter) => letter.pdf!)), count: letters.length };
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
      await tx.letter.update({ where: { id: letter.id }, data: { status: "POSTED", postedAt: input.postedOn, postedById: actor.accountId } });
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

/** Daily: PDFs of letters posted (or cancelled) more than 30 days ago are deleted. */
export const purgeLetterPdfs: ScheduledJob = {
  name: "purge-letter-pdfs",
  period: "day",
  fromHour: 4,
  async run({ db, now }) {
    const limit = new Date(now.getTime() - PDF_RETENTION_DAYS * 86_400_000);
    const { count } = await db.letter.updateMany({
      where: {
        pdf: { not: null },
        OR: [
          { status: "POSTED", postedAt: { lt: limit } },
          { status: "CANCELLED", createdAt: { lt: limit } },
        ],
      },
      data: { pdf: null, pdfPurgedAt: now },
    });
    if (count) await recordAuditEvent(db, { actor: SYSTEM_ACTOR, action: "letter.pdfs_purged", details: { count }, at: now });
    return { purged: count };
  },
};
