"use server";

// Deputy administrators (DEP-1): the administrator designates and removes deputies (the
// choice stays with the administrator: guard "administrator"); the designated person
// answers from Mon espace (any signed-in account: the service finds their own designation).
import { z } from "zod";
import { defineAction } from "../actions/define-action";
import { db } from "../db";
import { DEPUTIES_PAGE, answerDeputyDesignation, designateDeputy, removeDeputy } from "./manage-deputies";

const designateSchema = z.object({
  login: z
    .string({ error: "Indiquez l'identifiant ou l'adresse électronique de la personne." })
    .trim()
    .min(1, "Indiquez l'identifiant ou l'adresse électronique de la personne.")
    .max(254, "254 caractères au plus."),
});

export const designateDeputyAction = defineAction({
  guard: "administrator",
  returnTo: DEPUTIES_PAGE,
  schema: designateSchema,
  run: (input, { actor, context }) => designateDeputy(db, actor, input, context),
  revalidate: [DEPUTIES_PAGE, "/administration"],
  success: (result) => `${result.name} (${result.identifier}) est désigné suppléant : la personne est prévenue par courriel et doit accepter depuis son espace.`,
});

export const removeDeputyAction = defineAction({
  guard: "administrator",
  returnTo: DEPUTIES_PAGE,
  schema: z.object({ accountId: z.uuid({ error: "Compte inconnu." }) }),
  hiddenFields: { accountId: "Compte inconnu." },
  run: (input, { actor, context }) => removeDeputy(db, actor, input, context),
  // The list shows the new state at once; the answer stays above it (ResultOutlet).
  revalidate: [DEPUTIES_PAGE, "/administration"],
  success: (result) => `${result.name} n'est plus suppléant ; la personne en est informée par courriel.`,
});

const ANSWERED = {
  accept: "Vous êtes maintenant administrateur suppléant : la console d'administration vous est ouverte.",
  decline: "Vous avez décliné le rôle de suppléant ; l'administrateur en est informé.",
  resigned: "Vous n'êtes plus suppléant ; l'administrateur en est informé.",
} as const;

export const answerDeputyDesignationAction = defineAction({
  guard: "account",
  returnTo: "/espace",
  schema: z.object({ answer: z.enum(["accept", "decline"], { error: "Réponse inconnue." }) }),
  hiddenFields: { answer: "Réponse inconnue." },
  run: (input, { actor, context }) => answerDeputyDesignation(db, actor, input, context),
  revalidate: ["/espace"],
  success: (outcome) => ANSWERED[outcome],
});
