// ADM-6: the explicit consent a user gives, once, before first using an e-service that
// handles health data. Idempotent: a second consent changes nothing and is not audited again.
import "server-only";
import { recordAuditEvent } from "../../audit/record-audit-event";
import type { Db } from "../../db";
import { UserError, type Actor, type OperationContext } from "../../operation";


export async function recordHealthConsent(
  db: Db,
  actor: Actor,
  eServiceId: string,
  context: OperationContext = {},
): Promise<{ created: boolean }> {
  return db.$transaction(async (tx) => {
    const service = await tx.eService.findUnique({ where: { id: eServiceId }, select: { id: true, name: true, handlesHealthData: true } });
    if (!service?.handlesHealthData) throw new UserError("Cet e-service ne demande pas de consentement.");
    const { count } = await tx.healthConsent.createMany({
      data: [{ accountId: actor.accountId, eServiceId }],
      skipDuplicates: true,
    });
    if (count === 0) return { created: false };
    await recordAuditEvent(tx, {
      actor: actor,
      action: "e_service.health_consent",
      organisationId: actor.organisationId,
      target: { type: "e_service", id: service.id, label: service.name },
      ipAddress: context.ipAddress ?? null,
    });
    return { created: true };
  });
}
