// The requester's view of their administrator request (LR-7), and the operators' count of
// requests in progress.
import "server-only";
import { addJoursOuvrables } from "../calendar";
import { db as portalDb, type Db } from "../db";
import type { Actor, OperatorActor } from "../operation";

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

/** The signed-in person's request in progress, if any (Mon espace). */
export function ownAdministratorRequest(actor: Actor, now = new Date()) {
  return administratorRequestStatus(portalDb, actor.accountId, now);
}

/** How many administrator requests are in progress (the operator's console home). */
export function countPendingAdminRequests(_operator: OperatorActor): Promise<number> {
  return portalDb.adminRequest.count({ where: { status: "PENDING" } });
}
