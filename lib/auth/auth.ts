// Auth.js v5 with the Credentials provider (identifier + password) and JWT sessions. The
// token carries the account id, its sessionVersion and the id of this sign-in's row of
// auth_sessions; lib/auth/viewer.ts checks all three against the database on every request,
// so that logout (SEC-7), logout everywhere, a password change, a deactivation or a role
// change ends sessions at once (SEC-3, ACC-10).
import NextAuth from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { SESSION_ABSOLUTE_MS } from "./auth-sessions";
import { authorizeCredentials } from "./credentials";
import { sessionCallbacks, sessionEvents } from "./session-callbacks";

export { LoginRefused, type SignInOutcome } from "./credentials";

export const { handlers, auth, signIn, signOut, unstable_update: updateSession } = NextAuth({
  trustHost: true,
  secret: process.env.AUTH_SECRET,
  // The cookie may live as long as a sign-in can; the idle and absolute lifetimes are decided
  // on the server by the sign-in's row (lib/auth/auth-sessions.ts), not by the token's expiry,
  // which Auth.js moves forward on every refresh.
  session: { strategy: "jwt", maxAge: SESSION_ABSOLUTE_MS / 1000 },
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
