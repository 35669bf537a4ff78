// MFA-3: an administrator may require a second factor of every account of the organisation.
// Accounts without one are then sent to enrolment at their next page (lib/auth/guards.ts).
import "server-only";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Db } from "../db";
import type { AdministratorActor, OperationContext } from "../operation";

export async function setOrganisationMfaRequired(
  db: Db,
  actor: AdministratorActor,
  input: { required: boolean },
  context: OperationContext = {},
): Promise<void> {
  const now = context.now ?? new Date();
  await db.$transaction(async (tx) => {
    // The organisation is the administrator's own, from the session (SEC-1).
    await tx.organisation.update({ where: { id: actor.organisationId }, data: { mfaRequired: input.required } });
    await recordAuditEvent(tx, {
      actor,
      action: "organisation.mfa_required_changed",
      organisationId: actor.organisationId,
      target: { type: "organisation", id: actor.organisationId },
      details: { required: input.required },
      ipAddress: context.ipAddress,
      at: now,
    });
  });
}
