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
import { hasSecondFactor } from "../mfa/factors";
import { startSignInStep, verifySignInStep } from "../mfa/sign-in-step";
import { clearStepCookie, readStepCookie, setStepCookie } from "../mfa/step-cookie";
import { authenticate, type LoginFailure } from "./authenticate";
import { sessionCallbacks, sessionEvents } from "./session-callbacks";

/** Why a sign-in did not open a session: a refusal, or the second step still to come (MFA-2). */
export type SignInOutcome = LoginFailure | "second_factor" | "second_factor_invalid" | "second_factor_expired";

/** Carries the reason of a refused login to the login form (never shown in a URL: the form signs in server-side). */
export class LoginRefused extends CredentialsSignin {
  constructor(reason: SignInOutcome, retryAfterSeconds?: number) {
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
      credentials: { identifier: {}, password: {}, step: {}, code: {}, passkey: {} },
      authorize: async (credentials) => {
        const context = { ipAddress: await clientAddress(), userAgent: await userAgent() };
        // MFA-2, second call: the step this browser holds (its cookie, never the request's
        // fields), completed by a code or a passkey. Only then is the session created.
        if (credentials?.step === "second-factor") {
          const code = typeof credentials.code === "string" ? credentials.code.slice(0, 100) : "";
          const passkey = typeof credentials.passkey === "string" ? credentials.passkey.slice(0, 20_000) : "";
          const result = await verifySignInStep(db, await readStepCookie(), passkey ? { kind: "passkey", response: passkey } : { kind: "code", code }, context);
          if (!result.ok) {
            if (result.reason === "expired") await clearStepCookie();
            throw new LoginRefused(
              result.reason === "rate_limited" ? "rate_limited" : result.reason === "expired" ? "second_factor_expired" : "second_factor_invalid",
              result.retryAfterSeconds,
            );
          }
          await clearStepCookie();
          const session = await startAuthSession(db, { accountId: result.accountId, amr: result.amr, ...context });
          return { id: result.accountId, sessionVersion: result.sessionVersion, authSessionId: session.id };
        }
        const identifier = typeof credentials?.identifier === "string" ? credentials.identifier.slice(0, 100) : "";
        const password = typeof credentials?.password === "string" ? credentials.password.slice(0, 1_024) : "";
        const result = await authenticate(db, { identifier, password }, context);
        if (!result.ok) throw new LoginRefused(result.reason, result.retryAfterSeconds);
        // MFA-2: the right password of an account with a second factor opens no session yet.
        if (await hasSecondFactor(db, result.accountId)) {
          const step = await startSignInStep(db, result.accountId);
          await setStepCookie(step.token);
          throw new LoginRefused("second_factor");
        }
        const session = await startAuthSession(db, { accountId: result.accountId, amr: ["pwd"], ...context });
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
