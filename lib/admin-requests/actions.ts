"use server";

// The legal representative's page (LR-3): public, protected by the code itself, the
// per-request lockout and the per-address rate limit.
import { z } from "zod";
import { db } from "../db";
import { errorState, parseForm, submittedValues, type FormState } from "../forms";
import { clientAddress } from "../request-context";
import { tooManyAttempts } from "../wait-time";
import {
  checkAdminRequestCode,
  confirmAdminRequest,
  type CodeRefusal,
  type ConfirmOutcome,
  type RequestSummary,
} from "./confirm-admin-request";

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

export async function checkCodeAction(_previous: ValidationState, formData: FormData): Promise<ValidationState> {
  const parsed = parseForm(codeSchema, formData);
  if (!parsed.ok) return parsed.state;
  const result = await checkAdminRequestCode(db, parsed.data, { ipAddress: await clientAddress() });
  if (!result.ok) return errorState(refusalMessage(result), submittedValues(formData));
  const { ok: _ok, ...summary } = result;
  return { status: "check_ok", summary, number: parsed.data.number, code: parsed.data.code };
}

export async function confirmCodeAction(_previous: ValidationState, formData: FormData): Promise<ValidationState> {
  const parsed = parseForm(codeSchema, formData);
  if (!parsed.ok) return parsed.state;
  const result: ConfirmOutcome = await confirmAdminRequest(db, parsed.data, { ipAddress: await clientAddress() });
  if (!result.ok) return errorState(refusalMessage(result), submittedValues(formData));
  const { ok: _ok, ...summary } = result;
  return { status: "confirmed", summary };
}
