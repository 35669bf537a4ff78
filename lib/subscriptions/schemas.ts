// The zod schemas of the subscription forms (ADM-1), shared by the forms and their actions.
import { z } from "zod";
import { isDayKey } from "../calendar";

/**
 * The label of an e-service's terms checkbox: it names the e-service, since several share the
 * subscriptions page (issue 16 item 9: five identical labels could not be told apart).
 */
export function termsLabel(eServiceName: string): string {
  return `J'accepte les conditions d'utilisation de l'e-service «\u00a0${eServiceName}\u00a0»`;
}

const optionalDay = (message: string) =>
  z
    .string({ error: message })
    .trim()
    .max(10, message)
    .optional()
    .transform((value) => value || null)
    .refine((value) => value === null || isDayKey(value), message);

export const subscribeSchema = z
  .object({
    eServiceId: z.uuid({ error: "Choisissez un e-service du catalogue." }),
    acceptTerms: z.literal("on", { error: "Acceptez les conditions d'utilisation de cet e-service pour vous y abonner." }),
    startDate: optionalDay("Indiquez une date de début valide (jj/mm/aaaa)."),
    endDate: optionalDay("Indiquez une date de fin valide (jj/mm/aaaa)."),
  })
  .refine((input) => !input.startDate || !input.endDate || input.endDate >= input.startDate, {
    path: ["endDate"],
    message: "La date de fin ne peut pas précéder la date de début.",
  });

export type SubscribeInput = z.output<typeof subscribeSchema>;

export const endSubscriptionSchema = z.object({
  subscriptionId: z.uuid({ error: "Cet abonnement est introuvable." }),
  endDate: optionalDay("Indiquez une date de fin valide (jj/mm/aaaa)."),
});

export type EndSubscriptionInput = z.output<typeof endSubscriptionSchema>;
