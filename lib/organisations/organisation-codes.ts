// Organisation codes (ORG-3) and the French company numbers (SIREN, SIRET): pure rules,
// shared by the operator's form, its action and the service. Input is trimmed and
// upper-cased before any check; a refusal always states the expected format.
import type { OrganisationKind } from "../generated/prisma/enums";

export type CodeCheck = { ok: true; code: string } | { ok: false; message: string };
export type NumberCheck = { ok: true; value: string } | { ok: false; message: string };

export const ORGANISATION_KINDS = [
  "COMMUNE",
  "EPCI",
  "ASSOCIATION",
  "PUBLIC_BODY",
  "COMPANY",
  "OTHER",
] as const satisfies readonly OrganisationKind[];

export const KIND_LABELS: Record<OrganisationKind, string> = {
  COMMUNE: "Commune",
  EPCI: "Intercommunalité (EPCI)",
  ASSOCIATION: "Association",
  PUBLIC_BODY: "Organisme public",
  COMPANY: "Entreprise",
  OTHER: "Autre",
};

/** The Luhn checksum that SIREN and SIRET numbers carry in their last digit. */
export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let index = 0; index < digits.length; index++) {
    let digit = Number(digits[digits.length - 1 - index]);
    if (index % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** Spaces, dots and hyphens people use to group the digits of a SIREN or SIRET. */
function compactNumber(raw: string): string {
  return raw.trim().replace(/[\s.-]/g, "");
}

const SIREN_FORMAT = "9 chiffres, par exemple 242500361";
const SIRET_FORMAT = "14 chiffres : le SIREN suivi des 5 chiffres de l'établissement, par exemple 24250036100017";

export function validateSiren(raw: string): NumberCheck {
  const value = compactNumber(raw);
  if (!/^\d{9}$/.test(value)) return { ok: false, message: `Un numéro SIREN compte ${SIREN_FORMAT}.` };
  if (!luhnValid(value)) {
    return { ok: false, message: `Ce numéro SIREN n'existe pas : son chiffre de contrôle est faux. Vérifiez les 9 chiffres (${SIREN_FORMAT}).` };
  }
  return { ok: true, value };
}

// La Poste's establishments share one SIREN and do not follow the Luhn key: the sum of
// their SIRET's digits is a multiple of 5 instead (INSEE's documented exception).
const LA_POSTE_SIREN = "356000000";

export function validateSiret(raw: string): NumberCheck {
  const value = compactNumber(raw);
  if (!/^\d{14}$/.test(value)) return { ok: false, message: `Un numéro SIRET compte ${SIRET_FORMAT}.` };
  const valid = value.startsWith(LA_POSTE_SIREN)
    ? [...value].reduce((sum, digit) => sum + Number(digit), 0) % 5 === 0
    : luhnValid(value) && luhnValid(value.slice(0, 9));
  if (!valid) {
    return { ok: false, message: `Ce numéro SIRET n'existe pas : un chiffre de contrôle est faux. Vérifiez les 14 chiffres (${SIRET_FORMAT}).` };
  }
  return { ok: true, value };
}

interface CodeFormat {
  /** What the code is and how it is written: shown as the field's hint and in every refusal. */
  description: string;
  pattern: RegExp;
  /** Extra check once the pattern matches (a checksum): a refusal message, or null. */
  check?: (code: string) => string | null;
}

const sirenChecksum = (code: string) =>
  luhnValid(code) ? null : "Ce numéro SIREN n'existe pas : son chiffre de contrôle est faux. Vérifiez les 9 chiffres.";

export const CODE_FORMATS: Record<OrganisationKind, CodeFormat> = {
  // Communes déléguées and associées share their commune nouvelle's INSEE code: the
  // directory tells them apart with a final D or A (prisma/seed/directory.ts).
  COMMUNE: {
    description:
      "le code INSEE de la commune, soit 5 caractères (2 chiffres, ou 2A, 2B en Corse, puis 3 chiffres), par exemple 42218 ou 2A004 ; une commune déléguée ou associée y ajoute D ou A, par exemple 01015D",
    pattern: /^(?:\d{2}|2[AB])\d{3}[DA]?$/,
  },
  EPCI: {
    description: "le numéro SIREN de l'intercommunalité, soit 9 chiffres, par exemple 242500361",
    pattern: /^\d{9}$/,
    check: sirenChecksum,
  },
  ASSOCIATION: {
    description: "le numéro RNA de l'association, soit la lettre W suivie de 9 chiffres, par exemple W123456789",
    pattern: /^W\d{9}$/,
  },
  PUBLIC_BODY: {
    description: "6 chiffres suivis des lettres RH, par exemple 123456RH",
    pattern: /^\d{6}RH$/,
  },
  COMPANY: {
    description: "le numéro SIREN de l'entreprise, soit 9 chiffres, par exemple 552100554",
    pattern: /^\d{9}$/,
    check: sirenChecksum,
  },
  OTHER: {
    description: "de 3 à 20 caractères (lettres sans accent, chiffres ou traits d'union), par exemple ORG-2026",
    pattern: /^[A-Z0-9-]{3,20}$/,
  },
};

/** The form's hint for the code of one kind of organisation. */
export function codeHint(kind: OrganisationKind): string {
  const { description } = CODE_FORMATS[kind];
  return `Attendu : ${description}.`;
}

/** ORG-3: the code of an organisation of this kind, trimmed and upper-cased, or why not. */
export function validateOrganisationCode(kind: OrganisationKind, rawCode: string): CodeCheck {
  const format = CODE_FORMATS[kind];
  if (!format) return { ok: false, message: "Choisissez d'abord le type d'organisation." };
  const expected = `Le code attendu est ${format.description}.`;
  const code = rawCode.trim().toUpperCase();
  if (!code) return { ok: false, message: `Indiquez le code organisation. ${expected}` };
  if (!format.pattern.test(code)) return { ok: false, message: `Code organisation non valide. ${expected}` };
  const problem = format.check?.(code);
  if (problem) return { ok: false, message: `${problem} ${expected}` };
  return { ok: true, code };
}

/** The INSEE code of a commune's organisation code (without the D/A suffix), or null. */
export function inseeCodeOf(kind: OrganisationKind, code: string): string | null {
  return kind === "COMMUNE" ? code.slice(0, 5) : null;
}

/** The department of an INSEE code: 3 characters overseas (971…), 2 elsewhere (2A, 42…). */
export function departmentOfInsee(inseeCode: string): string {
  return /^9[78]/.test(inseeCode) ? inseeCode.slice(0, 3) : inseeCode.slice(0, 2);
}
