// The portal session a browser presents: Auth.js's own cookie, decrypted with Auth.js's own
// `decode` (its key is derived from AUTH_SECRET and the cookie's name). One reader for every
// place that needs it: each page's viewer (lib/auth/viewer.ts) and the OpenID provider, which
// runs in our Node server outside Next.js (lib/oidc/portal-logout.ts).
//
// Pages read the cookie here rather than through Auth.js's `auth()`: for a JWT session,
// `auth()` also derives keys, makes a CSRF token and encrypts a fresh cookie on every call,
// which a server component cannot even send, and which would only move the cookie's expiry
// (the session's absolute end is the auth_sessions row's anyway, SEC-7). That was about 2 ms
// of CPU per signed-in page (issue 17 item 2). Auth.js still writes the cookie: at sign-in,
// at sign-out, and when an account switch updates it.
import "server-only";
import { decode } from "next-auth/jwt";
import { isSessionId } from "./auth-sessions";

/** Auth.js's session cookie: the __Secure- form is used when the portal is served over https. */
const SESSION_COOKIES = ["__Secure-authjs.session-token", "authjs.session-token"] as const;

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
 * Tokens already decrypted, by their exact text: a browser presents the same cookie on every
 * request, and decrypting it (key derivation, AES-CBC, HMAC) was most of a session's cost.
 * Only tokens that decrypted with this server's secret are kept; their expiry is checked on
 * every use, and the database still decides whether the session lives (viewer.ts).
 */
const decoded = new Map<string, { claims: SessionClaims; expiresAtMs: number }>();
const DECODED_KEPT = 10_000;

async function claimsOf(token: string, salt: string, secret: string, nowMs: number): Promise<SessionClaims | null> {
  const cacheKey = `${salt}\n${token}`;
  const known = decoded.get(cacheKey);
  if (known) return known.expiresAtMs > nowMs ? known.claims : null;
  let payload: Record<string, unknown> | null;
  try {
    payload = await decode({ token, secret, salt });
  } catch {
    // Not a cookie of this portal (another secret, or tampered with): no session.
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

/** The portal session this browser presents, or null (no cookie, or one that does not decrypt). */
export async function readSessionCookie(cookieHeader: string | null | undefined, now: Date = new Date()): Promise<SessionCookie | null> {
  const secret = process.env.AUTH_SECRET;
  if (!secret || !cookieHeader) return null;
  const cookies = parseCookies(cookieHeader);
  for (const name of SESSION_COOKIES) {
    const token = cookieValue(cookies, name);
    if (!token) continue;
    const claims = await claimsOf(token, name, secret, now.getTime());
    if (claims) return { names: [...cookies.keys()].filter((cookie) => cookie === name || cookie.startsWith(`${name}.`)), claims };
  }
  return null;
}
