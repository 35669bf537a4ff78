// The append-only audit log (ADM-5): who did what, to whom, when and from where. Written in
// the transaction of the change it records.
import "server-only";
import type { Prisma } from "../generated/prisma/client";
import type { AuditAuthor, Client } from "../operation";

/** How the authors without an account are named in the journal. */
const NAMED = {
  system: { label: "Portail (automatique)", role: "SYSTEM" },
  legal_representative: { label: "Représentant légal", role: "LEGAL_REPRESENTATIVE" },
} as const;


export async function recordAuditEvent(
  db: Client,
  event: {
    actor: AuditAuthor;
    action: string;
    organisationId?: string | null;
    target?: { type: string; id: string; label?: string };
    details?: Prisma.InputJsonValue;
    ipAddress?: string | null;
    at?: Date;
  },
): Promise<void> {
  const author =
    typeof event.actor === "string"
      ? { id: null, ...NAMED[event.actor] }
      : // A deputy acts with a user's role but the console's powers (DEP-1): the journal says which.
        { id: event.actor.accountId, label: event.actor.identifier, role: isDeputy(event.actor) ? "DEPUTY" : event.actor.role };
  await db.auditEvent.create({
    data: {
      createdAt: event.at,
      actorId: author.id,
      actorLabel: author.label,
      actorRole: author.role,
      action: event.action,
      organisationId: event.organisationId ?? null,
      targetType: event.target?.type,
      targetId: event.target?.id,
      targetLabel: event.target?.label,
      details: event.details,
      ipAddress: event.ipAddress ?? null,
    },
  });
}

function isDeputy(actor: object): boolean {
  return "isDeputy" in actor && actor.isDeputy === true;
}
