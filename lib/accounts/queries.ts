// Read models of a person's own space (ACC-9, ORG-5, SEC-6): always the signed-in account,
// taken from the Actor the session proved. And what the pages of single-use links show
// before the link is used (ACC-3, ACC-8, BULK-3, SEC-5): the link itself is the scope.
import "server-only";
import { db } from "../db";
import type { Actor } from "../operation";
import { inspectToken } from "../tokens";
import { activationNeedsPassword } from "./activate-account";

export async function personalSpace(actor: Actor) {
  const accountId = actor.accountId;
  const account = await db.account.findUniqueOrThrow({
    where: { id: accountId },
    select: {
      id: true,
      identifier: true,
      civility: true,
      firstName: true,
      lastName: true,
      email: true,
      phone: true,
      jobTitle: true,
      role: true,
      status: true,
      createdAt: true,
      organisation: { select: { name: true, code: true, kind: true, typeLiaison: true } },
      permissions: {
        select: { createdAt: true, eService: { select: { name: true, slug: true, handlesHealthData: true } } },
        orderBy: { eService: { name: "asc" } },
      },
      loginEvents: { select: { createdAt: true, ipAddress: true, userAgent: true }, orderBy: { createdAt: "desc" }, take: 10 },
      adminRequests: {
        where: { status: "PENDING" },
        select: { number: true, createdAt: true, expiresAt: true },
        orderBy: { createdAt: "desc" },
        take: 1,
      },
    },
  });
  const pendingEmail = await db.token.findFirst({
    where: { accountId, purpose: "EMAIL_CHANGE", usedAt: null, invalidatedAt: null, expiresAt: { gt: new Date() } },
    select: { email: true },
  });
  return { ...account, pendingEmail: pendingEmail?.email ?? null };
}

export type PersonalSpace = Awaited<ReturnType<typeof personalSpace>>;

/** ORG-5: the other active accounts using the same verified e-mail address. */
export async function switchableAccounts(viewer: Pick<Actor, "accountId"> & { email: string }) {
  const current = await db.account.findUnique({ where: { id: viewer.accountId }, select: { emailVerifiedAt: true } });
  if (!current?.emailVerifiedAt) return [];
  return db.account.findMany({
    where: { email: viewer.email, emailVerifiedAt: { not: null }, status: "ACTIVE", id: { not: viewer.accountId }, organisationId: { not: null } },
    select: { id: true, identifier: true, role: true, sessionVersion: true, organisation: { select: { name: true } } },
    orderBy: { identifier: "asc" },
  });
}

/** SEC-6: everything the portal holds about the account, as one JSON document. */
export async function exportAccountData(actor: Actor) {
  const accountId = actor.accountId;
  const account = await db.account.findUniqueOrThrow({
    where: { id: accountId },
    select: {
      identifier: true,
      civility: true,
      firstName: true,
      lastName: true,
      email: true,
      emailVerifiedAt: true,
      phone: true,
      jobTitle: true,
      category: true,
      role: true,
      status: true,
      deactivationReason: true,
      createdAt: true,
      activatedAt: true,
      validatedAt: true,
      termsAcceptedAt: true,
      lastLoginAt: true,
      organisation: { select: { name: true, code: true } },
      permissions: { select: { createdAt: true, eService: { select: { name: true } } } },
      healthConsents: { select: { createdAt: true, eService: { select: { name: true } } } },
      loginEvents: { select: { createdAt: true, ipAddress: true, userAgent: true }, orderBy: { createdAt: "desc" } },
      authSessions: {
        select: { createdAt: true, lastSeenAt: true, expiresAt: true, endedAt: true, endReason: true, ipAddress: true, userAgent: true },
        orderBy: { createdAt: "desc" },
      },
      adminRequests: { select: { number: true, status: true, createdAt: true, confirmedAt: true } },
      supportTickets: { select: { number: true, category: true, status: true, createdAt: true } },
    },
  });
  const audit = await db.auditEvent.findMany({
    where: { OR: [{ actorId: accountId }, { targetType: "account", targetId: accountId }] },
    select: { createdAt: true, action: true, actorLabel: true, ipAddress: true },
    orderBy: { createdAt: "desc" },
    take: 1_000,
  });
  return { exportedAt: new Date().toISOString(), account, auditEvents: audit };
}

/** The activation link's state and, for an account created by an import, whose password is still to choose (BULK-3). */
export async function activationLink(rawToken: string) {
  const check = await inspectToken(db, "ACTIVATION", rawToken);
  const needsPassword = check.ok ? await activationNeedsPassword(db, rawToken) : null;
  return { check, needsPassword };
}

/** The password-reset link's state and the account it resets. */
export async function passwordResetLink(rawToken: string) {
  const check = await inspectToken(db, "PASSWORD_RESET", rawToken);
  const account =
    check.ok && check.token.accountId
      ? await db.account.findUnique({
          where: { id: check.token.accountId },
          select: { identifier: true, firstName: true, lastName: true, email: true },
        })
      : null;
  return { check, account };
}

/** The e-mail change link's state (its token carries the new address). */
export function emailChangeLink(rawToken: string) {
  return inspectToken(db, "EMAIL_CHANGE", rawToken);
}
