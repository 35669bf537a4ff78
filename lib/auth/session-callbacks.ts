// What Auth.js writes into the session token and reads back (lib/auth/auth.ts wires these in).
// Kept apart from the NextAuth() call so that tests can run the token's whole life (sign-in,
// switch of account, logout) against the database without an HTTP server.
import type { NextAuthConfig } from "next-auth";
import { db } from "../db";
import { endAuthSession } from "./auth-sessions";
import { safeReturnPath } from "./safe-redirect";
import { verifySessionTicket } from "./session-ticket";

export const sessionCallbacks = {
  // Auth.js's own endpoints take a callbackUrl from the query, the body or a cookie: the same
  // same-origin rule as our pages (SEC-9), and always a relative path (ARCHITECTURE "Sessions").
  redirect({ url }) {
    return safeReturnPath(url, "/");
  },
  jwt({ token, user, trigger, session }) {
    if (user) {
      token.accountId = user.id;
      token.sessionVersion = (user as { sessionVersion?: number }).sessionVersion ?? 0;
      token.authSessionId = (user as { authSessionId?: string }).authSessionId;
      token.unlockedAccountIds = [`${user.id}:${token.sessionVersion}`];
    }
    if (trigger === "update") {
      const ticket = verifySessionTicket((session as { ticket?: unknown } | undefined)?.ticket);
      if (ticket) {
        token.accountId = ticket.accountId;
        token.sessionVersion = ticket.sessionVersion;
        token.unlockedAccountIds = ticket.unlockedAccountIds;
        // A switch of account is a new sign-in (its own row); a password change keeps this one.
        if (ticket.authSessionId) token.authSessionId = ticket.authSessionId;
      }
    }
    return token;
  },
  session({ session, token }) {
    return {
      ...session,
      accountId: token.accountId,
      sessionVersion: token.sessionVersion,
      authSessionId: token.authSessionId,
      unlockedAccountIds: token.unlockedAccountIds,
    };
  },
} satisfies NextAuthConfig["callbacks"];

export const sessionEvents = {
  // Every logout (the header's button, closing the account, POST /api/auth/signout) ends the
  // sign-in's row: a copy of the cookie kept elsewhere opens nothing any more (SEC-7).
  async signOut(message) {
    const token = "token" in message ? message.token : null;
    await endAuthSession(db, token?.authSessionId, "LOGOUT");
  },
} satisfies NextAuthConfig["events"];
