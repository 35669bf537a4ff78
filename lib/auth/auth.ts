// Auth.js v5 with the Credentials provider (identifier + password) and JWT sessions. The
// token carries the account id, its sessionVersion and the id of this sign-in's row of
// auth_sessions; lib/auth/viewer.ts checks all three against the database on every request,
// so that logout (SEC-7), logout everywhere, a password change, a deactivation or a role
// change ends sessions at once (SEC-3, ACC-10).
import NextAuth from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { SESSION_TOKEN_MAX_AGE_SECONDS } from "./auth-sessions";
import { authorizeCredentials } from "./credentials";
import { sessionCallbacks, sessionEvents } from "./session-callbacks";
import { decodeSessionToken, encodeSessionToken } from "./session-token";

export { LoginRefused, type SignInOutcome } from "./credentials";

// Signing in from the login form writes the token itself (lib/auth/sign-in-with.ts), with the
// same authorize and jwt callback; Auth.js's own endpoint (/api/auth/callback/credentials)
// runs them too.
export const { handlers, auth, signOut, unstable_update: updateSession } = NextAuth({
  trustHost: true,
  secret: process.env.AUTH_SECRET,
  session: { strategy: "jwt", maxAge: SESSION_TOKEN_MAX_AGE_SECONDS },
  // Auth.js's own token format, with its derived key kept (lib/auth/session-token.ts).
  jwt: { encode: encodeSessionToken, decode: decodeSessionToken },
  pages: { signIn: "/connexion", error: "/connexion" },
  providers: [
    Credentials({
      credentials: { identifier: {}, password: {}, step: {}, code: {}, passkey: {} },
      authorize: authorizeCredentials,
    }),
  ],
  callbacks: sessionCallbacks,
  events: sessionEvents,
  logger: {
    // A refused login is not an error of the portal: Auth.js would log a stack trace for each.
    error(error) {
      if ((error as { type?: string }).type === "CredentialsSignin") return;
      console.error(error);
    },
  },
});
