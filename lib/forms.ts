// Form handling shared by every server action: parse FormData with the form's zod schema
// and, on error, return one French message per field plus the values typed, so that the
// form shows each message next to its field and keeps what was typed (ACC-1).
import type { z } from "zod";
import { frenchIssueMessage } from "./form-fields";
import { FORBIDDEN_CHARACTERS_MESSAGE, isAllowedText, isMultiline } from "./security/input-text";

export type FieldErrors = Record<string, string>;
export type FormValues = Record<string, string>;

export type FormState<Result = undefined> =
  | { status: "idle" }
  | { status: "error"; message?: string; fieldErrors: FieldErrors; values: FormValues }
  | { status: "success"; message?: string; result: Result; values?: FormValues };

export const IDLE: FormState<never> = { status: "idle" };

/** The submitted values as text (files and passwords left out: they are never echoed back). */
export function submittedValues(formData: FormData, secretFields: readonly string[] = []): FormValues {
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

export const FORM_HAS_ERRORS = "Le formulaire contient des erreurs : corrigez les champs signalés.";

/** The fields of a submission, files included ("$"-prefixed fields are React's own). */
export function formInput(formData: FormData): Record<string, unknown> {
  const raw: Record<string, unknown> = {};
  for (const [key, value] of formData.entries()) {
    if (key.startsWith("$")) continue;
    raw[key] = value;
  }
  return raw;
}

/** Validates already-read input with the form's schema; `values` are echoed back on error. */
export function parseInput<S extends z.ZodType>(schema: S, raw: Record<string, unknown>, values: FormValues): ParseResult<z.output<S>> {
  // SEC-9: refused characters are refused before the schema sees them, in every field, so
  // that none reaches a service or the database (PostgreSQL fails on NUL).
  const refused = refusedCharacterErrors(schema, raw);
  if (refused) return { ok: false, state: { status: "error", message: FORM_HAS_ERRORS, fieldErrors: refused, values } };
  const parsed = schema.safeParse(raw, { error: frenchIssueMessage });
  if (parsed.success) return { ok: true, data: parsed.data };
  return {
    ok: false,
    state: { status: "error", message: FORM_HAS_ERRORS, fieldErrors: fieldErrorsOf(parsed.error), values },
  };
}

export function parseForm<S extends z.ZodType>(
  schema: S,
  formData: FormData,
  secretFields: readonly string[] = [],
): ParseResult<z.output<S>> {
  return parseInput(schema, formInput(formData), submittedValues(formData, secretFields));
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
export function refusedCharacterErrors(schema: z.ZodType, raw: Record<string, unknown> | FormData): FieldErrors | null {
  const shape = fieldSchemas(schema);
  const entries: [string, unknown][] = raw instanceof FormData ? [...raw.entries()] : Object.entries(raw);
  let errors: FieldErrors | null = null;
  for (const [key, field] of entries) {
    if (key.startsWith("$")) continue;
    for (const value of Array.isArray(field) ? field : [field]) {
      if (typeof value !== "string" || isAllowedText(value, { multiline: isMultiline(shape[key]) })) continue;
      errors ??= {};
      errors[key] ??= FORBIDDEN_CHARACTERS_MESSAGE;
    }
  }
  return errors;
}

export function errorState(message: string, values: FormValues = {}, fieldErrors: FieldErrors = {}): FormState<never> {
  return { status: "error", message, fieldErrors, values };
}
