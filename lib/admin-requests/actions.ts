"use server";

// The administrator request's actions: the legal representative's page (LR-3: public,
// protected by the code itself, the per-request lockout and the per-address rate limit), and
// the requester's side (LR-1 from "Mon espace"; LR-7 a new letter, from "Mon espace" or, for a
// registration that cannot sign in yet, from the login page with its password).
import { z } from "zod";
import { defineAction } from "../actions/define-action";
import { db } from "../db";
import { submittedValues, type FormState } from "../forms";
import { tooManyAttempts } from "../wait-time";
import {
  checkAdminRequestCode,
  confirmAdminRequest,
  type CodeRefusal,
  type ConfirmOutcome,
  type RequestSummary,
} from "./confirm-admin-request";
import { askForAdministratorRole, askForAdministratorRoleWithPassword } from "./request-administrator-role";
import { requestNewLetter, requestNewLetterWithPassword } from "./request-new-letter";

const codeSchema = z.object({
  number: z
    .string({ error: "Indiquez le numéro de demande figurant sur le courrier." })
    .trim()
    .min(1, "Indiquez le numéro de demande figurant sur le courrier.")
    .max(40, "Numéro de demande trop long."),
  code: z
    .string({ error: "Indiquez le code de confirmation figurant sur le courrier." })
    .trim()
    .min(1, "Indiquez le code de confirmation figurant sur le courrier.")
    .max(40, "Code trop long."),
});

function refusalMessage(refusal: CodeRefusal | { reason: "requester_inactive" }): string {
  switch (refusal.reason) {
    case "rate_limited":
      return tooManyAttempts(refusal.retryAfterSeconds);
    case "unknown_number":
      return "Aucune demande ne porte ce numéro : vérifiez le numéro indiqué sur le courrier.";
    case "wrong_code":
      return `Code de confirmation incorrect. Il reste ${refusal.attemptsLeft} essai${refusal.attemptsLeft > 1 ? "s" : ""} avant que la demande soit bloquée.`;
    case "locked":
      return "Cette demande est bloquée après 5 codes erronés. La personne concernée doit faire une nouvelle demande ; un nouveau courrier sera envoyé.";
    case "expired":
      return "Ce code a expiré : il était valable 60 jours. La personne concernée doit faire une nouvelle demande ; un nouveau courrier sera envoyé.";
    case "superseded":
      return "Cette demande a été remplacée par une demande plus récente pour votre organisation : utilisez le code du dernier courrier reçu.";
    case "already_confirmed":
      return "Cette demande a déjà été confirmée : il n'y a plus rien à faire.";
    case "cancelled":
      return "Cette demande a été annulée par la personne qui l'avait faite.";
    case "requester_inactive":
      return "Le compte de la personne concernée n'est plus actif : la demande ne peut pas être confirmée.";
  }
}

export type ValidationState =
  | FormState<never>
  | { status: "check_ok"; summary: RequestSummary; number: string; code: string }
  | { status: "confirmed"; summary: RequestSummary };

/** A wrong, expired or locked code is an answer of the code check, not an exception. */
function refused(outcome: CodeRefusal | { reason: "requester_inactive" }, values: Record<string, string>): ValidationState {
  return { status: "error", message: refusalMessage(outcome), fieldErrors: {}, values };
}

export const checkCodeAction = defineAction({
  guard: "anonymous",
  schema: codeSchema,
  run: (input, { context }) => checkAdminRequestCode(db, input, context),
  answer: (result, input, { formData }): ValidationState => {
    if (!result.ok) return refused(result, submittedValues(formData));
    const { ok: _ok, ...summary } = result;
    return { status: "check_ok", summary, number: input.number, code: input.code };
  },
});

export const confirmCodeAction = defineAction({
  guard: "anonymous",
  schema: codeSchema,
  run: (input, { context }): Promise<ConfirmOutcome> => confirmAdminRequest(db, input, context),
  answer: (result, input, { formData }): ValidationState => {
    if (!result.ok) return refused(result, submittedValues(formData));
    const { ok: _ok, ...summary } = result;
    return { status: "confirmed", summary };
  },
});

const NEW_LETTER_SENT = "Un nouveau courrier, avec un nouveau code, va être envoyé au représentant légal. L'ancien code ne fonctionne plus.";

export const becomeAdministratorAction = defineAction({
  guard: "account",
  schema: z.object({}),
  run: (_input, { actor, context }) => askForAdministratorRole(db, actor, context),
  revalidate: ["/espace"],
  success: () => "Votre demande est enregistrée : un courrier va être envoyé au représentant légal de votre organisation.",
});

export const requestNewLetterAction = defineAction({
  guard: "account",
  schema: z.object({}),
  run: (_input, { actor, context }) => requestNewLetter(db, actor, context),
  revalidate: ["/espace"],
  success: () => NEW_LETTER_SENT,
});

const passwordSchema = z.object({
  identifier: z
    .string({ error: "Indiquez votre identifiant." })
    .trim()
    .toLowerCase()
    .min(1, "Indiquez votre identifiant.")
    .max(100, "Identifiant trop long."),
  password: z.string({ error: "Indiquez votre mot de passe." }).min(1, "Indiquez votre mot de passe.").max(1_024),
});

export const requestNewLetterWithPasswordAction = defineAction({
  guard: "anonymous",
  schema: passwordSchema,
  secret: ["password"],
  run: (input, { context }) => requestNewLetterWithPassword(db, input, context),
  success: () => NEW_LETTER_SENT,
});

/** Issue 16 item 4: from the login page, when the organisation has no administrator account. */
export const becomeAdministratorWithPasswordAction = defineAction({
  guard: "anonymous",
  schema: passwordSchema,
  secret: ["password"],
  run: (input, { context }) => askForAdministratorRoleWithPassword(db, input, context),
  success: () =>
    "Votre demande est enregistrée : un courrier avec un code va être envoyé au représentant légal de votre organisation. " +
    "Dès qu'il l'aura saisi, vous pourrez vous connecter comme administrateur.",
});
