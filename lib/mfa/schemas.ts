// The forms of the second factors (MFA), shared by the forms and their actions.
import { z } from "zod";
import { passwordField } from "../accounts/schemas";

const currentPassword = passwordField("Indiquez votre mot de passe actuel.");
/** A browser's WebAuthn answer, as JSON text (the library checks its content). */
const browserAnswer = z.string().max(20_000);

export const secondStepSchema = z
  .object({
    code: z.string().trim().max(40, "Ce code est trop long.").optional(),
    passkey: browserAnswer.optional(),
    callbackUrl: z.string().max(500).optional(),
  })
  .refine((input) => Boolean(input.code || input.passkey), { message: "Saisissez le code de vérification.", path: ["code"] });

export const currentPasswordSchema = z.object({ currentPassword });

export const totpCodeSchema = z.object({
  code: z
    .string({ error: "Saisissez le code à 6 chiffres affiché par votre application." })
    .trim()
    .regex(/^\d{3}\s?\d{3}$/, "Saisissez le code à 6 chiffres affiché par votre application."),
});

const passkeyName = z
  .string({ error: "Donnez un nom à cette clé d'accès." })
  .trim()
  .min(1, "Donnez un nom à cette clé d'accès, par exemple « Ordinateur du bureau ».")
  .max(60, "60 caractères au plus.");

export const startPasskeySchema = z.object({ currentPassword, name: passkeyName });

export const finishPasskeySchema = z.object({ name: passkeyName, response: browserAnswer.min(1, "La clé d'accès n'a pas répondu : recommencez.") });

export const removePasskeySchema = z.object({ passkeyId: z.uuid("Cette clé d'accès n'existe pas."), currentPassword });

export const organisationMfaSchema = z.object({ required: z.enum(["oui", "non"], { error: "Choisissez une réponse." }) });

export const resetSecondFactorSchema = z.object({
  ticketId: z.uuid(),
  accountId: z.uuid("Choisissez le compte."),
  note: z
    .string({ error: "Décrivez la vérification faite." })
    .trim()
    .min(10, "Décrivez la vérification faite (10 caractères au moins) : comment l'identité de la personne a été confirmée.")
    .max(1_000, "1 000 caractères au plus."),
});
