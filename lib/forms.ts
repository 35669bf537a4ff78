// Form handling shared by every server action: parse FormData with the form's zod schema
// and, on error, return one French message per field plus the values typed, so that the
// form shows each message next to its field and keeps what was typed (ACC-1).
import type { z } from "zod";
import { FORBIDDEN_CHARACTERS_MESSAGE, isAllowedText, isMultiline } from "./security/input-text";

export type FieldErrors = Record<string, string>;
export type FormValues = Record<string, string>;

export type FormState<Result = undefined> =
  | { status: "idle" }
  | { status: "error"; message?: string; fieldErrors: FieldErrors; values: FormValues }
  | { status: "success"; message?: string; result: Result; values?: FormValues };

export const IDLE: FormState<never> = { status: "idle" };

/** The submitted values as text (files and passwords left out: they are never echoed back). */
export function submittedValues(formData: FormData, secretFields: string[] = []): FormValues {
  const values: FormValues = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value !== "string" || key.startsWith("$") || secretFields.includes(key)) continue;
    values[key] = value.slice(0, 1_000);
  }
  return values;
}

export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    errors[field] ??= issue.message;
  }
  return errors;
}

export type ParseResult<T> = { ok: true; data: T } | { ok: false; state: FormState<never> };

export function parseForm<S extends z.ZodType>(
  schema: S,
  formData: FormData,
  secretFields: string[] = [],
): ParseResult<z.output<S>> {
  const raw: Record<string, unknown> = {};
  for (const [key, value] of formData.entries()) {
    if (key.startsWith("$")) continue;
    raw[key] = value;
  }
  // SEC-9: refused characters are refused before the schema sees them, in every field, so
  // that none reaches a service or the database (PostgreSQL fails on NUL).
  const refused = refusedCharacterErrors(schema, formData);
  if (refused) return { ok: false, state: invalidState(refused, formData, secretFields) };
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, data: parsed.data };
  return { ok: false, state: invalidState(fieldErrorsOf(parsed.error), formData, secretFields) };
}

function invalidState(fieldErrors: FieldErrors, formData: FormData, secretFields: string[]): FormState<never> {
  return {
    status: "error",
    message: "Le formulaire contient des erreurs : corrigez les champs signalés.",
    fieldErrors,
    values: submittedValues(formData, secretFields),
  };
}

/** The schema of each field, when the form's schema is an object (possibly refined or piped). */
function fieldSchemas(schema: z.ZodType): Record<string, unknown> {
  let current: unknown = schema;
  for (let depth = 0; depth < 5 && current && typeof current === "object"; depth += 1) {
    const shape = (current as { shape?: unknown }).shape;
    if (shape && typeof shape === "object") return shape as Record<string, unknown>;
    current = (current as { in?: unknown }).in;
  }
  return {};
}

/** One French message per field holding a refused character (SEC-9), or null when none does. */
export function refusedCharacterErrors(schema: z.ZodType, formData: FormData): FieldErrors | null {
  const shape = fieldSchemas(schema);
  let errors: FieldErrors | null = null;
  for (const [key, value] of formData.entries()) {
    if (key.startsWith("$") || typeof value !== "string") continue;
    if (!isAllowedText(value, { multiline: isMultiline(shape[key]) })) {
      errors ??= {};
      errors[key] ??= FORBIDDEN_CHARACTERS_MESSAGE;
    }
  }
  return errors;
}

export function errorState(message: string, values: FormValues = {}, fieldErrors: FieldErrors = {}): FormState<never> {
  return { status: "error", message, fieldErrors, values };
}
