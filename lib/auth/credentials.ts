// What Auth.js's Credentials provider runs on each sign-in call (lib/auth/auth.ts): the
// password step, then, for an account with a second factor, the second step (MFA-2). Only a
// completed sign-in starts a session row (SEC-7). Kept apart from the NextAuth instance so
// that tests run the real checks without a request.
import "server-only";
import { CredentialsSignin } from "next-auth";
import { db } from "../db";
import { startSignInStep, verifySignInStep } from "../mfa/sign-in-step";
import { clearStepCookie, readStepCookie, setStepCookie } from "../mfa/step-cookie";
import { clientAddress, userAgent } from "../request-context";
import { startAuthSession } from "./auth-sessions";
import { authenticate, type LoginFailure } from "./authenticate";

/** Why a sign-in did not open a session: a refusal, or the second step still to come (MFA-2). */
export type SignInOutcome = LoginFailure | "second_factor" | "second_factor_invalid" | "second_factor_expired";

/** Carries the reason of a refused login to the login form (never shown in a URL: the form signs in server-side). */
export class LoginRefused extends CredentialsSignin {
  constructor(reason: SignInOutcome, retryAfterSeconds?: number) {
    super(reason);
    this.code = retryAfterSeconds ? `${reason}:${retryAfterSeconds}` : reason;
  }
}

export async function authorizeCredentials(credentials: Partial<Record<string, unknown>> | undefined) {
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
  // The session row (SEC-7) is started by the statement that records the login, and only
  // when the password is enough: an account with a second factor gets none (MFA-2).
  const result = await authenticate(db, { identifier, password }, { ...context, openSession: true });
  if (!result.ok) throw new LoginRefused(result.reason, result.retryAfterSeconds);
  // MFA-2: the right password of an account with a second factor opens no session yet.
  if (result.secondFactor) {
    const step = await startSignInStep(db, result.accountId);
    await setStepCookie(step.token);
    throw new LoginRefused("second_factor");
  }
  if (!result.session) throw new Error("authenticate started no session for an active account without a second factor");
  return { id: result.accountId, sessionVersion: result.sessionVersion, authSessionId: result.session.id };
}
