"use server";

import { CredentialsSignin } from "next-auth";
import { z } from "zod";
import { loginSchema } from "../accounts/schemas";
import { defineAction } from "../actions/define-action";
import type { FormState } from "../forms";
import { signIn, signOut } from "./auth";
import type { LoginFailure } from "./authenticate";
import { loginFailureMessage } from "./login-messages";
import { safeReturnPath } from "./safe-redirect";

export type LoginState = FormState<never> & { reason?: LoginFailure };

/** Signs in and answers with the redirect, or says why not (ACC-6 messages per status). */
async function signInWithPassword(input: { identifier: string; password: string; callbackUrl?: string }): Promise<{ reason: LoginFailure; seconds?: number }> {
  try {
    await signIn("credentials", { identifier: input.identifier, password: input.password, redirectTo: safeReturnPath(input.callbackUrl) });
  } catch (error) {
    // A successful sign-in ends with Next's redirect, thrown as an error: it goes on.
    if (!(error instanceof CredentialsSignin)) throw error;
    const [reason, seconds] = (error.code ?? "invalid").split(":") as [LoginFailure, string | undefined];
    return { reason, seconds: Number(seconds) || undefined };
  }
  throw new Error("signIn returned without redirecting");
}

export const loginAction = defineAction({
  guard: "anonymous",
  schema: loginSchema,
  secret: ["password"],
  run: (input) => signInWithPassword(input),
  answer: (failure, input): LoginState => ({
    status: "error",
    reason: failure.reason,
    message: loginFailureMessage(failure.reason, failure.seconds),
    fieldErrors: {},
    values: { identifier: input.identifier, callbackUrl: input.callbackUrl ?? "" },
  }),
});

const signOutOfPortal = defineAction({
  guard: "anonymous",
  schema: z.object({}),
  // Auth.js's signOut event ends this sign-in's session row (SEC-7), then redirects home.
  run: () => signOut({ redirectTo: "/" }),
  answer: (): FormState<object> => ({ status: "idle" }),
});

/** The header's "Se déconnecter" button: a plain form action (no state), so it works before hydration. */
export async function signOutAction(): Promise<void> {
  await signOutOfPortal({ status: "idle" }, new FormData());
}
