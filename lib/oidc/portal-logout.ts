// RP-initiated logout ends the portal's session too (SSO-1, SSO-5): the person who confirms
// "se déconnecter" on the provider's page leaves the portal, and the other e-services opened
// from that portal session get their logout tokens (endAuthSession → endOidcLogins).
// The provider runs in our Node server, outside Next.js and Auth.js: the portal session is read
// from Auth.js's own cookie, decrypted as Auth.js does (lib/auth/session-token.ts: its key is derived
// from AUTH_SECRET and the cookie's name), and ended on the server like "Se déconnecter" (SEC-7).
import "server-only";
import type { Db } from "../db";
import { endAuthSession, isSessionId } from "../auth/auth-sessions";
import { cookieValue, parseCookies, SESSION_COOKIES } from "../auth/session-cookie";
import { decodeSessionToken } from "../auth/session-token";

export interface PortalSessionCookie {
  /** The cookie's name (and its chunks'), for clearing it. */
  names: string[];
  authSessionId: string;
  accountId: string;
}

/** The portal session this browser presents, or null (no cookie, or one that does not decrypt). */
export async function portalSessionOf(cookieHeader: string | undefined): Promise<PortalSessionCookie | null> {
  const secret = process.env.AUTH_SECRET;
  if (!secret) return null;
  const cookies = parseCookies(cookieHeader);
  for (const name of SESSION_COOKIES) {
    const token = cookieValue(cookies, name);
    if (!token) continue;
    try {
      const claims = await decodeSessionToken({ token, secret, salt: name });
      if (claims && isSessionId(claims.authSessionId) && typeof claims.accountId === "string") {
        const names = [...cookies.keys()].filter((cookie) => cookie === name || cookie.startsWith(`${name}.`));
        return { names, authSessionId: claims.authSessionId, accountId: claims.accountId };
      }
    } catch {
      // Not a cookie of this portal (another secret, or tampered with): no session.
    }
  }
  return null;
}

/** Whether this browser holds a portal session that is still alive on the server. */
export async function hasLivePortalSession(db: Db, cookieHeader: string | undefined, now = new Date()): Promise<boolean> {
  const session = await portalSessionOf(cookieHeader);
  if (!session) return false;
  const row = await db.authSession.findFirst({
    where: { id: session.authSessionId, accountId: session.accountId, endedAt: null, expiresAt: { gt: now } },
    select: { id: true },
  });
  return Boolean(row);
}

/**
 * Ends the portal session this browser presents, as "Se déconnecter" does; returns the
 * Set-Cookie values that clear its cookie (the row is ended anyway: a kept copy opens nothing).
 */
export async function endPortalSessionOf(db: Db, cookieHeader: string | undefined, now = new Date()): Promise<string[]> {
  const session = await portalSessionOf(cookieHeader);
  if (!session) return [];
  await endAuthSession(db, session.authSessionId, "LOGOUT", now);
  return session.names.map((name) => `${name}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax${name.startsWith("__Secure-") ? "; Secure" : ""}`);
}
