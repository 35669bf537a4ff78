// Auth.js as the authorization tests need it outside a request: auth() answers the claims of
// the persona's token (which lib/auth/viewer.ts then checks against the database, as on every
// request), and the cookie calls do nothing. Signing in needs no stand-in: the login actions
// run the real credentials check and write the token themselves (lib/auth/sign-in-with.ts;
// the test files' next/headers mock takes the cookie).
// A test file uses it with `vi.mock("../auth/auth", () => import("../testing/auth-stand-in"))`
// and sets `sessionClaims.current`.
import { vi } from "vitest";

const original = await vi.importActual<typeof import("../auth/auth")>("../auth/auth");

export const sessionClaims = { current: null as null | Record<string, unknown> };

export const { LoginRefused, handlers } = original;
export const auth = async () => sessionClaims.current;
export const signOut = vi.fn(async () => undefined);
export const updateSession = vi.fn(async () => undefined);
