// Auth.js's session cookie as a browser presents it: read by the portal's own code where
// Auth.js does not run (the identity provider's logout, lib/oidc/portal-logout.ts) or need not
// run (a request without the cookie has no session: lib/auth/viewer.ts).
import "server-only";

/** Auth.js's session cookie: the __Secure- form is used when the portal is served over https. */
export const SESSION_COOKIES = ["__Secure-authjs.session-token", "authjs.session-token"] as const;

export function parseCookies(header: string | null | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? "").split(/;\s*/)) {
    const index = part.indexOf("=");
    if (index > 0) cookies.set(part.slice(0, index), part.slice(index + 1));
  }
  return cookies;
}

/** The cookie's value, reassembled when Auth.js split it into chunks (name.0, name.1…). */
export function cookieValue(cookies: Map<string, string>, name: string): string | null {
  if (cookies.has(name)) return cookies.get(name)!;
  const chunks: string[] = [];
  for (let index = 0; cookies.has(`${name}.${index}`); index++) chunks.push(cookies.get(`${name}.${index}`)!);
  return chunks.length ? chunks.join("") : null;
}

/** Whether the request carries a session cookie at all (whole or in chunks), valid or not. */
export function presentsSessionCookie(header: string | null | undefined): boolean {
  if (!header?.includes("authjs.session-token")) return false;
  const cookies = parseCookies(header);
  return SESSION_COOKIES.some((name) => cookieValue(cookies, name) !== null);
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
