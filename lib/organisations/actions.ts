"use server";

// The operator's organisation forms (ORG-4). Each action checks the operator first
// (SEC-1), whatever the page showed, then parses its input with zod and answers in French.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { accountActor } from "../audit/record-audit-event";
import { requireOperator, type OperatorViewer } from "../auth/guards";
import { db } from "../db";
import { errorState, parseForm, submittedValues, type FormState, type FormValues } from "../forms";
import type { Organisation } from "../generated/prisma/client";
import { clientAddress } from "../request-context";
import { OrganisationError } from "./errors";
import { createOrganisation, updateOrganisation } from "./manage-organisations";
import { organisationSchema, organisationUpdateSchema } from "./schemas";
import { organisationFormValues } from "./form-values";

const RETURN_TO = "/operateur/organisations";
const FORM_HAS_ERRORS = "Le formulaire contient des erreurs : corrigez les champs signalés.";

function actorOf(viewer: OperatorViewer) {
  return accountActor({ id: viewer.accountId, identifier: viewer.identifier, role: viewer.role });
}

function refusal(error: unknown, values: FormValues): FormState<never> {
  if (error instanceof OrganisationError) {
    return error.field ? errorState(FORM_HAS_ERRORS, values, { [error.field]: error.message }) : errorState(error.message, values);
  }
  throw error;
}

/** The form's values as saved, normalised (upper-cased code, La Poste's city line…). */
function savedValues(organisation: Organisation): FormValues {
  return { organisationId: organisation.id, ...organisationFormValues(organisation) };
}

export async function createOrganisationAction(_previous: FormState<object>, formData: FormData): Promise<FormState<object>> {
  const viewer = await requireOperator(RETURN_TO);
  const parsed = parseForm(organisationSchema, formData);
  if (!parsed.ok) return parsed.state;
  let organisation: Organisation;
  try {
    organisation = await createOrganisation(db, actorOf(viewer), parsed.data, { ipAddress: await clientAddress() });
  } catch (error) {
    return refusal(error, submittedValues(formData));
  }
  revalidatePath(RETURN_TO);
  redirect(`${RETURN_TO}/${organisation.id}?info=creee`);
}

export async function updateOrganisationAction(_previous: FormState<object>, formData: FormData): Promise<FormState<object>> {
  const viewer = await requireOperator(RETURN_TO);
  const parsed = parseForm(organisationUpdateSchema, formData);
  if (!parsed.ok) {
    // A forged or missing id is no field of the form: say so above it.
    const idProblem = parsed.state.status === "error" ? parsed.state.fieldErrors.organisationId : undefined;
    return idProblem ? errorState("Cette organisation n'existe pas ou plus : revenez à la liste des organisations.", submittedValues(formData)) : parsed.state;
  }
  try {
    const { organisation, changes } = await updateOrganisation(db, actorOf(viewer), parsed.data.organisationId, parsed.data.input, {
      ipAddress: await clientAddress(),
    });
    const changed = Object.keys(changes).length;
    revalidatePath(RETURN_TO);
    revalidatePath(`${RETURN_TO}/${organisation.id}`);
    return {
      status: "success",
      message: changed ? "Les modifications de l'organisation sont enregistrées." : "Aucune modification à enregistrer : les valeurs sont identiques.",
      result: {},
      values: savedValues(organisation),
    };
  } catch (error) {
    return refusal(error, submittedValues(formData));
  }
}
