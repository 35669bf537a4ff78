// The zod schemas of the assistance forms (HELP-2), shared by the forms and their actions.
import { z } from "zod";
import { emailField } from "../accounts/schemas";
import { optionalText, requiredText } from "../form-fields";
import { multiline } from "../security/input-text";
import { TICKET_CATEGORIES } from "./categories";

export const MESSAGE_MAX = 5_000;

export const ticketRequestSchema = z.object({
  category: z.enum(TICKET_CATEGORIES, { error: "Choisissez la catégorie de votre demande." }),
  organisationId: z
    .string()
    .trim()
    .optional()
    .transform((value) => value || null)
    .pipe(z.uuid({ error: "Choisissez l'organisation dans la liste proposée." }).nullable()),
  /** What the person typed in the organisation field, kept when nothing was chosen in the list. */
  organisationLabel: optionalText(200),
  stepsTried: multiline(optionalText(2_000)),
  message: multiline(requiredText("Décrivez votre problème.", MESSAGE_MAX)),
  contactEmail: emailField,
  // DASH-5 context, re-validated by the service against the catalogue. Hidden fields: a value
  // that cannot be one of ours is dropped (the ticket goes without context), not a form error.
  tableau: z.string().max(100).optional().catch(undefined),
  periode: z.string().max(10).optional().catch(undefined),
});

export type TicketRequestInput = z.output<typeof ticketRequestSchema>;

export const ticketMessageSchema = z.object({
  body: multiline(requiredText("Écrivez votre message.", MESSAGE_MAX)),
});

export const ticketIdSchema = z.uuid({ error: "Demande inconnue." });

export const reactivationSchema = z.object({
  ticketId: ticketIdSchema,
  accountId: z.uuid({ error: "Compte inconnu." }),
  note: requiredText("Indiquez ce qui justifie la réactivation : la note est conservée au journal.", 500),
});
