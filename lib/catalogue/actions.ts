"use server";

// The operator's catalogue forms. Each action checks the operator first (SEC-1), whatever
// the page showed, then parses its input with zod and answers in French.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { accountActor } from "../audit/record-audit-event";
import { requireOperator, type OperatorViewer } from "../auth/guards";
import { db } from "../db";
import { errorState, parseForm, submittedValues, type FormState, type FormValues } from "../forms";
import type { EService } from "../generated/prisma/client";
import { clientAddress } from "../request-context";
import { CatalogueError } from "./errors";
import { eServiceFormValues } from "./form-values";
import { createEService, updateEService } from "./manage-catalogue";
import { eServiceSchema, eServiceUpdateSchema } from "./schemas";

const RETURN_TO = "/operateur/catalogue";
const FORM_HAS_ERRORS = "Le formulaire contient des erreurs : corrigez les champs signalés.";
const UNKNOWN = "Cet e-service n'existe pas ou plus : revenez au catalogue.";

function actorOf(viewer: OperatorViewer) {
  return accountActor({ id: viewer.accountId, identifier: viewer.identifier, role: viewer.role });
}

function refusal(error: unknown, values: FormValues): FormState<never> {
  if (error instanceof CatalogueError) {
    return error.field ? errorState(FORM_HAS_ERRORS, values, { [error.field]: error.message }) : errorState(error.message, values);
  }
  throw error;
}

function savedValues(eService: EService): FormValues {
  return { eServiceId: eService.id, ...eServiceFormValues(eService) };
}

function revalidateCatalogue(id?: string) {
  revalidatePath(RETURN_TO);
  if (id) revalidatePath(`${RETURN_TO}/${id}`);
  revalidatePath("/e-services");
}

export async function createEServiceAction(_previous: FormState<object>, formData: FormData): Promise<FormState<object>> {
  const viewer = await requireOperator(RETURN_TO);
  const parsed = parseForm(eServiceSchema, formData);
  if (!parsed.ok) return parsed.state;
  let eService: EService;
  try {
    eService = await createEService(db, actorOf(viewer), parsed.data, { ipAddress: await clientAddress() });
  } catch (error) {
    return refusal(error, submittedValues(formData));
  }
  revalidateCatalogue();
  redirect(`${RETURN_TO}/${eService.id}?info=cree`);
}

export async function updateEServiceAction(_previous: FormState<object>, formData: FormData): Promise<FormState<object>> {
  const viewer = await requireOperator(RETURN_TO);
  const parsed = parseForm(eServiceUpdateSchema, formData);
  if (!parsed.ok) {
    // A forged or missing id is no field of the form: say so above it.
    const idProblem = parsed.state.status === "error" ? parsed.state.fieldErrors.eServiceId : undefined;
    return idProblem ? errorState(UNKNOWN, submittedValues(formData)) : parsed.state;
  }
  try {
    const { eService, changes } = await updateEService(db, actorOf(viewer), parsed.data.eServiceId, parsed.data.input, {
      ipAddress: await clientAddress(),
    });
    revalidateCatalogue(eService.id);
    return {
      status: "success",
      message: Object.keys(changes).length
        ? "Les modifications de l'e-service sont enregistrées."
        : "Aucune modification à enregistrer : les valeurs sont identiques.",
      result: {},
      values: savedValues(eService),
    };
  } catch (error) {
    return refusal(error, submittedValues(formData));
  }
}
