"use server";

// The operator's catalogue forms: operators only (SEC-1), whatever the page showed.
import { redirect } from "next/navigation";
import { defineAction } from "../actions/define-action";
import { db } from "../db";
import type { FormState } from "../forms";
import { eServiceFormValues } from "./form-values";
import { createEService, updateEService } from "./manage-catalogue";
import { eServiceSchema, eServiceUpdateSchema } from "./schemas";

const RETURN_TO = "/operateur/catalogue";

function changedPages(id?: string): string[] {
  return [RETURN_TO, ...(id ? [`${RETURN_TO}/${id}`] : []), "/e-services"];
}

export const createEServiceAction = defineAction({
  guard: "operator",
  returnTo: RETURN_TO,
  schema: eServiceSchema,
  run: (input, { actor, context }) => createEService(db, actor, input, context),
  revalidate: () => changedPages(),
  answer: (eService): FormState<object> => redirect(`${RETURN_TO}/${eService.id}?info=cree`),
});

export const updateEServiceAction = defineAction({
  guard: "operator",
  returnTo: RETURN_TO,
  schema: eServiceUpdateSchema,
  // A forged or missing id is no field of the form: say so above it.
  hiddenFields: { eServiceId: "Cet e-service n'existe pas ou plus : revenez au catalogue." },
  run: (input, { actor, context }) => updateEService(db, actor, input.eServiceId, input.input, context),
  revalidate: (_input, { eService }) => changedPages(eService.id),
  answer: ({ eService, changes }): FormState<object> => ({
    status: "success",
    message: Object.keys(changes).length
      ? "Les modifications de l'e-service sont enregistrées."
      : "Aucune modification à enregistrer : les valeurs sont identiques.",
    result: {},
    values: { eServiceId: eService.id, ...eServiceFormValues(eService) },
  }),
});
