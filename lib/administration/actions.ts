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

// The person is named after a colon: no elision to get wrong ("de Inès").
const DONE = {
  validate: (name: string) => `Compte validé : ${name}. La personne en est informée par courriel.`,
  refuse: (name: string) => `Inscription refusée : ${name}. La personne en est informée par courriel.`,
  invalidate: (name: string) => `Compte désactivé : ${name}. La personne en est informée par courriel.`,
  reactivate: (name: string) => `Compte réactivé, sans ses anciennes permissions : ${name}. La personne en est informée par courriel.`,
} as const;

// The pages that show accounts by status: a decided account leaves its tab at once, the
// counters change, and the matrix lists it (or no longer), without a reload.
const CHANGED = ["/administration", "/administration/comptes", "/administration/permissions"];

export const decideOnAccountAction = defineAction({
  guard: "organisationManager",
  returnTo: "/administration/comptes",
  schema: decisionSchema,
  run: (input, { actor, context }) => decideOnAccount(db, actor, input, context),
  revalidate: CHANGED,
  success: (result, input) => DONE[input.decision](result.personName),
});
