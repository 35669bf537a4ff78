// Signs in through Auth.js's Credentials provider from a server action and reports why not:
// the password step (lib/auth/actions.ts) and the second step (lib/mfa/actions.ts). Kept out
// of the "use server" files, whose every export is callable from a browser.
import "server-only";
import { CredentialsSignin } from "next-auth";
import { signIn, type SignInOutcome } from "./auth";
import { safeReturnPath } from "./safe-redirect";

/** Redirects (Next's thrown redirect) on success; otherwise the reason and the wait, if any. */
export async function signInWith(fields: Record<string, string>, callbackUrl: string | undefined): Promise<{ reason: SignInOutcome; seconds?: number }> {
  try {
    await signIn("credentials", { ...fields, redirectTo: safeReturnPath(callbackUrl) });
  } catch (error) {
    // A successful sign-in ends with Next's redirect, thrown as an error: it goes on.
    if (!(error instanceof CredentialsSignin)) throw error;
    const [reason, seconds] = (error.code ?? "invalid").split(":") as [SignInOutcome, string | undefined];
    return { reason, seconds: Number(seconds) || undefined };
  }
  throw new Error("signIn returned without redirecting");
}

