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
