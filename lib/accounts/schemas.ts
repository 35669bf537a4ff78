// The zod schemas of the account forms, shared by the forms and their server actions.
// Every message is the French text shown next to its field.
import { z } from "zod";
import { optionalText, requiredText } from "../form-fields";

export const NAME_MAX = 60;
export const EMAIL_MAX = 254;



export const emailField = z
  .string({ error: "Indiquez votre adresse électronique." })
  .trim()
  .min(1, "Indiquez votre adresse électronique.")
  .max(EMAIL_MAX, `${EMAIL_MAX} caractères au plus.`)
  .pipe(z.email({ error: "Indiquez une adresse électronique valide, par exemple prenom.nom@mairie.fr." }))
  .transform((email) => email.toLowerCase());

const PHONE = /^(?:(?:\+|00)33[\s.-]?[1-9]|0[1-9])(?:[\s.-]?\d{2}){4}$/;

export const phoneField = z
  .string()
  .trim()
  .max(25, "Numéro trop long.")
  .refine((phone) => phone === "" || PHONE.test(phone), "Indiquez un numéro à 10 chiffres, par exemple 01 23 45 67 89.")
  .optional()
  .transform((phone) => (phone ? phone.replace(/[\s.-]/g, "").replace(/^(?:\+|00)33/, "0") : null));

export const civilityField = z.enum(["MADAME", "MONSIEUR"], { error: "Indiquez votre civilité." });

export const CIVILITY_LABELS = { MADAME: "Madame", MONSIEUR: "Monsieur" } as const;

/** How each role is named to people (Mon espace, the account switcher). */
export const ROLE_LABELS = { USER: "Utilisateur", ADMINISTRATOR: "Administrateur", OPERATOR: "Opérateur du portail" } as const;

/** Passwords travel untrimmed (ACC-5); the policy itself is checked by checkPassword. */
export const passwordField = (message = "Choisissez un mot de passe.") =>
  z.string({ error: message }).min(1, message).max(1_024, "Mot de passe trop long.");

export const profileFields = {
  civility: civilityField,
  firstName: requiredText("Indiquez votre prénom.", NAME_MAX),
  lastName: requiredText("Indiquez votre nom.", NAME_MAX),
  phone: phoneField,
  jobTitle: optionalText(100),
};

export const registrationSchema = z
  .object({
    organisationId: z.uuid({ error: "Choisissez votre organisation dans la liste proposée." }),
    ...profileFields,
    email: emailField,
    password: passwordField(),
    passwordConfirmation: z.string({ error: "Confirmez le mot de passe." }).min(1, "Confirmez le mot de passe."),
    requestedRole: z.enum(["USER", "ADMINISTRATOR"], {
      error: "Indiquez si vous vous inscrivez en tant qu'utilisateur ou administrateur.",
    }),
    acceptTerms: z.literal("on", { error: "Acceptez les conditions générales d'utilisation pour vous inscrire." }),
  })
  .refine((data) => data.password === data.passwordConfirmation, {
    path: ["passwordConfirmation"],
    error: "Les deux mots de passe ne correspondent pas.",
  });

export type RegistrationInput = z.output<typeof registrationSchema>;

export const loginSchema = z.object({
  identifier: z
    .string({ error: "Indiquez votre identifiant." })
    .trim()
    .toLowerCase()
    .min(1, "Indiquez votre identifiant.")
    .max(100, "Identifiant trop long."),
  password: passwordField("Indiquez votre mot de passe."),
  // A hidden field: a return path too long to be ours is dropped (the login goes to /espace), not a form error.
  callbackUrl: z.string().max(500).optional().catch(undefined),
});

export const identifierOrEmailSchema = z.object({
  login: z
    .string({ error: "Indiquez votre identifiant ou votre adresse électronique." })
    .trim()
    .toLowerCase()
    .min(1, "Indiquez votre identifiant ou votre adresse électronique.")
    .max(EMAIL_MAX, `${EMAIL_MAX} caractères au plus.`),
});

export const emailOnlySchema = z.object({ email: emailField });

export const newPasswordSchema = z
  .object({
    password: passwordField("Choisissez un nouveau mot de passe."),
    passwordConfirmation: z.string({ error: "Confirmez le mot de passe." }).min(1, "Confirmez le mot de passe."),
  })
  .refine((data) => data.password === data.passwordConfirmation, {
    path: ["passwordConfirmation"],
    error: "Les deux mots de passe ne correspondent pas.",
  });

export const passwordChangeSchema = z
  .object({
    currentPassword: passwordField("Indiquez votre mot de passe actuel."),
    password: passwordField("Choisissez un nouveau mot de passe."),
    passwordConfirmation: z.string({ error: "Confirmez le mot de passe." }).min(1, "Confirmez le mot de passe."),
  })
  .refine((data) => data.password === data.passwordConfirmation, {
    path: ["passwordConfirmation"],
    error: "Les deux mots de passe ne correspondent pas.",
  });

export const profileSchema = z.object(profileFields);

export const emailChangeSchema = z.object({
  email: emailField,
  currentPassword: passwordField("Indiquez votre mot de passe actuel."),
});

export const closeAccountSchema = z.object({
  currentPassword: passwordField("Indiquez votre mot de passe actuel."),
  confirmClose: z.literal("on", { error: "Cochez la case pour confirmer la fermeture de votre compte." }),
});
