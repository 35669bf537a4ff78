// The zod schemas of the operator's organisation forms (ORG-3, ORG-4), shared by the form
// and its server actions. Every message is the French text shown next to its field.
import { z } from "zod";
import { optionalText, requiredText } from "../form-fields";
import type { OrganisationKind } from "../generated/prisma/enums";
import {
  ORGANISATION_KINDS,
  validateOrganisationCode,
  validateSiren,
  validateSiret,
} from "./organisation-codes";
import { postalCityLine } from "./postal-address";
import { guessTypeLiaison, TYPE_LIAISON_VALUES } from "../french/names";

export const ORGANISATION_FIELD_LABELS = {
  name: "Nom",
  typeLiaison: "Le nom dans une phrase",
  kind: "Type d'organisation",
  code: "Code organisation",
  siren: "SIREN",
  siret: "SIRET",
  postalCodes: "Codes postaux",
  legalRepresentativeTitle: "Titre du représentant légal",
  addressRecipient: "Destinataire (ligne 1 de l'adresse)",
  addressComplement: "Complément d'adresse",
  addressStreet: "Numéro et voie",
  addressPostalCode: "Code postal",
  addressCity: "Ville",
} as const;

export type OrganisationField = keyof typeof ORGANISATION_FIELD_LABELS;

/** Kinds whose organisation code is their SIREN. */
export const SIREN_CODED_KINDS: readonly OrganisationKind[] = ["EPCI", "COMPANY"];

export const MAX_POSTAL_CODES = 300;
const POSTAL_CODE = /^\d{5}$/;

/** "42000, 42100 42230" → ["42000", "42100", "42230"] (duplicates dropped, order kept), or why not. */
export function parsePostalCodes(raw: string): { ok: true; codes: string[] } | { ok: false; message: string } {
  const items = raw.split(/[\s,;]+/).filter(Boolean);
  const invalid = items.filter((item) => !POSTAL_CODE.test(item));
  if (invalid.length) {
    const shown = invalid.slice(0, 5).join(", ") + (invalid.length > 5 ? "…" : "");
    return {
      ok: false,
      message: `Codes postaux non valides : ${shown}. Chaque code postal compte 5 chiffres ; séparez-les par une virgule ou une espace.`,
    };
  }
  const codes = [...new Set(items)];
  if (codes.length > MAX_POSTAL_CODES) return { ok: false, message: `${MAX_POSTAL_CODES} codes postaux au plus.` };
  return { ok: true, codes };
}



const organisationFields = {
  name: requiredText("Indiquez le nom de l'organisation.", 150),
  // Empty: guessed from the name (lib/french/names.ts); the service receives a number.
  typeLiaison: z.union([z.string().max(2), z.number()]).optional(),
  kind: z.enum(ORGANISATION_KINDS, { error: "Choisissez le type d'organisation." }),
  code: z.string({ error: "Indiquez le code organisation." }).max(40, "Code organisation trop long : 40 caractères au plus."),
  siren: optionalText(30),
  siret: optionalText(40),
  postalCodes: z
    .string()
    .max(4_000, "Liste de codes postaux trop longue.")
    .optional()
    .transform((value) => value ?? ""),
  legalRepresentativeTitle: requiredText("Indiquez le titre du représentant légal, par exemple Maire ou Président.", 80),
  addressRecipient: optionalText(120),
  addressComplement: optionalText(120),
  addressStreet: optionalText(120),
  addressPostalCode: optionalText(10),
  addressCity: optionalText(80),
};

type RawOrganisation = z.output<z.ZodObject<typeof organisationFields>>;

export interface OrganisationInput {
  name: string;
  /** INSEE TNCC 0–8: how the name takes its article ("d'Annecy", "du Havre"; lib/french/names.ts). */
  typeLiaison: number;
  kind: OrganisationKind;
  /** Trimmed, upper-cased and valid for the kind (ORG-3). */
  code: string;
  siren: string | null;
  siret: string | null;
  postalCodes: string[];
  legalRepresentativeTitle: string;
  addressRecipient: string | null;
  addressComplement: string | null;
  addressStreet: string | null;
  addressPostalCode: string | null;
  /** In La Poste's capitals, without accents. */
  addressCity: string | null;
}

type Problem = { field: OrganisationField; message: string };

/**
 * The rules that span several fields, shared by the schema and the service (which never
 * trusts its caller): the code for the kind, SIREN and SIRET, postal codes, the address.
 * Returns the normalised input, or the problems found.
 */
export function checkOrganisation(raw: RawOrganisation): { ok: true; input: OrganisationInput } | { ok: false; problems: Problem[] } {
  const problems: Problem[] = [];
  const kind = raw.kind;

  let typeLiaison: number = guessTypeLiaison(raw.name ?? "");
  if (raw.typeLiaison !== undefined && raw.typeLiaison !== "") {
    const chosen = Number(raw.typeLiaison);
    if ((TYPE_LIAISON_VALUES as readonly number[]).includes(chosen)) typeLiaison = chosen;
    else problems.push({ field: "typeLiaison", message: "Choisissez comment le nom s'écrit dans une phrase." });
  }

  let code = "";
  if (ORGANISATION_KINDS.includes(kind) && typeof raw.code === "string") {
    const checked = validateOrganisationCode(kind, raw.code);
    if (checked.ok) code = checked.code;
    else problems.push({ field: "code", message: checked.message });
  }

  let siren: string | null = null;
  if (raw.siren) {
    const checked = validateSiren(raw.siren);
    if (checked.ok) siren = checked.value;
    else problems.push({ field: "siren", message: checked.message });
  }
  let siret: string | null = null;
  if (raw.siret) {
    const checked = validateSiret(raw.siret);
    if (checked.ok) siret = checked.value;
    else problems.push({ field: "siret", message: checked.message });
  }
  if (SIREN_CODED_KINDS.includes(kind) && code) {
    // The code of an EPCI or a company is its SIREN: one number, held once.
    if (siren && siren !== code) {
      problems.push({
        field: "siren",
        message: "Pour ce type d'organisation, le SIREN est le code organisation : indiquez le même numéro ou laissez ce champ vide.",
      });
    }
    siren = code;
  }
  if (siret && !siren && !problems.some((problem) => problem.field === "siren")) siren = siret.slice(0, 9);
  if (siret && siren && !siret.startsWith(siren)) {
    problems.push({ field: "siret", message: `Le SIRET doit commencer par le SIREN de l'organisation (${siren}).` });
  }

  let postalCodes: string[] = [];
  const parsedCodes = parsePostalCodes(raw.postalCodes ?? "");
  if (parsedCodes.ok) postalCodes = parsedCodes.codes;
  else problems.push({ field: "postalCodes", message: parsedCodes.message });

  // An address is all or nothing: a letter needs a recipient, a postal code and a city.
  const anyAddress = [raw.addressComplement, raw.addressStreet, raw.addressPostalCode, raw.addressCity].some(Boolean);
  if (anyAddress) {
    if (!raw.addressRecipient) {
      problems.push({ field: "addressRecipient", message: "Indiquez le destinataire des courriers, par exemple « Mairie de Saint-Étienne »." });
    }
    if (!raw.addressPostalCode) problems.push({ field: "addressPostalCode", message: "Indiquez le code postal de l'adresse." });
    if (!raw.addressCity) problems.push({ field: "addressCity", message: "Indiquez la ville de l'adresse." });
  }
  if (raw.addressPostalCode && !POSTAL_CODE.test(raw.addressPostalCode)) {
    problems.push({ field: "addressPostalCode", message: "Un code postal compte 5 chiffres, par exemple 42000." });
  }
  const addressCity = raw.addressCity ? postalCityLine(raw.addressCity) : null;
  if (raw.addressCity && !addressCity) problems.push({ field: "addressCity", message: "Indiquez la ville en lettres." });

  if (problems.length) return { ok: false, problems };
  return {
    ok: true,
    input: {
      name: raw.name,
      typeLiaison,
      kind,
      code,
      siren,
      siret,
      postalCodes,
      legalRepresentativeTitle: raw.legalRepresentativeTitle,
      addressRecipient: raw.addressRecipient,
      addressComplement: raw.addressComplement,
      addressStreet: raw.addressStreet,
      addressPostalCode: raw.addressPostalCode,
      addressCity,
    },
  };
}

function refineOrganisation(raw: RawOrganisation, ctx: z.RefinementCtx) {
  const checked = checkOrganisation(raw);
  if (!checked.ok) {
    for (const problem of checked.problems) ctx.addIssue({ code: "custom", path: [problem.field], message: problem.message });
  }
}

function normalised(raw: RawOrganisation): OrganisationInput {
  const checked = checkOrganisation(raw);
  // Unreachable: the refinement above has already refused any problem.
  if (!checked.ok) throw new Error("organisation input checked twice with different results");
  return checked.input;
}

/** The creation form. */
export const organisationSchema = z.object(organisationFields).superRefine(refineOrganisation).transform(normalised);

/** The edit form: the same fields and the organisation's id. */
export const organisationUpdateSchema = z
  .object({ ...organisationFields, organisationId: z.uuid({ error: "Organisation introuvable." }) })
  .superRefine(refineOrganisation)
  .transform((raw) => ({ organisationId: raw.organisationId, input: normalised(raw) }));
