// ADM-6: the explicit consent a user gives, once, before first using an e-service that
// handles health data. Idempotent: a second consent changes nothing and is not audited again.
import "server-only";
import { accountActor, recordAuditEvent } from "../../audit/record-audit-event";
import type { Viewer } from "../../auth/viewer";
import type { Db } from "../../db";

export class HealthConsentError extends Error {}

export async function recordHealthConsent(
  db: Db,
  viewer: Pick<Viewer, "accountId" | "identifier" | "role" | "organisationId">,
  eServiceId: string,
  context: { ipAddress?: string | null } = {},
): Promise<{ created: boolean }> {
  return db.$transaction(async (tx) => {
    const service = await tx.eService.findUnique({ where: { id: eServiceId }, select: { id: true, name: true, handlesHealthData: true } });
    if (!service?.handlesHealthData) throw new HealthConsentError("Cet e-service ne demande pas de consentement.");
    const { count } = await tx.healthConsent.createMany({
      data: [{ accountId: viewer.accountId, eServiceId }],
      skipDuplicates: true,
    });
    if (count === 0) return { created: false };
    await recordAuditEvent(tx, {
      actor: accountActor({ id: viewer.accountId, identifier: viewer.identifier, role: viewer.role }),
      action: "e_service.health_consent",
      organisationId: viewer.organisationId,
      target: { type: "e_service", id: service.id, label: service.name },
      ipAddress: context.ipAddress ?? null,
    });
    return { created: true };
  });
}
