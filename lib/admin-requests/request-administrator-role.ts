// An activated account asks to become its organisation's administrator (ACC-4, LR-1): a
// request with a fresh confirmation code is created, and any pending request of the same
// organisation is superseded, its code no longer working (LR-5).
import "server-only";
import type { Prisma } from "../generated/prisma/client";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event";
import { generateConfirmationCode, generateRequestNumber, hashConfirmationCode } from "./confirmation-code";

export const CODE_VALIDITY_DAYS = 60;

export async function requestAdministratorRole(
  tx: Prisma.TransactionClient,
  input: { account: { id: string; organisationId: string; identifier: string }; actor: AuditActor; now?: Date },
): Promise<{ requestId: string; number: string; code: string }> {
  const now = input.now ?? new Date();
  await tx.adminRequest.updateMany({
    where: { organisationId: input.account.organisationId, status: "PENDING" },
    data: { status: "SUPERSEDED", closedAt: now },
  });
  const code = generateConfirmationCode();
  for (let attempt = 0; ; attempt += 1) {
    const number = generateRequestNumber();
    if (await tx.adminRequest.findUnique({ where: { number }, select: { id: true } })) {
      if (attempt > 20) throw new Error("Impossible d'attribuer un numéro de demande.");
      continue;
    }
    const request = await tx.adminRequest.create({
      data: {
        number,
        organisationId: input.account.organisationId,
        requesterId: input.account.id,
        codeHash: hashConfirmationCode(code),
        expiresAt: new Date(now.getTime() + CODE_VALIDITY_DAYS * 86_400_000),
        createdAt: now,
      },
    });
    await recordAuditEvent(tx, {
      actor: input.actor,
      action: "admin_request.created",
      organisationId: input.account.organisationId,
      target: { type: "account", id: input.account.id, label: input.account.identifier },
      details: { number },
      at: now,
    });
    return { requestId: request.id, number, code };
  }
}
