// SEC-9: the one rule on characters that text typed or sent to the portal may contain.
// PostgreSQL refuses NUL in text (the query fails, the page answered 500), and the other
// control characters and the Unicode bidirectional overrides/isolates have no place in names,
// identifiers or messages: invisible, they make a name or an address read differently from
// what is stored (e.g. "‮lmth.exe" shown as "exe.html"). Tab and line breaks are allowed
// only in multi-line text (a message, a description), which a schema marks with
// `multiline()`. Every form field goes through this rule in parseForm (lib/forms.ts); query
// strings, API bodies and CSV files call it where they are read.
import type { z } from "zod";

export const FORBIDDEN_CHARACTERS_MESSAGE = "Ce champ contient des caractères non autorisés (caractères de contrôle ou de mise en forme invisibles) : retapez-le sans copier-coller.";

// C0 controls, DEL and C1 controls; then the bidi embeddings/overrides (U+202A–U+202E) and
// isolates (U+2066–U+2069).
const SINGLE_LINE = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;
// The same without tab (U+0009), line feed (U+000A) and carriage return (U+000D: browsers
// send a textarea's line breaks as CRLF).
const MULTI_LINE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

export interface TextRuleOptions {
  /** Multi-line text: tab and line breaks are allowed. */
  multiline?: boolean;
}

/** True when the text holds none of the characters the portal refuses. */
export function isAllowedText(value: string, options: TextRuleOptions = {}): boolean {
  return !(options.multiline ? MULTI_LINE : SINGLE_LINE).test(value);
}

/** Schemas of multi-line fields, registered by `multiline()` and read by parseForm. */
const multilineSchemas = new WeakSet<object>();

/** Marks a form field's schema as multi-line text: parseForm then lets tab and line breaks through. */
export function multiline<S extends z.ZodType>(schema: S): S {
  multilineSchemas.add(schema);
  return schema;
}

export function isMultiline(schema: unknown): boolean {
  return typeof schema === "object" && schema !== null && multilineSchemas.has(schema);
}

/**
 * A query-string value as the page or route may use it: the first value when repeated, and
 * `undefined` when absent or when it holds a refused character (a query string is typed in an
 * address bar or built by our own links: such a value is not a search anybody meant).
 */
export function queryText(value: string | string[] | null | undefined): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  if (typeof first !== "string") return undefined;
  return isAllowedText(first) ? first : undefined;
}

/** True when the bytes contain a NUL (0x00): no text file does. */
export function containsNul(bytes: Uint8Array): boolean {
  return bytes.includes(0);
}
