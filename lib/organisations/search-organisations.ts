// Organisation search for registration and the consoles (ORG-2): by name, postal code,
// INSEE code, SIREN or organisation code, insensitive to accents, case, hyphens and
// apostrophes. The normalisation is the database's own (portail_normalize, built on
// unaccent), the same that fills "searchText", so both sides always agree; each word
// becomes a LIKE that the trigram index answers.
import "server-only";
import type { Db } from "../db";
import { Prisma } from "../generated/prisma/client";
import type { OrganisationKind } from "../generated/prisma/enums";

export interface OrganisationHit {
  id: string;
  name: string;
  kind: OrganisationKind;
  code: string;
  postalCodes: string[];
  departmentCode: string | null;
}

export const SEARCH_MAX_LENGTH = 100;
const MAX_WORDS = 6;
// People type "St-Étienne" for "Saint-Étienne"; "saint" also matches "sainte".
const ABBREVIATIONS: Record<string, string> = { st: "saint", ste: "sainte", sts: "saints", stes: "saintes" };

function escapeLike(word: string): string {
  return word.replace(/[\\%_]/g, (character) => `\\${character}`);
}

export async function searchOrganisations(db: Db, query: string, limit = 20): Promise<OrganisationHit[]> {
  const trimmed = query.trim().slice(0, SEARCH_MAX_LENGTH);
  if (!trimmed) return [];
  const [{ normalized }] = await db.$queryRaw<{ normalized: string | null }[]>`SELECT portail_normalize(${trimmed}) AS normalized`;
  const words = (normalized ?? "")
    .split(" ")
    .filter(Boolean)
    .map((word) => ABBREVIATIONS[word] ?? word)
    .slice(0, MAX_WORDS);
  if (!words.length) return [];

  const conditions = Prisma.join(
    words.map((word) => Prisma.sql`o."searchText" LIKE ${`%${escapeLike(word)}%`}`),
    " AND ",
  );
  const compact = trimmed.replace(/[\s.-]/g, "").toUpperCase();
  return db.$queryRaw<OrganisationHit[]>`
    SELECT o."id", o."name", o."kind", o."code", o."postalCodes", o."departmentCode"
    FROM "organisations" o
    WHERE ${conditions}
    ORDER BY
      (o."code" = ${compact} OR o."siren" IS NOT DISTINCT FROM ${compact} OR o."inseeCode" IS NOT DISTINCT FROM ${compact}) DESC,
      (${compact} = ANY(o."postalCodes")) DESC,
      (portail_normalize(o."name") = ${words.join(" ")}) DESC,
      (o."searchText" LIKE ${`${escapeLike(words.join(" "))}%`}) DESC,
      o."population" DESC NULLS LAST,
      o."name"
    LIMIT ${Math.min(Math.max(limit, 1), 50)}`;
}
