// SEC-7: each sign-in is a row of auth_sessions whose id travels in the session token
// (lib/auth/auth.ts) and is checked with the account on every request (lib/auth/viewer.ts).
// Ending the row ends the session on the server, whatever copies of the cookie exist.
//
// Two lifetimes: the idle one (no page seen for SESSION_IDLE_MS) measured on lastSeenAt, and
// the absolute one (expiresAt, fixed at sign-in): using the portal, or asking Auth.js to
// refresh the cookie, never moves expiresAt.
import "server-only";
import { endOidcLogins } from "../oidc/logout";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Db } from "../db";
import { Prisma } from "../generated/prisma/client";
import type { AuthSessionEndReason } from "../generated/prisma/enums";
import type { Actor, Client, OperationContext } from "../operation";
import { uuidv7 } from "../uuidv7";

export const SESSION_IDLE_MS = 8 * 60 * 60 * 1000;
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
/**
 * The session token's (and cookie's) lifetime: as long as a sign-in can live. The idle and
 * absolute lifetimes are decided on the server by the sign-in's row, not by the token's
 * expiry, which moves forward whenever the token is written again (an account switch).
 */
export const SESSION_TOKEN_MAX_AGE_SECONDS = SESSION_ABSOLUTE_MS / 1000;
/** lastSeenAt is written at most this often per session: reading the viewer stays a read. */
export const LAST_SEEN_REFRESH_MS = 5 * 60 * 1000;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isSessionId(value: unknown): value is string {
  return typeof value === "string" && UUID.test(value);
}

export interface StartedSession {
  id: string;
  expiresAt: Date;
}

export interface SessionStart {
  accountId: string;
  ipAddress?: string | null;
  userAgent?: string | null;
  expiresAt?: Date;
  amr?: string[];
}

/**
 * A new sign-in of `accountId` as one INSERT: its own row, alive for SESSION_ABSOLUTE_MS at
 * most (or until `expiresAt` if sooner). The password login folds it into the statement that
 * records the login (lib/auth/authenticate.ts); `startAuthSession` runs it alone.
 */
export function authSessionInsert(input: SessionStart, now = new Date()): StartedSession & { sql: Prisma.Sql } {
  const absolute = new Date(now.getTime() + SESSION_ABSOLUTE_MS);
  const expiresAt = input.expiresAt && input.expiresAt < absolute ? input.expiresAt : absolute;
  const id = uuidv7(now);
  const sql = Prisma.sql`
    INSERT INTO "auth_sessions" ("id", "accountId", "createdAt", "lastSeenAt", "expiresAt", "ipAddress", "userAgent", "amr")
    VALUES (${id}::uuid, ${input.accountId}::uuid, ${now}, ${now}, ${expiresAt}, ${input.ipAddress ?? null}, ${input.userAgent?.slice(0, 500) ?? null},
            ${input.amr ?? []}::text[])`;
  // How the person authenticated (MFA-2) is kept in amr, for the identity provider's amr/acr.
  return { id, expiresAt, sql };
}

export async function startAuthSession(db: Client, input: SessionStart, now = new Date()): Promise<StartedSession> {
  const { sql, ...session } = authSessionInsert(input, now);
  await db.$executeRaw(sql);
  return session;
}

/** Logging out (or leaving the session for another account): the row ends, the token with it. */
export async function endAuthSession(db: Client, sessionId: unknown, reason: AuthSessionEndReason = "LOGOUT", now = new Date()): Promise<void> {
  if (!isSessionId(sessionId)) return;
  await db.authSession.updateMany({ where: { id: sessionId, endedAt: null }, data: { endedAt: now, endReason: reason } });
  // SSO-5: the e-services opened from this portal session are signed out too. Switching to
  // another account (ORG-5) ends them as well: they were signed in as the account left.
  await endOidcLogins(db, { authSessionId: sessionId }, reason === "LOGOUT" ? "portal_logout" : "session_ended", now);
}

/** Called when the viewer is read: records activity, but writes only once every few minutes. */
export async function touchAuthSession(db: Db, session: { id: string; lastSeenAt: Date }, now = new Date()): Promise<void> {
  if (now.getTime() - session.lastSeenAt.getTime() < LAST_SEEN_REFRESH_MS) return;
  await db.authSession.updateMany({
    where: { id: session.id, lastSeenAt: { lt: new Date(now.getTime() - LAST_SEEN_REFRESH_MS) } },
    data: { lastSeenAt: now },
  });
}

/**
 * "Se déconnecter partout": every session of the account ends, this one included.
 * The account's sessionVersion moves on, which is what the viewer check relies on: it ends
 * every token at once in one row's write, like a password change, and it also withdraws the
 * account from the switchers of other browsers (their unlock keys name the old version), so
 * nobody switches back into it without its password. The open rows are marked ended too,
 * for the record.
 */
export async function signOutEverywhere(
  db: Db,
  actor: Actor,
  context: OperationContext = {},
): Promise<{ endedSessions: number }> {
  const now = context.now ?? new Date();
  return db.$transaction(async (tx) => {
    const account = await tx.account.update({
      where: { id: actor.accountId },
      data: { sessionVersion: { increment: 1 } },
      select: { id: true, identifier: true, role: true, organisationId: true },
    });
    const { count } = await tx.authSession.updateMany({
      where: { accountId: actor.accountId, endedAt: null, expiresAt: { gt: now } },
      data: { endedAt: now, endReason: "LOGOUT_EVERYWHERE" },
    });
    await endOidcLogins(tx, { accountId: actor.accountId }, "portal_logout", now);
    await recordAuditEvent(tx, {
      actor,
      action: "account.signed_out_everywhere",
      organisationId: account.organisationId,
      target: { type: "account", id: account.id, label: account.identifier },
      details: { endedSessions: count },
      ipAddress: context.ipAddress,
      at: now,
    });
    return { endedSessions: count };
  });
}
