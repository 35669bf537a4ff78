// The invitation form (DEP-3), shared by the form and its action. What the CSV import checks
// for a row (validatePerson, lib/imports/rows.ts) is checked again by the service, so that a
// person invited and a person imported are held to the same rules.
import { z } from "zod";
import { emailField, NAME_MAX } from "../accounts/schemas";
import { isDayKey } from "../calendar";
import { requiredText } from "../form-fields";

export const inviteSchema = z.object({
  civility: z.enum(["MADAME", "MONSIEUR"], { error: "Indiquez la civilité de la personne." }),
  firstName: requiredText("Indiquez le prénom de la personne.", NAME_MAX),
  lastName: requiredText("Indiquez le nom de la personne.", NAME_MAX),
  email: z
    .string({ error: "Indiquez l'adresse électronique de la personne." })
    .trim()
    .min(1, "Indiquez l'adresse électronique de la personne.")
    .pipe(emailField),
  eServiceIds: z.array(z.uuid({ error: "Choisissez parmi les e-services proposés." })).max(100).default([]),
  openingDate: z
    .string()
    .trim()
    .refine((value) => value === "" || isDayKey(value), "Indiquez une date valide, au format JJ/MM/AAAA.")
    .optional()
    .transform((value) => value || null),
});

export type InviteInput = z.output<typeof inviteSchema>;

export const invitationTargetSchema = z.object({
  accountId: z.uuid({ error: "Invitation inconnue." }),
});

export const withdrawSchema = invitationTargetSchema.extend({
  confirm: z.literal("oui", { error: "Confirmez le retrait de l'invitation." }),
});

/** The form's repeated field (one checkbox per e-service) read as an array. */
export function inviteFormInput(formData: FormData): Record<string, unknown> {
  const raw: Record<string, unknown> = {};
  for (const [key, value] of formData.entries()) if (!key.startsWith("$") && key !== "eServiceIds") raw[key] = value;
  raw.eServiceIds = formData.getAll("eServiceIds");
  return raw;
}
