"use server";

import { unstable_rethrow } from "next/navigation";
import { CredentialsSignin } from "next-auth";
import { loginSchema } from "../accounts/schemas";
import { parseForm, type FormState } from "../forms";
import { signIn, signOut } from "./auth";
import type { LoginFailure } from "./authenticate";
import { loginFailureMessage } from "./login-messages";
import { safeReturnPath } from "./safe-redirect";

export type LoginState = FormState<never> & { reason?: LoginFailure };

export async function loginAction(_previous: LoginState, formData: FormData): Promise<LoginState> {
  const parsed = parseForm(loginSchema, formData, ["password"]);
  if (!parsed.ok) return parsed.state;
  const { identifier, password, callbackUrl } = parsed.data;
  try {
    await signIn("credentials", { identifier, password, redirectTo: safeReturnPath(callbackUrl) });
  } catch (error) {
    // A successful sign-in ends with Next's redirect, thrown as an error.
    unstable_rethrow(error);
    if (error instanceof CredentialsSignin) {
      const [reason, seconds] = (error.code ?? "invalid").split(":") as [LoginFailure, string | undefined];
      return {
        status: "error",
        reason,
        message: loginFailureMessage(reason, Number(seconds) || undefined),
        fieldErrors: {},
        values: { identifier, callbackUrl: callbackUrl ?? "" },
      };
    }
    throw error;
  }
  return { status: "idle" };
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/" });
}
