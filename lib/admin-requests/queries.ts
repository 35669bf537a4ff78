// The requester's view of their administrator request (LR-7).
import "server-only";
import { addJoursOuvrables } from "../calendar";
import type { Db } from "../db";

export const LETTER_DELAY_JOURS_OUVRABLES = 5;

export async function administratorRequestStatus(db: Db, accountId: string, now = new Date()) {
  const request = await db.adminRequest.findFirst({
    where: { requesterId: accountId, status: "PENDING" },
    orderBy: { createdAt: "desc" },
    select: { id: true, number: true, createdAt: true, expiresAt: true, letter: { select: { status: true, postedAt: true } } },
  });
  if (!request) return null;
  const postedAt = request.letter?.status === "POSTED" ? request.letter.postedAt : null;
  const overdueFrom = postedAt ? addJoursOuvrables(postedAt, LETTER_DELAY_JOURS_OUVRABLES) : null;
  return { ...request, postedAt, overdueFrom, overdue: Boolean(overdueFrom && overdueFrom <= now) };
}
