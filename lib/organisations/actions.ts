"use server";

// The operator's organisation forms (ORG-4): operators only (SEC-1), whatever the page showed.
import { redirect } from "next/navigation";
import { defineAction } from "../actions/define-action";
import { db } from "../db";
import type { FormState } from "../forms";
import { organisationFormValues } from "./form-values";
import { createOrganisation, updateOrganisation } from "./manage-organisations";
import { organisationSchema, organisationUpdateSchema } from "./schemas";

const RETURN_TO = "/operateur/organisations";

export const createOrganisationAction = defineAction({
  guard: "operator",
  returnTo: RETURN_TO,
  schema: organisationSchema,
  run: (input, { actor, context }) => createOrganisation(db, actor, input, context),
  revalidate: [RETURN_TO],
  answer: (organisation): FormState<object> => redirect(`${RETURN_TO}/${organisation.id}?info=creee`),
});

export const updateOrganisationAction = defineAction({
  guard: "operator",
  returnTo: RETURN_TO,
  schema: organisationUpdateSchema,
  // A forged or missing id is no field of the form: say so above it.
  hiddenFields: { organisationId: "Cette organisation n'existe pas ou plus : revenez à la liste des organisations." },
  run: (input, { actor, context }) => updateOrganisation(db, actor, input.organisationId, input.input, context),
  revalidate: (_input, { organisation }) => [RETURN_TO, `${RETURN_TO}/${organisation.id}`],
  // The values as saved, normalised (upper-cased code, La Poste's city line…).
  answer: ({ organisation, changes }): FormState<object> => ({
    status: "success",
    message: Object.keys(changes).length
      ? "Les modifications de l'organisation sont enregistrées."
      : "Aucune modification à enregistrer : les valeurs sont identiques.",
    result: {},
    values: { organisationId: organisation.id, ...organisationFormValues(organisation) },
  }),
});
