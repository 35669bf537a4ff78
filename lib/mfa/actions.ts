"use server";

// Entry points of the second factors (MFA): the sign-in's second step, the « Sécurité »
// section of Mon espace (guard "enrolment": open to an account that must first add a factor),
// the organisation's setting in the administrator's console, and the operator's reset from an
// assistance ticket. Each holds a schema, one service call and its message.
import type { PublicKeyCredentialCreationOptionsJSON, PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/server";
import { z } from "zod";
import { defineAction } from "../actions/define-action";
import { signInWith } from "../auth/sign-in-with";
import { secondStepFailureMessage } from "../auth/login-messages";
import { db } from "../db";
import type { FormState } from "../forms";
import {
  confirmTotpEnrolment,
  finishPasskeyRegistration,
  regenerateRecoveryCodes,
  removePasskey,
  removeTotp,
  startPasskeyRegistration,
  startTotpEnrolment,
  type TotpEnrolment,
} from "./manage-factors";
import { setOrganisationMfaRequired } from "./organisation-policy";
import { resetSecondFactor } from "./reset-second-factor";
import {
  currentPasswordSchema,
  finishPasskeySchema,
  organisationMfaSchema,
  removePasskeySchema,
  resetSecondFactorSchema,
  secondStepSchema,
  startPasskeySchema,
  totpCodeSchema,
} from "./schemas";
import { passkeySignInOptions } from "./sign-in-step";
import { readStepCookie } from "./step-cookie";

const SECRET = ["currentPassword", "code", "passkey", "response"];
const SECURITY = "/espace/securite";

// ─── Sign-in, second step (MFA-2) ───────────────────────────────────────────

export const verifySecondStepAction = defineAction({
  guard: "anonymous",
  schema: secondStepSchema,
  secret: SECRET,
  // A successful step ends with the redirect to the page asked for (thrown by signIn).
  run: (input) => signInWith({ step: "second-factor", code: input.code ?? "", passkey: input.passkey ?? "" }, input.callbackUrl),
  answer: (failure, input): FormState<never> & { expired?: boolean } => {
    const reason = failure.reason === "second_factor_expired" || failure.reason === "rate_limited" ? failure.reason : "second_factor_invalid";
    return {
      status: "error",
      message: secondStepFailureMessage(reason, failure.seconds),
      fieldErrors: reason === "second_factor_invalid" && input.code ? { code: "Code incorrect ou déjà utilisé." } : {},
      values: { callbackUrl: input.callbackUrl ?? "" },
      expired: reason === "second_factor_expired",
    };
  },
});

export type PasskeyOptionsState = FormState<never> | { status: "success"; options: PublicKeyCredentialRequestOptionsJSON };

/** The challenge for « Utiliser une clé d'accès »: only for the browser holding the step. */
export const passkeySignInOptionsAction = defineAction({
  guard: "anonymous",
  schema: z.object({}),
  run: async () => passkeySignInOptions(db, await readStepCookie()),
  answer: (options): PasskeyOptionsState =>
    options
      ? { status: "success", options }
      : { status: "error", message: "Aucune clé d'accès n'est disponible pour cette connexion : utilisez un code, ou reconnectez-vous.", fieldErrors: {}, values: {} },
});

// ─── Mon espace, « Sécurité » (MFA-4) ───────────────────────────────────────

export const startTotpAction = defineAction({
  guard: "enrolment",
  returnTo: SECURITY,
  schema: currentPasswordSchema,
  secret: SECRET,
  run: (input, { actor, context }) => startTotpEnrolment(db, actor, input, context),
  answer: (enrolment): FormState<TotpEnrolment> => ({ status: "success", result: enrolment }),
});

export const confirmTotpAction = defineAction({
  guard: "enrolment",
  returnTo: SECURITY,
  schema: totpCodeSchema,
  secret: SECRET,
  run: (input, { actor, context }) => confirmTotpEnrolment(db, actor, input, context),
  // No revalidation: the page would replace the form that shows the recovery codes, once.
  answer: (result): FormState<{ recoveryCodes: string[] | null }> => ({
    status: "success",
    message: "L'application d'authentification est enregistrée : elle vous sera demandée à chaque connexion.",
    result,
  }),
});

export const removeTotpAction = defineAction({
  guard: "enrolment",
  returnTo: SECURITY,
  schema: currentPasswordSchema,
  secret: SECRET,
  run: (input, { actor, context }) => removeTotp(db, actor, input, context),
  revalidate: [SECURITY],
  success: () => "L'application d'authentification est retirée.",
});

export type PasskeyRegistrationState = FormState<never> | { status: "success"; options: PublicKeyCredentialCreationOptionsJSON; name: string };

export const startPasskeyAction = defineAction({
  guard: "enrolment",
  returnTo: SECURITY,
  schema: startPasskeySchema,
  secret: SECRET,
  run: (input, { actor, context }) => startPasskeyRegistration(db, actor, input, context),
  answer: (options, input): PasskeyRegistrationState => ({ status: "success", options, name: input.name }),
});

export const finishPasskeyAction = defineAction({
  guard: "enrolment",
  returnTo: SECURITY,
  schema: finishPasskeySchema,
  secret: SECRET,
  run: (input, { actor, context }) => finishPasskeyRegistration(db, actor, input, context),
  // No revalidation: the page would replace the form that shows the recovery codes, once.
  answer: (result, input): FormState<{ recoveryCodes: string[] | null }> => ({
    status: "success",
    message: `La clé d'accès « ${input.name} » est enregistrée.`,
    result,
  }),
});

export const removePasskeyAction = defineAction({
  guard: "enrolment",
  returnTo: SECURITY,
  schema: removePasskeySchema,
  secret: SECRET,
  hiddenFields: { passkeyId: true },
  run: (input, { actor, context }) => removePasskey(db, actor, input, context),
  revalidate: [SECURITY],
  success: (result) => `La clé d'accès « ${result.name} » est retirée.`,
});

export const regenerateRecoveryCodesAction = defineAction({
  guard: "enrolment",
  returnTo: SECURITY,
  schema: currentPasswordSchema,
  secret: SECRET,
  run: (input, { actor, context }) => regenerateRecoveryCodes(db, actor, input, context),
  revalidate: [SECURITY],
  answer: (codes): FormState<{ recoveryCodes: string[] | null }> => ({
    status: "success",
    message: "Voici vos nouveaux codes de secours : les anciens ne fonctionnent plus.",
    result: { recoveryCodes: codes },
  }),
});

// ─── Policy and assistance (MFA-3, MFA-4) ───────────────────────────────────

export const setOrganisationMfaRequiredAction = defineAction({
  guard: "administrator",
  returnTo: "/administration",
  schema: organisationMfaSchema,
  run: (input, { actor, context }) => setOrganisationMfaRequired(db, actor, { required: input.required === "oui" }, context),
  revalidate: ["/administration"],
  success: (_result, input) =>
    input.required === "oui"
      ? "La double authentification est désormais exigée pour tous les comptes de l'organisation : ceux qui n'en ont pas l'ajouteront à leur prochaine page."
      : "La double authentification n'est plus exigée pour tous les comptes (elle le reste pour l'administrateur).",
});

export const resetSecondFactorAction = defineAction({
  guard: "operator",
  returnTo: "/operateur/assistance",
  schema: resetSecondFactorSchema,
  hiddenFields: { ticketId: "Cette demande d'assistance n'existe pas.", accountId: true },
  run: (input, { actor, context }) => resetSecondFactor(db, actor, input, context),
  revalidate: (input) => [`/operateur/assistance/${input.ticketId}`],
  success: (result) =>
    `La double authentification du compte est réinitialisée ; ${result.endedSessions} session(s) fermée(s). La personne en est informée par courriel.`,
});
