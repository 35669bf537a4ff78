"use server";

// The administrator's decisions on accounts (ADM-2): requireAdministrator first, the
// organisation from the session, the account id checked to belong to it.
import { z } from "zod";
import { refusal } from "../accounts/refusal";
import { requireAdministrator } from "../auth/guards";
import { db } from "../db";
import { parseForm, type FormState } from "../forms";
import { clientAddress } from "../request-context";
import { decideOnAccount } from "./manage-accounts";

const decisionSchema = z.object({
  accountId: z.uuid({ error: "Compte inconnu." }),
  decision: z.enum(["validate", "refuse", "invalidate", "reactivate"], { error: "Décision inconnue." }),
  note: z.string().trim().max(500, "500 caractères au plus.").optional(),
});

const DONE = {
  validate: "Le compte est validé ; la personne en est informée par courriel.",
  refuse: "L'inscription est refusée ; la personne en est informée par courriel.",
  invalidate: "Le compte est désactivé ; la personne en est informée par courriel.",
  reactivate: "Le compte est réactivé, sans ses anciennes permissions ; la personne en est informée par courriel.",
} as const;

export async function decideOnAccountAction(_previous: FormState<object>, formData: FormData): Promise<FormState<object>> {
  const administrator = await requireAdministrator("/administration/comptes");
  const parsed = parseForm(decisionSchema, formData);
  if (!parsed.ok) return parsed.state;
  try {
    await decideOnAccount(db, administrator, parsed.data, { ipAddress: await clientAddress() });
  } catch (error) {
    return refusal(error, {});
  }
  // No revalidation: the row stays on screen with its confirmation in place of the buttons;
  // the list is fresh again at the next visit (these pages are rendered per request).
  return { status: "success", message: DONE[parsed.data.decision], result: {} };
}
