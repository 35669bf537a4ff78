// Auth.js v5 with the Credentials provider (identifier + password) and JWT sessions. The
// token carries the account id and its sessionVersion; lib/auth/viewer.ts checks both
// against the database on every request, so that logout everywhere, a password change,
// a deactivation or a role change ends sessions at once (SEC-3, ACC-10).
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { db } from "../db";
import { clientAddress, userAgent } from "../request-context";
import { authenticate, type LoginFailure } from "./authenticate";
import { safeReturnPath } from "./safe-redirect";
import { verifySessionTicket } from "./session-ticket";

const EIGHT_HOURS = 8 * 60 * 60;

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
  session: { strategy: "jwt", maxAge: EIGHT_HOURS },
  pages: { signIn: "/connexion", error: "/connexion" },
  providers: [
    Credentials({
      credentials: { identifier: {}, password: {} },
      authorize: async (credentials) => {
        const identifier = typeof credentials?.identifier === "string" ? credentials.identifier.slice(0, 100) : "";
        const password = typeof credentials?.password === "string" ? credentials.password.slice(0, 1_024) : "";
        const result = await authenticate(db, { identifier, password }, { ipAddress: await clientAddress(), userAgent: await userAgent() });
        if (!result.ok) throw new LoginRefused(result.reason, result.retryAfterSeconds);
        return { id: result.accountId, sessionVersion: result.sessionVersion };
      },
    }),
  ],
  callbacks: {
    // Auth.js's own endpoints take a callbackUrl from the query, the body or a cookie: the same
    // same-origin rule as our pages (SEC-9), and always a relative path (ARCHITECTURE "Sessions").
    redirect({ url }) {
      return safeReturnPath(url, "/");
    },
    jwt({ token, user, trigger, session }) {
      if (user) {
        token.accountId = user.id;
        token.sessionVersion = (user as { sessionVersion?: number }).sessionVersion ?? 0;
        token.unlockedAccountIds = [`${user.id}:${token.sessionVersion}`];
      }
      if (trigger === "update") {
        const ticket = verifySessionTicket((session as { ticket?: unknown } | undefined)?.ticket);
        if (ticket) {
          token.accountId = ticket.accountId;
          token.sessionVersion = ticket.sessionVersion;
          token.unlockedAccountIds = ticket.unlockedAccountIds;
        }
      }
      return token;
    },
    session({ session, token }) {
      return {
        ...session,
        accountId: token.accountId,
        sessionVersion: token.sessionVersion,
        unlockedAccountIds: token.unlockedAccountIds,
      };
    },
  },
  logger: {
    // A refused login is not an error of the portal: Auth.js would log a stack trace for each.
    error(error) {
      if ((error as { type?: string }).type === "CredentialsSignin") return;
      console.error(error);
    },
  },
});
