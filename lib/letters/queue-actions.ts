"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireOperator } from "../auth/guards";
import { db } from "../db";
import { errorState, type FormState } from "../forms";
import { markLettersPosted } from "./queue";

const postedSchema = z.object({
  letterIds: z.array(z.uuid()).min(1, "Cochez au moins un courrier.").max(1_000, "Trop de courriers à la fois."),
  postedOn: z.iso.date({ error: "Indiquez la date de dépôt au format jj/mm/aaaa." }),
});

/** "Marquer comme posté" (LR-6), with the day the letters were handed to the post office. */
export async function markPostedAction(_previous: FormState<object>, formData: FormData): Promise<FormState<object>> {
  const operator = await requireOperator("/operateur/courrier");
  const parsed = postedSchema.safeParse({ letterIds: formData.getAll("letterIds"), postedOn: formData.get("postedOn") });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return errorState(issue?.path[0] === "postedOn" ? "Indiquez une date de dépôt valide." : (issue?.message ?? "Sélection invalide."));
  }
  const postedOn = new Date(`${parsed.data.postedOn}T12:00:00Z`);
  const today = new Date();
  if (postedOn.getTime() > today.getTime() + 86_400_000) return errorState("La date de dépôt ne peut pas être dans le futur.");
  if (postedOn.getTime() < today.getTime() - 60 * 86_400_000) return errorState("La date de dépôt ne peut pas remonter à plus de 60 jours.");
  const count = await markLettersPosted(db, { id: operator.accountId, identifier: operator.identifier, role: operator.role }, {
    letterIds: parsed.data.letterIds,
    postedOn,
  });
  revalidatePath("/operateur/courrier");
  if (!count) return errorState("Ces courriers ne sont plus en attente : la page a été actualisée.");
  return { status: "success", message: `${count} courrier${count > 1 ? "s" : ""} marqué${count > 1 ? "s" : ""} comme posté${count > 1 ? "s" : ""}.`, result: {} };
}
