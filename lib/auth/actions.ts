"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { loginSchema } from "../accounts/schemas";
import { defineAction } from "../actions/define-action";
import type { FormState } from "../forms";
import { signOut } from "./auth";
import type { LoginFailure } from "./authenticate";
import { loginFailureMessage } from "./login-messages";
import { safeReturnPath } from "./safe-redirect";
import { signInWith } from "./sign-in-with";

export type LoginState = FormState<never> & { reason?: LoginFailure };

/** Signs in and answers with the redirect, or says why not (ACC-6 messages per status). */
async function signInWithPassword(input: { identifier: string; password: string; callbackUrl?: string }): Promise<{ reason: LoginFailure; seconds?: number }> {
  const outcome = await signInWith({ identifier: input.identifier, password: input.password }, input.callbackUrl);
  // MFA-2: the password was right; the second step follows, on its own page.
  if (outcome.reason === "second_factor") {
    const returnTo = safeReturnPath(input.callbackUrl, "");
    redirect(`/connexion/verification${returnTo ? `?callbackUrl=${encodeURIComponent(returnTo)}` : ""}`);
  }
  return outcome as { reason: LoginFailure; seconds?: number };
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
