// Identifier rule ID-1. Pure: used by the server (registration) and by the form (live preview, ID-2).

export const IDENTIFIER_MAX_LENGTH = 20;

// Bounds the search for a free identifier so a broken isTaken (always true) cannot loop forever.
const MAX_ATTEMPTS = 10_000;

export type IdentifierField = "firstName" | "lastName";

const EMPTY_NAME_MESSAGES: Record<IdentifierField, string> = {
  firstName: "Le prénom doit contenir au moins une lettre ou un chiffre.",
  lastName: "Le nom doit contenir au moins une lettre ou un chiffre.",
};

export class IdentifierError extends Error {
  readonly field: IdentifierField;

  constructor(field: IdentifierField) {
    super(EMPTY_NAME_MESSAGES[field]);
    this.name = "IdentifierError";
    this.field = field;
  }
}

const LIGATURES: Record<string, string> = { "œ": "oe", "æ": "ae", "ß": "ss" };

/**
 * Accent- and case-folding shared with the password policy (PWD-2).
 * Lower-casing happens before the marks are dropped because lower-casing "İ" yields "i" + a combining dot.
 */
export function foldText(text: string): string {
  return text
    .normalize("NFD")
    .toLowerCase()
    .replace(/[œæß]/g, (ligature) => LIGATURES[ligature])
    .replace(/\p{M}/gu, "");
}

/** Steps 1–2 of ID-1 for one name: "Jean-Zoë  d'Arc" → "jean-zoe-d-arc"; "" when nothing is usable. */
export function normalizeNamePart(name: string): string {
  return foldText(name)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

function cut(base: string, maxLength: number): string {
  return base.slice(0, maxLength).replace(/-+$/, "");
}

/** Candidate number `attempt`: the base itself first, then base (cut shorter if needed) + 2, 3, … */
function candidate(base: string, attempt: number): string {
  if (attempt === 1) return base;
  const suffix = String(attempt);
  return cut(base, IDENTIFIER_MAX_LENGTH - suffix.length) + suffix;
}

/** Steps 1–3 of ID-1: the identifier before any collision suffix. */
function identifierBase(firstName: string, lastName: string): string {
  const first = normalizeNamePart(firstName);
  if (!first) throw new IdentifierError("firstName");
  const last = normalizeNamePart(lastName);
  if (!last) throw new IdentifierError("lastName");
  return cut(`${first}-${last}`, IDENTIFIER_MAX_LENGTH);
}

function tooManyAttempts(base: string): Error {
  return new Error(`Aucun identifiant libre trouvé pour « ${base} » après ${MAX_ATTEMPTS} essais.`);
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as PromiseLike<unknown> | null)?.then === "function";
}

function isAsyncFunction(fn: unknown): boolean {
  return Object.prototype.toString.call(fn) === "[object AsyncFunction]";
}

async function continueAsync(
  base: string,
  isTaken: (candidate: string) => boolean | Promise<boolean>,
  attempt: number,
  pending: PromiseLike<boolean>,
): Promise<string> {
  if (!(await pending)) return candidate(base, attempt);
  for (let next = attempt + 1; next <= MAX_ATTEMPTS; next++) {
    const identifier = candidate(base, next);
    if (!(await isTaken(identifier))) return identifier;
  }
  throw tooManyAttempts(base);
}

/**
 * ID-1. Stays synchronous as long as isTaken answers synchronously (the form previews with `() => false`);
 * from the first Promise answer on, the search continues asynchronously and a Promise is returned.
 *
 * Unusable names are reported before isTaken is ever called, so whether to throw or reject cannot be
 * learnt from its answers: an `async function` isTaken gets a rejected Promise, any other isTaken a
 * synchronous throw. `await` inside try/catch handles both.
 */
export function buildIdentifier(firstName: string, lastName: string, isTaken: (candidate: string) => boolean): string;
export function buildIdentifier(
  firstName: string,
  lastName: string,
  isTaken: (candidate: string) => Promise<boolean>,
): Promise<string>;
export function buildIdentifier(
  firstName: string,
  lastName: string,
  isTaken: (candidate: string) => boolean | Promise<boolean>,
): string | Promise<string>;
export function buildIdentifier(
  firstName: string,
  lastName: string,
  isTaken: (candidate: string) => boolean | Promise<boolean>,
): string | Promise<string> {
  let base: string;
  try {
    base = identifierBase(firstName, lastName);
  } catch (error) {
    if (isAsyncFunction(isTaken)) return Promise.reject(error);
    throw error;
  }
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const identifier = candidate(base, attempt);
    const taken = isTaken(identifier);
    if (isPromiseLike(taken)) return continueAsync(base, isTaken, attempt, taken);
    if (!taken) return identifier;
  }
  throw tooManyAttempts(base);
}
