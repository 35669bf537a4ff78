// The legal representative's confirmation (LR-3, LR-4, LR-5): the request number and the
// code from the letter (case, spaces and hyphens ignored). Codes expire after 60 days; 5
// wrong codes lock the request; attempts are also limited per network address. Once
// confirmed, the requester becomes the organisation's administrator and the previous one
// a plain user; both are told by e-mail and their sessions are renewed (SEC-3).
import "server-only";
import { appUrl } from "../app-url";
import { administratorEnrolmentDeadline } from "../mfa/policy";
import { recordAuditEvent } from "../audit/record-audit-event";
import { LEGAL_REPRESENTATIVE, type Client } from "../operation";
import type { Db } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { enqueueEmail } from "../mail/outbox";
import { hit, RATE_LIMITS, refund } from "../rate-limit";
import { confirmationCodeMatches, normalizeRequestNumber } from "./confirmation-code";

export const MAX_WRONG_CODES = 5;

export interface RequestSummary {
  number: string;
  organisationName: string;
  /** How the name takes its article (lib/french/names.ts). */
  organisationTypeLiaison: number;
  requester: { civility: string; firstName: string; lastName: string; jobTitle: string | null; email: string };
  currentAdministrator: { firstName: string; lastName: string } | null;
}

export type CodeRefusal =
  | { reason: "rate_limited"; retryAfterSeconds: number }
  | { reason: "unknown_number" }
  | { reason: "wrong_code"; attemptsLeft: number }
  | { reason: "locked" }
  | { reason: "expired" }
  | { reason: "superseded" }
  | { reason: "already_confirmed" }
  | { reason: "cancelled" };

export type CodeCheck = ({ ok: true } & RequestSummary) | ({ ok: false } & CodeRefusal);


async function summary(db: Client, request: { number: string; organisationId: string; requesterId: string }): Promise<RequestSummary> {
  const [organisation, requester, current] = await Promise.all([
    db.organisation.findUniqueOrThrow({ where: { id: request.organisationId }, select: { name: true, typeLiaison: true } }),
    db.account.findUniqueOrThrow({
      where: { id: request.requesterId },
      select: { civility: true, firstName: true, lastName: true, jobTitle: true, email: true },
    }),
    db.account.findFirst({
      where: { organisationId: request.organisationId, role: "ADMINISTRATOR", status: "ACTIVE", id: { not: request.requesterId } },
      select: { firstName: true, lastName: true },
    }),
  ]);
  return { number: request.number, organisationName: organisation.name, organisationTypeLiaison: organisation.typeLiaison, requester, currentAdministrator: current };
}

/**
 * Checks a number and a code. Every attempt is first counted against the network address,
 * in the statement that says whether the limit allows it (SEC-8), so concurrent tries from
 * one address evaluate at most the limit; only a right code is given back. A wrong code then
 * counts against the request (and locks it at the fifth) under the request's row lock, which
 * is taken before the code is compared: concurrent tries on one request are evaluated one
 * after the other, and at most MAX_WRONG_CODES of them.
 */
async function checkCode(
  tx: Prisma.TransactionClient,
  input: { number: string; code: string },
  context: { ipAddress: string; now: Date },
) {
  const byAddress = await hit(tx, RATE_LIMITS.codeAttemptsPerAddress, context.ipAddress);
  if (!byAddress.allowed) return { ok: false as const, reason: "rate_limited" as const, retryAfterSeconds: byAddress.retryAfterSeconds };

  const number = normalizeRequestNumber(input.number);
  const [locked] = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "admin_requests" WHERE "number" = ${number} FOR UPDATE`;
  const request = locked ? await tx.adminRequest.findUniqueOrThrow({ where: { id: locked.id } }) : null;
  if (!request) return { ok: false as const, reason: "unknown_number" as const };
  // The answers below tell that a number exists: they stay counted against the address.
  switch (request.status) {
    case "CONFIRMED":
      return { ok: false as const, reason: "already_confirmed" as const };
    case "SUPERSEDED":
      return { ok: false as const, reason: "superseded" as const };
    case "LOCKED":
      return { ok: false as const, reason: "locked" as const };
    case "EXPIRED":
      return { ok: false as const, reason: "expired" as const };
    case "CANCELLED":
      return { ok: false as const, reason: "cancelled" as const };
    case "PENDING":
      break;
  }
  if (request.expiresAt <= context.now) {
    await tx.adminRequest.update({ where: { id: request.id }, data: { status: "EXPIRED", closedAt: context.now } });
    return { ok: false as const, reason: "expired" as const };
  }
  if (!confirmationCodeMatches(input.code, request.codeHash)) {
    const failedAttempts = request.failedAttempts + 1;
    const lock = failedAttempts >= MAX_WRONG_CODES;
    await tx.adminRequest.update({
      where: { id: request.id },
      data: { failedAttempts, ...(lock ? { status: "LOCKED", closedAt: context.now } : {}) },
    });
    await recordAuditEvent(tx, {
      actor: LEGAL_REPRESENTATIVE,
      action: lock ? "admin_request.locked" : "admin_request.wrong_code",
      organisationId: request.organisationId,
      target: { type: "admin_request", id: request.id, label: request.number },
      details: { failedAttempts },
      ipAddress: context.ipAddress,
      at: context.now,
    });
    return lock ? { ok: false as const, reason: "locked" as const } : { ok: false as const, reason: "wrong_code" as const, attemptsLeft: MAX_WRONG_CODES - failedAttempts };
  }
  // The right code is not an attempt against the address (step 1 then step 2 use it twice).
  await refund(tx, RATE_LIMITS.codeAttemptsPerAddress, context.ipAddress);
  return { ok: true as const, request };
}

/** Step 1: the number and code are right; shows who becomes administrator of what. */
export async function checkAdminRequestCode(
  db: Db,
  input: { number: string; code: string },
  context: { ipAddress: string; now?: Date },
): Promise<CodeCheck> {
  const now = context.now ?? new Date();
  return db.$transaction(async (tx) => {
    const checked = await checkCode(tx, input, { ipAddress: context.ipAddress, now });
    if (!checked.ok) return checked;
    return { ok: true as const, ...(await summary(tx, checked.request)) };
  });
}

export type ConfirmOutcome = ({ ok: true } & RequestSummary) | ({ ok: false } & (CodeRefusal | { reason: "requester_inactive" }));

/** Step 2: the legal representative confirms. */
export async function confirmAdminRequest(
  db: Db,
  input: { number: string; code: string },
  context: { ipAddress: string; now?: Date },
): Promise<ConfirmOutcome> {
  const now = context.now ?? new Date();
  return db.$transaction(async (tx) => {
    const checked = await checkCode(tx, input, { ipAddress: context.ipAddress, now });
    if (!checked.ok) return checked;
    const { request } = checked;
    const details = await summary(tx, request);
    const requester = await tx.account.findUniqueOrThrow({
      where: { id: request.requesterId },
      include: { organisation: { select: { name: true } } },
    });
    if (requester.status === "DEACTIVATED" || requester.status === "PENDING_ACTIVATION") {
      return { ok: false as const, reason: "requester_inactive" as const };
    }

    const previous = await tx.account.findMany({
      where: { organisationId: request.organisationId, role: "ADMINISTRATOR", id: { not: requester.id } },
    });
    for (const former of previous) {
      await tx.account.update({ where: { id: former.id }, data: { role: "USER", sessionVersion: { increment: 1 } } });
      await enqueueEmail(tx, former.email, {
        template: "administrator-replaced",
        data: {
          identifier: former.identifier,
          organisationName: details.organisationName,
          organisationTypeLiaison: details.organisationTypeLiaison,
          newAdministratorName: `${requester.firstName} ${requester.lastName}`,
          spaceUrl: appUrl("/espace"),
        },
      });
    }
    await tx.account.update({
      where: { id: requester.id },
      data: {
        role: "ADMINISTRATOR",
        status: "ACTIVE",
        validatedAt: requester.validatedAt ?? now,
        adminRoleRequestedAt: null,
        sessionVersion: { increment: 1 },
        // MFA-3: 14 days to add a second factor, then it is required.
        mfaEnrolmentDeadline: administratorEnrolmentDeadline(now),
      },
    });
    // DEP-2: a deputy who becomes administrator stops being a deputy (the role includes it).
    const deputyship = await tx.deputy.findUnique({ where: { accountId: requester.id } });
    if (deputyship) {
      await tx.deputy.delete({ where: { id: deputyship.id } });
      await recordAuditEvent(tx, {
        actor: LEGAL_REPRESENTATIVE,
        action: "deputy.promoted",
        organisationId: request.organisationId,
        target: { type: "account", id: requester.id, label: requester.identifier },
        details: { number: request.number, status: deputyship.status },
        ipAddress: context.ipAddress,
        at: now,
      });
    }
    await tx.adminRequest.update({
      where: { id: request.id },
      data: { status: "CONFIRMED", confirmedAt: now, closedAt: now, confirmedFromIp: context.ipAddress },
    });
    await tx.letter.updateMany({ where: { adminRequestId: request.id, status: "QUEUED" }, data: { status: "CANCELLED" } });
    await enqueueEmail(tx, requester.email, {
      template: "administrator-confirmed",
      data: {
        identifier: requester.identifier,
        organisationName: details.organisationName,
        organisationTypeLiaison: details.organisationTypeLiaison,
        consoleUrl: appUrl("/administration"),
      },
    });
    await recordAuditEvent(tx, {
      actor: LEGAL_REPRESENTATIVE,
      action: "admin_request.confirmed",
      organisationId: request.organisationId,
      target: { type: "account", id: requester.id, label: requester.identifier },
      details: { number: request.number, previousAdministrators: previous.map((account) => account.identifier) },
      ipAddress: context.ipAddress,
      at: now,
    });
    return { ok: true as const, ...details };
  });
}
