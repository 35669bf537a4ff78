// The append-only audit log (ADM-5): who did what, to whom, when and from where. Written in
// the transaction of the change it records.
import "server-only";
import type { Db } from "../db";
import type { Prisma } from "../generated/prisma/client";

export interface AuditActor {
  id: string | null;
  label: string;
  role: string | null;
}

/** Where and when an audited operation happens. */
export interface OperationContext {
  ipAddress?: string | null;
  now?: Date;
}

export const SYSTEM_ACTOR: AuditActor = { id: null, label: "Portail (automatique)", role: "SYSTEM" };

export function accountActor(account: { id: string; identifier: string; role: string }): AuditActor {
  return { id: account.id, label: account.identifier, role: account.role };
}

export async function recordAuditEvent(
  db: Db | Prisma.TransactionClient,
  event: {
    actor: AuditActor;
    action: string;
    organisationId?: string | null;
    target?: { type: string; id: string; label?: string };
    details?: Prisma.InputJsonValue;
    ipAddress?: string | null;
    at?: Date;
  },
): Promise<void> {
  await db.auditEvent.create({
    data: {
      createdAt: event.at,
      actorId: event.actor.id,
      actorLabel: event.actor.label,
      actorRole: event.actor.role,
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
