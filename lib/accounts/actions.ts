"use server";

// Server actions of the account pages: the public doors (registration, activation,
// recovery) and "Mon espace" (profile, address, password, closing, switching accounts).
// "Mon espace" takes the account from the session, never from the form (SEC-1).
import { redirect } from "next/navigation";
import { HOME_PATH } from "../auth/home-path";
import { z } from "zod";
import { defineAction, type ErrorState } from "../actions/define-action";
import { signOut } from "../auth/auth";
import { signOutEverywhere } from "../auth/auth-sessions";
import { continueSessionAs, keepSessionAfterPasswordChange } from "../auth/session-update";
import { db } from "../db";
import { submittedValues, type FormState } from "../forms";
import { UserError } from "../operation";
import { signReference, verifyReference } from "../security/signed-reference";
import type { TokenProblem } from "../tokens";
import { activateAccount, type ActivationOutcome } from "./activate-account";
import { changePassword, closeAccount, confirmEmailChange, requestEmailChange, updateProfile, type EmailChangeOutcome } from "./manage-own-account";
import { passwordPolicyError } from "./password-rules";
import { remindIdentifiers, requestPasswordReset, resetPassword } from "./recover-access";
import { registerAccount } from "./register-account";
import { resendActivation } from "./resend-activation";
import {
  closeAccountSchema,
  emailChangeSchema,
  emailOnlySchema,
  identifierOrEmailSchema,
  newPasswordSchema,
  passwordChangeSchema,
  profileSchema,
  registrationSchema,
} from "./schemas";
import { switchAccount } from "./switch-account";

const SECRET = ["password", "passwordConfirmation", "currentPassword"];
const RESEND_REFERENCE = "activation-resend";
/** A link's token: anything else is an unknown link, never a form error. */
const tokenField = z.string().max(100).catch("");

// ─── Registration and activation ────────────────────────────────────────────

/** The same whatever existed for this address (SEC-8): the identifier comes by e-mail. */
export interface RegistrationResult {
  /** ACC-2: the identifier, shown whatever already existed (lib/accounts/register-account.ts). */
  identifier: string;
  email: string;
  resendReference: string;
}
export type RegistrationState = FormState<RegistrationResult>;

/** Every problem at once: the password policy too, when the password itself was given. */
function withPasswordPolicy(state: ErrorState, formData: FormData): ErrorState {
  const password = formData.get("password");
  if (typeof password !== "string" || !password || state.fieldErrors.password) return state;
  const problem = passwordPolicyError(password, {
    firstName: String(formData.get("firstName") ?? ""),
    lastName: String(formData.get("lastName") ?? ""),
    email: String(formData.get("email") ?? ""),
  });
  return problem ? { ...state, fieldErrors: { ...state.fieldErrors, password: problem } } : state;
}

export const registerAction = defineAction({
  guard: "anonymous",
  schema: registrationSchema,
  secret: SECRET,
  invalid: withPasswordPolicy,
  run: (input, { context }) => registerAccount(db, input, context),
  answer: (outcome): RegistrationState => ({
    status: "success",
    result: {
      identifier: outcome.identifier,
      email: outcome.email,
      resendReference: signReference(RESEND_REFERENCE, outcome.resendSubject, 72 * 3_600_000),
    },
  }),
});

export type ResendState = FormState<{ email?: string }>;

const resendByReference = defineAction({
  guard: "anonymous",
  // A hidden field: a reference too long to be ours is an expired one (the message below), not a form error.
  schema: z.object({ reference: z.string().max(500).catch("") }),
  run: async ({ reference }, { context }) => {
    const registration = verifyReference(RESEND_REFERENCE, reference);
    if (!registration) throw new UserError("Ce lien de renvoi n'est plus valable : demandez un nouveau lien avec votre identifiant.");
    await resendActivation(db, { registration }, context);
  },
  success: () =>
    "Si votre inscription attend toujours son activation, un nouveau courriel d'activation vient d'être envoyé. Seul le lien de ce dernier courriel fonctionne.",
});

const resendByLogin = defineAction({
  guard: "anonymous",
  schema: identifierOrEmailSchema,
  run: (input, { context }) => resendActivation(db, { login: input.login }, context),
  success: () =>
    "Si un compte en attente d'activation correspond à votre saisie, un nouveau lien d'activation vient d'être envoyé à son adresse électronique. Seul le dernier lien reçu fonctionne.",
});

/** From the registration's confirmation (a signed reference) or from the page that asks for an identifier. */
export async function resendActivationAction(previous: ResendState, formData: FormData): Promise<ResendState> {
  return formData.get("reference") ? resendByReference(previous, formData) : resendByLogin(previous, formData);
}

export type ActivationState = { status: "idle" } | { status: "done"; outcome: ActivationOutcome };

/** Confirmation by POST, so that mail scanners opening the link cannot use it up. */
export const activateAction = defineAction({
  guard: "anonymous",
  schema: z.object({ token: tokenField }),
  run: ({ token }, { context }) => activateAccount(db, token, context.now),
  answer: (outcome): ActivationState => ({ status: "done", outcome }),
});

export type PasswordActivationState =
  | FormState<{ identifier: string; organisationName: string }>
  | { status: "link_problem"; problem: TokenProblem | "not_applicable" };

/** BULK-3: an imported account is activated by choosing its password. */
export const activateWithPasswordAction = defineAction({
  guard: "anonymous",
  schema: z.object({ token: tokenField }).and(newPasswordSchema),
  secret: SECRET,
  run: (input, { context }) => activateAccount(db, input.token, context.now, input.password),
  answer: (outcome): PasswordActivationState =>
    outcome.ok
      ? { status: "success", result: { identifier: outcome.identifier, organisationName: outcome.organisationName } }
      : { status: "link_problem", problem: outcome.problem },
});

// ─── Recovery ───────────────────────────────────────────────────────────────

export const requestPasswordResetAction = defineAction({
  guard: "anonymous",
  schema: identifierOrEmailSchema,
  run: (input, { context }) => requestPasswordReset(db, input.login, context),
  success: () =>
    "Si un compte correspond à votre saisie, un courriel contenant un lien pour choisir un nouveau mot de passe vient d'être envoyé à son adresse. Le lien est valable une heure ; seul le dernier reçu fonctionne.",
});

export const remindIdentifiersAction = defineAction({
  guard: "anonymous",
  schema: emailOnlySchema,
  run: (input, { context }) => remindIdentifiers(db, input.email, context),
  success: () => "Si des comptes utilisent cette adresse, un courriel rappelant leurs identifiants et leurs organisations vient de lui être envoyé.",
});

export type ResetState = FormState<{ identifier: string }> | { status: "link_problem"; problem: TokenProblem };

export const resetPasswordAction = defineAction({
  guard: "anonymous",
  schema: z.object({ token: tokenField }).and(newPasswordSchema),
  secret: SECRET,
  run: (input, { context }) => resetPassword(db, input.token, input.password, context.now),
  answer: (outcome): ResetState => {
    if (!outcome.ok) return { status: "link_problem", problem: outcome.problem };
    redirect("/connexion?info=mot-de-passe-modifie");
  },
});

// ─── Mon espace ─────────────────────────────────────────────────────────────

export const updateProfileAction = defineAction({
  guard: "account",
  schema: profileSchema,
  run: (input, { actor, context }) => updateProfile(db, actor, input, context),
  answer: (_result, _input, { formData }): FormState<object> => ({
    status: "success",
    message: "Vos informations sont enregistrées.",
    result: {},
    values: submittedValues(formData),
  }),
});

export const requestEmailChangeAction = defineAction({
  guard: "account",
  schema: emailChangeSchema,
  secret: SECRET,
  run: (input, { actor, context }) => requestEmailChange(db, actor, input, context),
  success: (_result, input) =>
    `Un lien de confirmation vient d'être envoyé à ${input.email}. Votre adresse actuelle reste en service jusqu'à ce que vous cliquiez dessus.`,
});

export const changePasswordAction = defineAction({
  guard: "account",
  schema: passwordChangeSchema,
  secret: SECRET,
  // Every other session of the account ends (ACC-10); this one goes on.
  run: async (input, { actor, context }) => keepSessionAfterPasswordChange(actor, await changePassword(db, actor, input, context)),
  success: () => "Votre mot de passe est modifié. Vos autres sessions ont été fermées.",
});

export const closeAccountAction = defineAction({
  guard: "account",
  schema: closeAccountSchema,
  secret: SECRET,
  run: async (input, { actor, context }) => {
    await closeAccount(db, actor, input, context);
    // The account is closed: its session ends here (signOut answers with the redirect).
    await signOut({ redirectTo: "/connexion?info=compte-ferme" });
  },
  answer: (): FormState<object> => ({ status: "idle" }),
});

/** SEC-7: "Se déconnecter partout" ends every session of the account, this one included. */
export const signOutEverywhereAction = defineAction({
  guard: "account",
  schema: z.object({}),
  run: async (_input, { actor, context }) => {
    await signOutEverywhere(db, actor, context);
    await signOut({ redirectTo: "/connexion?info=deconnecte-partout" });
  },
  answer: (): FormState<object> => ({ status: "idle" }),
});

const switchSchema = z.object({
  targetAccountId: z.uuid({ error: "Compte inconnu." }),
  password: z.string().max(1_024, "Mot de passe trop long.").optional(),
});

export const switchAccountAction = defineAction({
  guard: "account",
  schema: switchSchema,
  secret: SECRET,
  run: async (input, { actor, context }) => continueSessionAs(await switchAccount(db, actor, input, context)),
  // The other account lands on its own home, which says which account is now in use.
  answer: (): FormState<object> => redirect(`${HOME_PATH}?info=compte-change`),
});

export type EmailConfirmState = { status: "idle" } | { status: "done"; outcome: EmailChangeOutcome };

export const confirmEmailChangeAction = defineAction({
  guard: "anonymous",
  schema: z.object({ token: tokenField }),
  run: ({ token }, { context }) => confirmEmailChange(db, token, context.now),
  answer: (outcome): EmailConfirmState => ({ status: "done", outcome }),
});
