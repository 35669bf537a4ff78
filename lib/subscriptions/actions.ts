"use server";

// Server actions of the subscriptions page (ADM-1): the administrator's organisation comes
// from the session; the service checks every id against it.
import { defineAction } from "../actions/define-action";
import { db } from "../db";
import type { FormState } from "../forms";
import { formatDay } from "../calendar";
import { endSubscription, subscribe } from "./manage-subscriptions";
import { endSubscriptionSchema, subscribeSchema } from "./schemas";

const RETURN_TO = "/administration/abonnements";
const CHANGED = [RETURN_TO, "/administration"];

export const subscribeAction = defineAction({
  guard: "administrator",
  returnTo: RETURN_TO,
  schema: subscribeSchema,
  // The e-service is the row's hidden id: its problem is said above the form.
  hiddenFields: { eServiceId: true },
  run: (input, { actor, context }) => subscribe(db, actor, input, context),
  revalidate: CHANGED,
  answer: (subscription): FormState<object> => ({
    status: "success",
    message: subscription.endDate
      ? `Abonnement enregistré du ${formatDay(subscription.startDate)} au ${formatDay(subscription.endDate)}.`
      : `Abonnement enregistré à partir du ${formatDay(subscription.startDate)}.`,
    result: { subscriptionId: subscription.id },
  }),
});

export const endSubscriptionAction = defineAction({
  guard: "administrator",
  returnTo: RETURN_TO,
  schema: endSubscriptionSchema,
  hiddenFields: { subscriptionId: true },
  run: (input, { actor, context }) => endSubscription(db, actor, input, context),
  revalidate: CHANGED,
  answer: (subscription): FormState<object> => ({
    status: "success",
    message: `L'abonnement prend fin le ${formatDay(subscription.endDate!)} au soir. Les permissions accordées sont conservées mais ne donnent plus accès à l'e-service après cette date.`,
    result: { subscriptionId: subscription.id },
  }),
});
