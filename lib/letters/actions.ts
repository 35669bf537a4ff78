"use server";

// The operator's print queue (LR-6): operators only (SEC-1).
import { z } from "zod";
import { defineAction } from "../actions/define-action";
import { isDayKey, parisDayKey, shiftDayKey } from "../calendar";
import { db } from "../db";
import type { FormState } from "../forms";
import { markLettersPosted } from "./queue";

// Days on Paris clocks: in the evening, "tomorrow" is still in the future.
const postedSchema = z.object({
  letterIds: z.array(z.uuid({ error: "Sélection invalide." })).min(1, "Cochez au moins un courrier.").max(1_000, "Trop de courriers à la fois."),
  postedOn: z.iso
    .date({ error: "Indiquez une date de dépôt valide." })
    .refine(isDayKey, "Indiquez une date de dépôt valide.")
    .refine((day) => day <= parisDayKey(), "La date de dépôt ne peut pas être dans le futur.")
    .refine((day) => day >= shiftDayKey(parisDayKey(), -60), "La date de dépôt ne peut pas remonter à plus de 60 jours.")
    .transform((day) => new Date(`${day}T12:00:00Z`)),
});

function posted(count: number): FormState<object> {
  if (!count) return { status: "error", message: "Ces courriers ne sont plus en attente : la page a été actualisée.", fieldErrors: {}, values: {} };
  const s = count > 1 ? "s" : "";
  return { status: "success", message: `${count} courrier${s} marqué${s} comme posté${s}.`, result: {} };
}

/** "Marquer comme posté", with the day the letters were handed to the post office. */
export const markPostedAction = defineAction({
  guard: "operator",
  returnTo: "/operateur/courrier",
  schema: postedSchema,
  input: (formData) => ({ letterIds: formData.getAll("letterIds"), postedOn: formData.get("postedOn") }),
  // The boxes and the date are checked above the list: say what is wrong there.
  hiddenFields: { letterIds: true, postedOn: true },
  run: (input, { actor, context }) => markLettersPosted(db, actor, input, context),
  revalidate: ["/operateur/courrier"],
  answer: posted,
});
