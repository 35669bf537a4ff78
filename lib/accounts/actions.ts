"use server";

// Server actions of the public account pages: parse (zod) → call the operation → answer
// the form. Authorization: these pages are public; every operation checks its own rights.
import { redirect } from "next/navigation";
import { z } from "zod";
import { db } from "../db";
import { errorState, parseForm, submittedValues, type FormState } from "../forms";
import { clientAddress } from "../request-context";
import { signReference, verifyReference } from "../security/signed-reference";
import { activateAccount, type ActivationOutcome } from "./activate-account";
import { refusal } from "./refusal";
import { passwordPolicyError } from "./password-rules";
import { registerAccount } from "./register-account";
import type { TokenProblem } from "../tokens";
import { remindIdentifiers, requestPasswordReset, resetPassword } from "./recover-access";
import { resendActivation } from "./resend-activation";
import { emailOnlySchema, identifierOrEmailSchema, newPasswordSchema, registrationSchema } from "./schemas";

const SECRET_FIELDS = ["password", "passwordConfirmation", "currentPassword"];
const RESEND_REFERENCE = "activation-resend";

/** The same whatever existed for this address (SEC-8): the identifier comes by e-mail. */
export interface RegistrationResult {
  email: string;
  resendReference: string;
}
export type RegistrationState = FormState<RegistrationResult>;


export async function registerAction(_previous: RegistrationState, formData: FormData): Promise<RegistrationState> {
  const parsed = parseForm(registrationSchema, formData, SECRET_FIELDS);
  if (!parsed.ok) {
    // Every problem at once: the password policy too, when the password itself was given.
    const state = parsed.state;
    const password = formData.get("password");
    if (state.status === "error" && typeof password === "string" && password && !state.fieldErrors.password) {
      const problem = passwordPolicyError(password, {
        firstName: String(formData.get("firstName") ?? ""),
        lastName: String(formData.get("lastName") ?? ""),
        email: String(formData.get("email") ?? ""),
      });
      if (problem) state.fieldErrors.password = problem;
    }
    return state;
  }
  const values = submittedValues(formData, SECRET_FIELDS);
  try {
    const outcome = await registerAccount(db, parsed.data, { ipAddress: await clientAddress() });
    return {
      status: "success",
      result: { email: outcome.email, resendReference: signReference(RESEND_REFERENCE, outcome.resendSubject, 72 * 3_600_000) },
    };
  } catch (error) {
    return refusal(error, values);
  }
}

export type ResendState = FormState<{ email?: string }>;

export async function resendActivationAction(_previous: ResendState, formData: FormData): Promise<ResendState> {
  const ipAddress = await clientAddress();
  const reference = formData.get("reference");
  try {
    if (typeof reference === "string" && reference) {
      const registration = verifyReference(RESEND_REFERENCE, reference);
      if (!registration) return errorState("Ce lien de renvoi n'est plus valable : demandez un nouveau lien avec votre identifiant.");
      await resendActivation(db, { registration }, { ipAddress });
      return {
        status: "success",
        message: "Si votre inscription attend toujours son activation, un nouveau courriel d'activation vient d'être envoyé. Seul le lien de ce dernier courriel fonctionne.",
        result: {},
      };
    }
    const parsed = parseForm(identifierOrEmailSchema, formData);
    if (!parsed.ok) return parsed.state;
    await resendActivation(db, { login: parsed.data.login }, { ipAddress });
    return {
      status: "success",
      message:
        "Si un compte en attente d'activation correspond à votre saisie, un nouveau lien d'activation vient d'être envoyé à son adresse électronique. Seul le dernier lien reçu fonctionne.",
      result: {},
    };
  } catch (error) {
    return refusal(error, submittedValues(formData));
  }
}

export type ActivationState = { status: "idle" } | { status: "done"; outcome: ActivationOutcome };

const tokenSchema = z.string().min(20).max(100);

export async function activateAction(_previous: ActivationState, formData: FormData): Promise<ActivationState> {
  const token = tokenSchema.safeParse(formData.get("token"));
  if (!token.success) return { status: "done", outcome: { ok: false, problem: "unknown" } };
  return { status: "done", outcome: await activateAccount(db, token.data) };
}

export type PasswordActivationState =
  | FormState<{ identifier: string; organisationName: string }>
  | { status: "link_problem"; problem: TokenProblem | "not_applicable" };

/** BULK-3: an imported account is activated by choosing its password. */
export async function activateWithPasswordAction(_previous: PasswordActivationState, formData: FormData): Promise<PasswordActivationState> {
  const token = tokenSchema.safeParse(formData.get("token"));
  if (!token.success) return { status: "link_problem", problem: "unknown" };
  const parsed = parseForm(newPasswordSchema, formData, SECRET_FIELDS);
  if (!parsed.ok) return parsed.state;
  try {
    const outcome = await activateAccount(db, token.data, new Date(), parsed.data.password);
    if (!outcome.ok) return { status: "link_problem", problem: outcome.problem };
    return { status: "success", result: { identifier: outcome.identifier, organisationName: outcome.organisationName } };
  } catch (error) {
    return refusal(error, {});
  }
}

const NEUTRAL_RESET =
  "Si un compte correspond à votre saisie, un courriel contenant un lien pour choisir un nouveau mot de passe vient d'être envoyé à son adresse. Le lien est valable une heure ; seul le dernier reçu fonctionne.";
const NEUTRAL_IDENTIFIER =
  "Si des comptes utilisent cette adresse, un courriel rappelant leurs identifiants et leurs organisations vient de lui être envoyé.";

export async function requestPasswordResetAction(_previous: FormState<object>, formData: FormData): Promise<FormState<object>> {
  const parsed = parseForm(identifierOrEmailSchema, formData);
  if (!parsed.ok) return parsed.state;
  try {
    await requestPasswordReset(db, parsed.data.login, { ipAddress: await clientAddress() });
    return { status: "success", message: NEUTRAL_RESET, result: {} };
  } catch (error) {
    return refusal(error, submittedValues(formData));
  }
}

export async function remindIdentifiersAction(_previous: FormState<object>, formData: FormData): Promise<FormState<object>> {
  const parsed = parseForm(emailOnlySchema, formData);
  if (!parsed.ok) return parsed.state;
  try {
    await remindIdentifiers(db, parsed.data.email, { ipAddress: await clientAddress() });
    return { status: "success", message: NEUTRAL_IDENTIFIER, result: {} };
  } catch (error) {
    return refusal(error, submittedValues(formData));
  }
}

export type ResetState = FormState<{ identifier: string }> | { status: "link_problem"; problem: TokenProblem };

export async function resetPasswordAction(_previous: ResetState, formData: FormData): Promise<ResetState> {
  const token = tokenSchema.safeParse(formData.get("token"));
  if (!token.success) return { status: "link_problem", problem: "unknown" };
  const parsed = parseForm(newPasswordSchema, formData, SECRET_FIELDS);
  if (!parsed.ok) return parsed.state;
  try {
    const outcome = await resetPassword(db, token.data, parsed.data.password);
    if (!outcome.ok) return { status: "link_problem", problem: outcome.problem };
  } catch (error) {
    return refusal(error, {});
  }
  redirect("/connexion?info=mot-de-passe-modifie");
}
