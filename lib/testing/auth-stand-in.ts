// Auth.js as the authorization tests need it outside a request: auth() answers the claims of
// the persona's token (which lib/auth/viewer.ts then checks against the database, as on every
// request), signIn runs the real credentials check, and the cookie calls do nothing.
// A test file uses it with `vi.mock("../auth/auth", () => import("../testing/auth-stand-in"))`
// and sets `sessionClaims.current`.
import { redirect } from "next/navigation";
import { vi } from "vitest";
import { db } from "../db";
import { session } from "./actions";

const original = await vi.importActual<typeof import("../auth/auth")>("../auth/auth");

export const sessionClaims = { current: null as null | Record<string, unknown> };

export const { LoginRefused, handlers } = original;
export const auth = async () => sessionClaims.current;
export const signIn = async (_provider: string, input: { identifier: string; password: string; redirectTo: string }) => {
  const { authenticate } = await import("../auth/authenticate");
  const result = await authenticate(db, { identifier: input.identifier, password: input.password }, { ipAddress: session.ip });
  if (!result.ok) throw new original.LoginRefused(result.reason, result.retryAfterSeconds);
  redirect(input.redirectTo);
};
export const signOut = vi.fn(async () => undefined);
export const updateSession = vi.fn(async () => undefined);
