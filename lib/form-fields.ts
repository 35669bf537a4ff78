// zod building blocks of form fields, with their French messages.
import { z } from "zod";

export function requiredText(message: string, max: number) {
  return z
    .string({ error: message })
    .trim()
    .min(1, message)
    .max(max, `${max} caractères au plus.`);
}

/** An optional text: empty becomes null. */
export function optionalText(max: number) {
  return z
    .string()
    .trim()
    .max(max, `${max} caractères au plus.`)
    .optional()
    .transform((value) => value || null);
}

/**
 * The French wording of a problem a schema left without its own message (SEC-1, SEC-9): zod's
 * defaults are English and technical ("Too big: expected string to have <=500 characters").
 * Passed to every parse of what a person or a client sent (lib/forms.ts parseInput, the query
 * strings and the figures API); a message written in the schema always wins over it.
 */
export function frenchIssueMessage(issue: z.core.$ZodRawIssue): string {
  const origin = "origin" in issue ? issue.origin : undefined;
  switch (issue.code) {
    case "invalid_type":
      return issue.input === undefined || issue.input === null ? "Ce champ est obligatoire." : "Valeur non valide.";
    case "too_big":
      if (origin === "string") return `${issue.maximum} caractères au plus.`;
      if (origin === "array" || origin === "set") return `${issue.maximum} éléments au plus.`;
      return `La valeur doit être au plus ${issue.maximum}.`;
    case "too_small":
      if (origin === "string") return Number(issue.minimum) <= 1 ? "Ce champ est obligatoire." : `${issue.minimum} caractères au moins.`;
      if (origin === "array" || origin === "set") return Number(issue.minimum) <= 1 ? "Choisissez au moins un élément." : `Choisissez au moins ${issue.minimum} éléments.`;
      return `La valeur doit être au moins ${issue.minimum}.`;
    case "invalid_value":
      return "Choisissez une des valeurs proposées.";
    case "unrecognized_keys":
      return "Le formulaire contient des champs inconnus.";
    default:
      return "Valeur non valide.";
  }
}
