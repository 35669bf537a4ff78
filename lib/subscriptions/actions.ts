"use server";

// Server actions of the subscriptions page (ADM-1). Each one checks the administrator first
// (SEC-1), takes the organisation from the session, parses its input with zod and answers
// the form in French.
import { revalidatePath } from "next/cache";
import { requireAdministrator } from "../auth/guards";
import { db } from "../db";
import { errorState, parseForm, submittedValues, type FormState, type FormValues } from "../forms";
import { clientAddress } from "../request-context";
import { formatDay } from "../calendar";
import { SubscriptionError } from "./errors";
import { endSubscription, subscribe } from "./manage-subscriptions";
import { endSubscriptionSchema, subscribeSchema } from "./schemas";

const RETURN_TO = "/administration/abonnements";
const FORM_HAS_ERRORS = "Le formulaire contient des erreurs : corrigez les champs signalés.";

function refusal(error: unknown, values: FormValues): FormState<never> {
  if (error instanceof SubscriptionError) {
    return error.field && error.field !== "eServiceId" && error.field !== "subscriptionId"
      ? errorState(FORM_HAS_ERRORS, values, { [error.field]: error.message })
      : errorState(error.message, values);
  }
  throw error;
}

/** A forged or missing id is no field of the form: say so above it. */
function idProblem(state: FormState<never>, field: string): FormState<never> {
  if (state.status !== "error") return state;
  const message = state.fieldErrors[field];
  return message ? errorState(message, state.values) : state;
}

export async function subscribeAction(_previous: FormState<object>, formData: FormData): Promise<FormState<object>> {
  const viewer = await requireAdministrator(RETURN_TO);
  const parsed = parseForm(subscribeSchema, formData);
  if (!parsed.ok) return idProblem(parsed.state, "eServiceId");
  try {
    const subscription = await subscribe(db, viewer, parsed.data, { ipAddress: await clientAddress() });
    revalidatePath(RETURN_TO);
    revalidatePath("/administration");
    return {
      status: "success",
      message: subscription.endDate
        ? `Abonnement enregistré du ${formatDay(subscription.startDate)} au ${formatDay(subscription.endDate)}.`
        : `Abonnement enregistré à partir du ${formatDay(subscription.startDate)}.`,
      result: { subscriptionId: subscription.id },
    };
  } catch (error) {
    return refusal(error, submittedValues(formData));
  }
}

export async function endSubscriptionAction(_previous: FormState<object>, formData: FormData): Promise<FormState<object>> {
  const viewer = await requireAdministrator(RETURN_TO);
  const parsed = parseForm(endSubscriptionSchema, formData);
  if (!parsed.ok) return idProblem(parsed.state, "subscriptionId");
  try {
    const subscription = await endSubscription(db, viewer, parsed.data, { ipAddress: await clientAddress() });
    revalidatePath(RETURN_TO);
    revalidatePath("/administration");
    return {
      status: "success",
      message: `L'abonnement prend fin le ${formatDay(subscription.endDate!)} au soir. Les permissions accordées sont conservées mais ne donnent plus accès à l'e-service après cette date.`,
      result: { subscriptionId: subscription.id },
    };
  } catch (error) {
    return refusal(error, submittedValues(formData));
  }
}
