// Password rules PWD-1 to PWD-3. Pure: the server enforces them, the form shows them live as a checklist.
import { dictionary } from "@zxcvbn-ts/language-common";
import { foldText } from "./identifiers";

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

export const PASSWORD_PROBLEMS = [
  "too_short",
  "too_long",
  "no_digit",
  "no_lowercase",
  "no_uppercase",
  "contains_personal_info",
  "too_common",
] as const;

export type PasswordProblem = (typeof PASSWORD_PROBLEMS)[number];

export const PASSWORD_PROBLEM_LABELS: Record<PasswordProblem, string> = {
  too_short: `Au moins ${PASSWORD_MIN_LENGTH} caractères`,
  too_long: `Au plus ${PASSWORD_MAX_LENGTH} caractères`,
  no_digit: "Au moins un chiffre",
  no_lowercase: "Au moins une lettre minuscule",
  no_uppercase: "Au moins une lettre majuscule",
  contains_personal_info: "Ne contient ni votre prénom, ni votre nom, ni votre identifiant",
  too_common: "N'est pas un mot de passe trop courant",
};

export interface PasswordContext {
  firstName?: string;
  lastName?: string;
  identifier?: string;
  email?: string;
}

export interface PasswordCheck {
  ok: boolean;
  problems: PasswordProblem[];
}

const MIN_PERSONAL_WORD_LENGTH = 3;

// Beyond this length, a common password followed by digits or symbols is long enough to be accepted.
const MAX_LENGTH_FOR_SUFFIX_RULE = 12;

let commonPasswords: Set<string> | undefined;

// Built on first use: the list holds about 50,000 entries (all lower-case ASCII).
function isCommonPassword(candidate: string): boolean {
  commonPasswords ??= new Set(dictionary["passwords-common"]);
  return commonPasswords.has(candidate);
}

function codePointLength(text: string): number {
  return [...text].length;
}

/** PWD-2: words of 3 characters or more from the names, the identifier and the e-mail's local part. */
function personalWords(context: PasswordContext): string[] {
  const sources = [context.firstName, context.lastName, context.identifier, context.email?.split("@")[0]];
  return sources
    .flatMap((source) => (source ?? "").normalize("NFC").split(/[^\p{L}\p{M}\p{N}]+/u))
    .filter((word) => codePointLength(word) >= MIN_PERSONAL_WORD_LENGTH)
    .map(foldText);
}

function containsPersonalInfo(password: string, context: PasswordContext): boolean {
  const folded = foldText(password);
  return personalWords(context).some((word) => folded.includes(word));
}

/**
 * PWD-2, checked against the common-password list of @zxcvbn-ts/language-common (the French package has
 * words and names but no password list). A password is too common when, lower-cased:
 * - it is in the list ("Azerty123", "Password1"); or
 * - it has at most 12 code points and, once its trailing digits and symbols are stripped, it is in the
 *   list ("Motdepasse1", "Soleil2024!"): the usual way of dressing up a common word to pass PWD-1.
 */
function isTooCommon(password: string): boolean {
  const lower = password.toLowerCase();
  if (isCommonPassword(lower)) return true;
  if (codePointLength(password) > MAX_LENGTH_FOR_SUFFIX_RULE) return false;
  const stem = lower.replace(/[^\p{L}]+$/u, "");
  return stem !== "" && stem !== lower && isCommonPassword(stem);
}

/** PWD-3. Problems come in the order of PASSWORD_PROBLEMS. */
export function checkPassword(password: string, context: PasswordContext): PasswordCheck {
  const length = codePointLength(password);
  const failed: Record<PasswordProblem, boolean> = {
    too_short: length < PASSWORD_MIN_LENGTH,
    too_long: length > PASSWORD_MAX_LENGTH,
    no_digit: !/\p{Nd}/u.test(password),
    no_lowercase: !/\p{Ll}/u.test(password),
    no_uppercase: !/\p{Lu}/u.test(password),
    contains_personal_info: containsPersonalInfo(password, context),
    too_common: isTooCommon(password),
  };
  const problems = PASSWORD_PROBLEMS.filter((problem) => failed[problem]);
  return { ok: problems.length === 0, problems };
}
