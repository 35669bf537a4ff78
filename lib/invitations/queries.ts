// Read models of the invitations page (DEP-3), scoped to the administrator's organisation.
import "server-only";
import { db } from "../db";
import type { OrganisationManagerActor } from "../operation";
import { listSubscribedEServices } from "../subscriptions/queries";
import { pendingInvitations } from "./invite-person";

/** The page lists the most recent pending invitations; older ones are counted. */
export const PENDING_SHOWN = 200;

export async function listPendingInvitations(administrator: OrganisationManagerActor) {
  const where = pendingInvitations(administrator.organisationId);
  const [invitations, total] = await Promise.all([
    db.account.findMany({
      where,
      select: {
        id: true,
        identifier: true,
        civility: true,
        firstName: true,
        lastName: true,
        email: true,
        status: true,
        invitedAt: true,
        openingDate: true,
        welcomeSentAt: true,
        invitedBy: { select: { identifier: true } },
        permissions: { select: { eService: { select: { name: true } } }, orderBy: { eService: { name: "asc" } } },
      },
      orderBy: [{ invitedAt: "desc" }, { id: "desc" }],
      take: PENDING_SHOWN,
    }),
    db.account.count({ where }),
  ]);
  return { invitations, total };
}

export type PendingInvitation = Awaited<ReturnType<typeof listPendingInvitations>>["invitations"][number];

/** The e-services an invitation may grant: those the organisation is subscribed to, today or later. */
export function invitableEServices(administrator: OrganisationManagerActor) {
  return listSubscribedEServices(db, administrator.organisationId);
}
