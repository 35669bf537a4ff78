// Signs in from a server action and reports why not: the password step (lib/auth/actions.ts)
// and the second step (lib/mfa/actions.ts). Kept out of the "use server" files, whose every
// export is callable from a browser.
//
// It does what Auth.js's server-side signIn("credentials") does for us, without the rest: the
// same authorize (lib/auth/credentials.ts), the same jwt callback, the same token encoding
// (lib/auth/session-token.ts), the cookie Auth.js reads back (lib/auth/session-cookie.ts), then the redirect.
// Auth.js's signIn builds an internal HTTP request to itself, parses it, draws and hashes a
// CSRF token and sets CSRF and callback cookies that no page of ours uses: on a login, that
// was about a tenth of the server's work besides argon2 (SPEC: logins within 15 % of the
// argon2 ceiling; issue 17 item 2).
import "server-only";
import { CredentialsSignin, type User } from "next-auth";
import type { JWT } from "next-auth/jwt";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { SESSION_TOKEN_MAX_AGE_SECONDS } from "./auth-sessions";
import { authorizeCredentials, type SignInOutcome } from "./credentials";
import { safeReturnPath } from "./safe-redirect";
import { sessionCallbacks } from "./session-callbacks";
import { sessionCookieFor } from "./session-cookie";
import { encodeSessionToken } from "./session-token";

/** Redirects (Next's thrown redirect) on success; otherwise the reason and the wait, if any. */
export async function signInWith(fields: Record<string, string>, callbackUrl: string | undefined): Promise<{ reason: SignInOutcome; seconds?: number }> {
  let user: User & { id: string };
  try {
    user = await authorizeCredentials(fields);
  } catch (error) {
    if (!(error instanceof CredentialsSignin)) throw error;
    const [reason, seconds] = (error.code ?? "invalid").split(":") as [SignInOutcome, string | undefined];
    return { reason, seconds: Number(seconds) || undefined };
  }
  await startSessionCookie(user);
  // Auth.js would pass the target through the redirect callback: the same rule (SEC-9).
  redirect(sessionCallbacks.redirect({ url: safeReturnPath(callbackUrl), baseUrl: "" }));
}

/** The session token Auth.js would issue for `user` (its default claims, then our jwt callback), in its cookie. */
async function startSessionCookie(user: User & { id: string }): Promise<void> {
  const secret = process.env.AUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET manquant");
  const token = (await sessionCallbacks.jwt({
    token: { sub: user.id },
    user,
    account: { providerAccountId: user.id, type: "credentials", provider: "credentials" },
    isNewUser: false,
    trigger: "signIn",
  } as Parameters<typeof sessionCallbacks.jwt>[0])) as JWT;
  const cookie = sessionCookieFor(await headers());
  const value = await encodeSessionToken({ token, secret, salt: cookie.name, maxAge: SESSION_TOKEN_MAX_AGE_SECONDS });
  const jar = await cookies();
  // Auth.js joins every cookie whose name starts with the session cookie's: the chunks of an
  // older, larger token would spoil this one. (Auth.js's defaultCookies options, Secure with
  // the __Secure- name, without which a browser would refuse the deletion.)
  const options = { httpOnly: true, sameSite: "lax", path: "/", secure: cookie.secure } as const;
  for (const { name } of jar.getAll()) if (name !== cookie.name && name.startsWith(cookie.name)) jar.set(name, "", { ...options, maxAge: 0 });
  jar.set(cookie.name, value, { ...options, expires: new Date(Date.now() + SESSION_TOKEN_MAX_AGE_SECONDS * 1000) });
}
