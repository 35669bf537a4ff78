// The browser's half of the sign-in step (MFA-2): an HttpOnly cookie holding the step's random
// id, so the step cannot be completed from another browser, nor read by a script.
import "server-only";
import { cookies } from "next/headers";
import { env } from "../env";
import { SIGN_IN_STEP_TTL_MS } from "./sign-in-step";

export const STEP_COOKIE = "portail-mfa-step";

export async function setStepCookie(token: string): Promise<void> {
  (await cookies()).set(STEP_COOKIE, token, {
    httpOnly: true,
    sameSite: "lax",
    secure: new URL(env().APP_URL).protocol === "https:",
    path: "/",
    maxAge: SIGN_IN_STEP_TTL_MS / 1000,
  });
}

export async function readStepCookie(): Promise<string | undefined> {
  return (await cookies()).get(STEP_COOKIE)?.value;
}

export async function clearStepCookie(): Promise<void> {
  (await cookies()).delete(STEP_COOKIE);
}
