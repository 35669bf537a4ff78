// The recipient block of the letter to the legal representative (LR-2, ORG-4), laid out the
// French way (norme AFNOR NF Z10-011, La Poste's recommendations): at most 6 lines of at most
// 38 characters, the last one being "CODE POSTAL LOCALITÉ" in capitals without accents.
// Pure: no I/O. The address always comes from the directory, never from the requester.
//
// Decisions:
// - Line 1 names the function, not the person (the directory does not know who holds it), in
//   a formulation that is correct whoever holds it: both the feminine and the masculine
//   forms, feminine first as in "Madame, Monsieur", with the feminised title recommended by
//   the Académie française (2019) and the government's guide: "Madame la Maire ou Monsieur le
//   Maire", "Madame la Présidente" / "ou Monsieur le Président" (two lines when the pair does
//   not fit in 38 characters). The usual "À l'attention de" prefix is left out: the function
//   line is itself the attention line of a French address, and "À l'attention de Madame ou
//   Monsieur le Maire" (44 characters) would not fit on one line.
//   When the six lines are short, the pair shrinks to the traditional single line
//   "Madame ou Monsieur le Président" (still correct, only not feminised).
// - Then the recipient (e.g. "Mairie de Saint-Étienne", an EPCI's name; the organisation's
//   name when the directory has none), the complement (building, "BP 12"…) and the street, as
//   written in the directory, wrapped on word boundaries (or after a hyphen when one word is
//   longer than a line; cut only as a last resort).
// - Last line: the postal code and the locality. The locality is put in postal form
//   (capitals, no accents or ligatures, hyphens and apostrophes as spaces, as in La Poste's
//   base and the directory seed); a value already in that form (the directory's, "SAINT
//   ETIENNE CEDEX 2") is therefore kept as is. Over 38 characters, SAINT/SAINTE become ST/STE
//   (La Poste's abbreviations), then the locality is cut after its last whole word that fits:
//   the postal line is never dropped.
// - Over 6 lines, in this order: the function pair shrinks to one line, then the recipient,
//   the complement, the street and finally the function lose their last lines (the last kept
//   line ends with "…", so a shortening is visible, never silent). The postal line stays.
// - `complete` is false when the postal code is missing or not 5 digits, or the locality is
//   missing: the letter cannot be posted as is and an operator must complete the directory.
import { postalCityLine } from "../organisations/postal-address";


export const ADDRESS_MAX_LINES = 6;
export const ADDRESS_MAX_LINE_LENGTH = 38;

export interface OrganisationPostalAddress {
  name: string;
  legalRepresentativeTitle: string;
  addressRecipient: string | null;
  addressComplement: string | null;
  addressStreet: string | null;
  addressPostalCode: string | null;
  addressCity: string | null;
}

export interface AddressBlock {
  lines: string[];
  /** False when the postal code or the locality is missing: not postable as is. */
  complete: boolean;
}

const ELLIPSIS = "…";

/** Length in characters as a reader counts them (code points, not UTF-16 units). */
function length(text: string): number {
  return [...text].length;
}

function slice(text: string, start: number, end?: number): string {
  return [...text].slice(start, end).join("");
}

/** Trims and collapses every run of white space (including line breaks) to one space. */
function clean(value: string | null | undefined): string {
  return (value ?? "").replace(/\s+/gu, " ").trim();
}

/** One word split so that no piece exceeds `max`: after hyphens first, then hard cuts. */
function splitLongWord(word: string, max: number): string[] {
  if (length(word) <= max) return [word];
  const pieces: string[] = [];
  for (const part of word.split(/(?<=-)/u)) {
    for (let start = 0; start < length(part); start += max) pieces.push(slice(part, start, start + max));
  }
  return pieces;
}

/** Greedy word wrap to lines of at most `max` characters. */
export function wrapAddressText(text: string, max = ADDRESS_MAX_LINE_LENGTH): string[] {
  const lines: string[] = [];
  let current = "";
  for (const word of clean(text).split(" ").filter(Boolean)) {
    splitLongWord(word, max).forEach((piece, index) => {
      // Pieces of one word join without a space; words join with one.
      const candidate = current === "" ? piece : `${current}${index === 0 ? " " : ""}${piece}`;
      if (length(candidate) <= max) {
        current = candidate;
      } else {
        lines.push(current);
        current = piece;
      }
    });
  }
  if (current !== "") lines.push(current);
  return lines;
}

/** Keeps the first `keep` lines, the last of them ending with "…". */
function shorten(lines: string[], keep: number, max = ADDRESS_MAX_LINE_LENGTH): string[] {
  if (keep >= lines.length) return lines;
  const kept = lines.slice(0, keep);
  const last = kept[keep - 1].replace(/[\s,;:-]+$/u, "");
  kept[keep - 1] = length(last) < max ? `${last}${ELLIPSIS}` : `${slice(last, 0, max - 1)}${ELLIPSIS}`;
  return kept;
}

// ---------------------------------------------------------------------------
// The function line

// Feminine forms of the words found in legal representatives' titles. Words not listed are
// epicene ("Maire", "Secrétaire", "d'arrondissement") and kept as they are.
const FEMININE: Record<string, string> = {
  président: "présidente",
  délégué: "déléguée",
  adjoint: "adjointe",
  directeur: "directrice",
  général: "générale",
  administrateur: "administratrice",
  gérant: "gérante",
  préfet: "préfète",
  recteur: "rectrice",
  représentant: "représentante",
  légal: "légale",
  conseiller: "conseillère",
  premier: "première",
  doyen: "doyenne",
};
const MASCULINE: Record<string, string> = Object.fromEntries(
  Object.entries(FEMININE).map(([masculine, feminine]) => [feminine, masculine]),
);

function matchCase(model: string, word: string): string {
  const first = model.charAt(0);
  return first !== first.toLowerCase() ? word.charAt(0).toUpperCase() + word.slice(1) : word;
}

/** Applies a word map to every word (and every part of a hyphenated word) of a title. */
function genderTitle(title: string, map: Record<string, string>): string {
  return title.replace(/[\p{L}]+/gu, (word) => {
    const replacement = map[word.toLowerCase()];
    return replacement ? matchCase(word, replacement) : word;
  });
}

/** "le Maire", "la Présidente", "l'Administrateur". */
function withArticle(title: string, feminine: boolean): string {
  const initial = title.normalize("NFD").charAt(0).toLowerCase();
  if ("aeiouy".includes(initial)) return `l'${title}`;
  return `${feminine ? "la" : "le"} ${title}`;
}

interface FunctionLines {
  preferred: string[];
  compact: string[];
}

function functionLines(rawTitle: string): FunctionLines {
  const title = clean(rawTitle) || "Représentant légal";
  const masculine = withArticle(genderTitle(title, MASCULINE), false);
  const feminine = withArticle(genderTitle(title, FEMININE), true);
  const pair = `Madame ${feminine} ou Monsieur ${masculine}`;
  const preferred =
    length(pair) <= ADDRESS_MAX_LINE_LENGTH
      ? [pair]
      : [...wrapAddressText(`Madame ${feminine}`), ...wrapAddressText(`ou Monsieur ${masculine}`)];
  return { preferred, compact: wrapAddressText(`Madame ou Monsieur ${masculine}`) };
}

// ---------------------------------------------------------------------------
// The postal line

/** Locality in postal form (one rule for the whole portal: lib/organisations/postal-address.ts). */
export function postalLocality(city: string): string {
  return clean(postalCityLine(city));
}

function postalLine(postalCode: string, locality: string): string | null {
  if (postalCode === "" && locality === "") return null;
  if (locality === "") return postalCode;
  const room = ADDRESS_MAX_LINE_LENGTH - (postalCode === "" ? 0 : length(postalCode) + 1);
  let city = locality;
  if (length(city) > room) city = city.replace(/\bSAINTE\b/gu, "STE").replace(/\bSAINT\b/gu, "ST");
  if (length(city) > room) {
    // Cut on a word boundary when there is one: "ST GENEST", not "ST GENEST E".
    const cut = slice(city, 0, room + 1);
    const boundary = cut.lastIndexOf(" ");
    city = boundary > 0 ? cut.slice(0, boundary) : slice(city, 0, room);
  }
  return postalCode === "" ? city : `${postalCode} ${city}`;
}

// ---------------------------------------------------------------------------

export function formatAddressBlock(organisation: OrganisationPostalAddress): AddressBlock {
  const postalCode = clean(organisation.addressPostalCode).replace(/\s/gu, "");
  const locality = postalLocality(clean(organisation.addressCity));
  const last = postalLine(postalCode, locality);

  const { preferred, compact } = functionLines(organisation.legalRepresentativeTitle);
  const sections = {
    function: preferred,
    recipient: wrapAddressText(clean(organisation.addressRecipient) || clean(organisation.name)),
    complement: wrapAddressText(clean(organisation.addressComplement)),
    street: wrapAddressText(clean(organisation.addressStreet)),
  };
  const budget = ADDRESS_MAX_LINES - (last === null ? 0 : 1);
  const count = () => Object.values(sections).reduce((total, lines) => total + lines.length, 0);

  if (count() > budget) sections.function = compact;
  for (const key of ["recipient", "complement", "street", "function"] as const) {
    const excess = count() - budget;
    if (excess <= 0) break;
    sections[key] = shorten(sections[key], Math.max(1, sections[key].length - excess));
  }

  const lines = [...sections.function, ...sections.recipient, ...sections.complement, ...sections.street];
  if (last !== null) lines.push(last);
  return { lines, complete: /^\d{5}$/u.test(postalCode) && locality !== "" };
}
