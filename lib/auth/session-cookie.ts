// Auth.js's session cookie as a browser presents it, read by the portal's own code: every
// page's viewer (lib/auth/viewer.ts) and the identity provider's logout, which runs in our Node
// server outside Next.js (lib/oidc/portal-logout.ts). The login form writes it
// (lib/auth/sign-in-with.ts), in Auth.js's format (lib/auth/session-token.ts).
//
// Pages read it here rather than through Auth.js's `auth()`: for a JWT session, `auth()` also
// makes a CSRF token and encrypts a fresh cookie on every call, which a server component cannot
// even send, and which would only move the cookie's expiry (the session's absolute end is the
// auth_sessions row's anyway, SEC-7): about 2 ms of CPU per signed-in page (issue 17 item 2).
import "server-only";
import { isSessionId } from "./auth-sessions";
import { decodeSessionToken } from "./session-token";

/** Auth.js's session cookie: the __Secure- form is used when the portal is served over https. */
const SESSION_COOKIES = ["__Secure-authjs.session-token", "authjs.session-token"] as const;

function parseCookies(header: string | null | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? "").split(/;\s*/)) {
    const index = part.indexOf("=");
    if (index > 0) cookies.set(part.slice(0, index), part.slice(index + 1));
  }
  return cookies;
}

/** The cookie's value, reassembled when Auth.js split it into chunks (name.0, name.1…). */
function cookieValue(cookies: Map<string, string>, name: string): string | null {
  if (cookies.has(name)) return cookies.get(name)!;
  const chunks: string[] = [];
  for (let index = 0; cookies.has(`${name}.${index}`); index++) chunks.push(cookies.get(`${name}.${index}`)!);
  return chunks.length ? chunks.join("") : null;
}

/**
 * The session cookie Auth.js reads on this request, hence the one a sign-in must write: the
 * __Secure- form when the portal's URL, as Auth.js works it out, is https (AUTH_URL when set,
 * else the X-Forwarded-Proto header, else https: @auth/core's createActionURL, then
 * defaultCookies in its init). A test holds this to Auth.js's own functions.
 */
export function sessionCookieFor(requestHeaders: Headers, environment: Record<string, string | undefined> = process.env): { name: string; secure: boolean } {
  const configured = environment.AUTH_URL ?? environment.NEXTAUTH_URL;
  const protocol = configured ? new URL(configured).protocol : (requestHeaders.get("x-forwarded-proto") ?? "https").replace(/:?$/, ":");
  const secure = protocol === "https:";
  return { name: secure ? "__Secure-authjs.session-token" : "authjs.session-token", secure };
}

export interface SessionClaims {
  accountId: string;
  authSessionId: string;
  sessionVersion?: number;
  /** "accountId:sessionVersion" of the accounts whose password was given in this browser session (ORG-5). */
  unlockedAccountIds?: string[];
}

export interface SessionCookie {
  /** The cookie's name (and its chunks'), for clearing it. */
  names: string[];
  claims: SessionClaims;
}

/**
 * Tokens already decrypted, by their exact text: a browser presents the same cookie on every
 * request. Only tokens that decrypted with this server's secret are kept; their expiry is
 * checked on every use, and the database still decides whether the session lives (viewer.ts).
 */
const decoded = new Map<string, { claims: SessionClaims; expiresAtMs: number }>();
const DECODED_KEPT = 10_000;

async function claimsOf(token: string, salt: string, secret: string, nowMs: number): Promise<SessionClaims | null> {
  const cacheKey = `${salt}\n${token}`;
  const known = decoded.get(cacheKey);
  if (known) return known.expiresAtMs > nowMs ? known.claims : null;
  let payload: Record<string, unknown> | null;
  try {
    payload = await decodeSessionToken({ token, secret, salt });
  } catch {
    // Not a cookie of this portal (another secret, or tampered with), or expired: no session.
    return null;
  }
  if (!payload || !isSessionId(payload.authSessionId) || typeof payload.accountId !== "string" || typeof payload.exp !== "number") return null;
  const claims: SessionClaims = {
    accountId: payload.accountId,
    authSessionId: payload.authSessionId,
    sessionVersion: typeof payload.sessionVersion === "number" ? payload.sessionVersion : undefined,
    unlockedAccountIds: Array.isArray(payload.unlockedAccountIds) ? payload.unlockedAccountIds.filter((id): id is string => typeof id === "string") : undefined,
  };
  if (decoded.size >= DECODED_KEPT) decoded.delete(decoded.keys().next().value!);
  decoded.set(cacheKey, { claims, expiresAtMs: payload.exp * 1000 });
  return claims;
}

/**
 * The portal session this browser presents, or null (no cookie, or one that does not decrypt
 * or has expired). `names`: the cookies to look at, by default both forms; a page reads the
 * one Auth.js would read on its request (`sessionCookieFor`).
 */
export async function readSessionCookie(
  cookieHeader: string | null | undefined,
  options: { now?: Date; names?: readonly string[] } = {},
): Promise<SessionCookie | null> {
  const secret = process.env.AUTH_SECRET;
  if (!secret || !cookieHeader?.includes("authjs.session-token")) return null;
  const cookies = parseCookies(cookieHeader);
  for (const name of options.names ?? SESSION_COOKIES) {
    const token = cookieValue(cookies, name);
    if (!token) continue;
    const claims = await claimsOf(token, name, secret, (options.now ?? new Date()).getTime());
    if (claims) return { names: [...cookies.keys()].filter((cookie) => cookie === name || cookie.startsWith(`${name}.`)), claims };
  }
  return null;
}
