// Auth.js and the browser's session cookie as the authorization tests need them outside a
// request. A test sets `sessionClaims.current` to a persona's token claims; its next/headers
// mock presents `await sessionCookie(headers)`, the cookie Auth.js would have written for them
// (encrypted by Auth.js's own encode, under the name Auth.js reads on such a request), which
// lib/auth/viewer.ts then reads and checks against the database, as on every request. Signing
// in needs no stand-in: the login actions run the real credentials check and write the token
// themselves (lib/auth/sign-in-with.ts). The cookie calls do nothing.
// A test file uses it with `vi.mock("../auth/auth", () => import("../testing/auth-stand-in"))`.
import { encode } from "next-auth/jwt";
import { vi } from "vitest";
import { sessionCookieFor } from "../auth/session-cookie";

const original = await vi.importActual<typeof import("../auth/auth")>("../auth/auth");

export const sessionClaims = { current: null as null | Record<string, unknown> };

export const { LoginRefused, handlers } = original;
export const signOut = vi.fn(async () => undefined);
export const updateSession = vi.fn(async () => undefined);

const encoded = new Map<string, string>();

/** The `cookie` header of the persona's browser (none while `sessionClaims.current` is null). */
export async function sessionCookie(requestHeaders: Record<string, string>): Promise<Record<string, string>> {
  if (!sessionClaims.current) return {};
  const name = sessionCookieFor(new Headers(requestHeaders)).name;
  const key = `${name}\n${JSON.stringify(sessionClaims.current)}`;
  let token = encoded.get(key);
  if (!token) {
    token = await encode({ token: sessionClaims.current, secret: process.env.AUTH_SECRET!, salt: name, maxAge: 3_600 });
    encoded.set(key, token);
  }
  return { cookie: `${name}=${token}` };
}
