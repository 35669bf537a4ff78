"use server";

// The administrator's decisions on accounts (ADM-2): the organisation comes from the
// session, the account id is checked to belong to it by the service.
import { z } from "zod";
import { defineAction } from "../actions/define-action";
import { db } from "../db";
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

// No revalidation: the row stays on screen with its confirmation in place of the buttons;
// the list is fresh again at the next visit (these pages are rendered per request).
export const decideOnAccountAction = defineAction({
  guard: "organisationManager",
  returnTo: "/administration/comptes",
  schema: decisionSchema,
  run: (input, { actor, context }) => decideOnAccount(db, actor, input, context),
  success: (_result, input) => DONE[input.decision],
});
