// Auth.js v5 with the Credentials provider (identifier + password) and JWT sessions. The
// token carries the account id, its sessionVersion and the id of this sign-in's row of
// auth_sessions; lib/auth/viewer.ts checks all three against the database on every request,
// so that logout (SEC-7), logout everywhere, a password change, a deactivation or a role
// change ends sessions at once (SEC-3, ACC-10).
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { db } from "../db";
import { clientAddress, userAgent } from "../request-context";
import { SESSION_ABSOLUTE_MS, startAuthSession } from "./auth-sessions";
import { authenticate, type LoginFailure } from "./authenticate";
import { sessionCallbacks, sessionEvents } from "./session-callbacks";

/** Carries the reason of a refused login to the login form (never shown in a URL: the form signs in server-side). */
export class LoginRefused extends CredentialsSignin {
  constructor(reason: LoginFailure, retryAfterSeconds?: number) {
    super(reason);
    this.code = retryAfterSeconds ? `${reason}:${retryAfterSeconds}` : reason;
  }
}

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
      credentials: { identifier: {}, password: {} },
      authorize: async (credentials) => {
        const identifier = typeof credentials?.identifier === "string" ? credentials.identifier.slice(0, 100) : "";
        const password = typeof credentials?.password === "string" ? credentials.password.slice(0, 1_024) : "";
        const context = { ipAddress: await clientAddress(), userAgent: await userAgent() };
        const result = await authenticate(db, { identifier, password }, context);
        if (!result.ok) throw new LoginRefused(result.reason, result.retryAfterSeconds);
        const session = await startAuthSession(db, { accountId: result.accountId, ...context });
        return { id: result.accountId, sessionVersion: result.sessionVersion, authSessionId: session.id };
      },
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
