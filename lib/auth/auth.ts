// Auth.js v5 with the Credentials provider (identifier + password) and JWT sessions. The
// token carries the account id and its sessionVersion; lib/auth/viewer.ts checks both
// against the database on every request, so that logout everywhere, a password change,
// a deactivation or a role change ends sessions at once (SEC-3, ACC-10).
import NextAuth from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { authenticate } from "./authenticate";

const EIGHT_HOURS = 8 * 60 * 60;

export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  secret: process.env.AUTH_SECRET,
  session: { strategy: "jwt", maxAge: EIGHT_HOURS },
  pages: { signIn: "/connexion", error: "/connexion" },
  providers: [
    Credentials({
      credentials: { identifier: {}, password: {} },
      authorize: async (credentials) => {
        const result = await authenticate(credentials);
        return result.ok ? { id: result.accountId, sessionVersion: result.sessionVersion } : null;
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.accountId = user.id;
        token.sessionVersion = (user as { sessionVersion?: number }).sessionVersion ?? 0;
      }
      return token;
    },
    session({ session, token }) {
      return { ...session, accountId: token.accountId, sessionVersion: token.sessionVersion };
    },
  },
  logger: {
    // A wrong password is not an error of the portal: Auth.js would log a stack trace.
    error(error) {
      if ((error as { type?: string }).type === "CredentialsSignin") return;
      console.error(error);
    },
  },
});
