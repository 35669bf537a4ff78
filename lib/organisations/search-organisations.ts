// Organisation search for registration and the consoles (ORG-2): by name, postal code,
// INSEE code, SIREN or organisation code, insensitive to accents, case, hyphens and
// apostrophes. The normalisation is the database's own (portail_normalize, built on
// unaccent), the same that fills "searchText", so both sides always agree; each word
// becomes a LIKE that the trigram index answers. searchText also holds the commune's former
// names (communes déléguées…): a hit found through one of them says which (issue 16 item 8).
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
  siren: string | null;
  typeLiaison: number;
  /** The former name the query matched when the name itself does not ("dont Annecy-le-Vieux"). */
  formerName: string | null;
}

export interface SearchOptions {
  /**
   * Only what the directory offers for registration (the public search): operators search
   * every row, unlisted ones included (ORG-4).
   */
  listedOnly?: boolean;
}

export const SEARCH_MAX_LENGTH = 100;
const MAX_WORDS = 6;
// People type "St-Étienne" for "Saint-Étienne"; "saint" also matches "sainte".
const ABBREVIATIONS: Record<string, string> = { st: "saint", ste: "sainte", sts: "saints", stes: "saintes" };

function escapeLike(word: string): string {
  return word.replace(/[\\%_]/g, (character) => `\\${character}`);
}

export async function searchOrganisations(db: Db, query: string, limit = 20, options: SearchOptions = {}): Promise<OrganisationHit[]> {
  const { listedOnly = false } = options;
  const trimmed = query.trim().slice(0, SEARCH_MAX_LENGTH);
  if (!trimmed) return [];
  const [{ normalized }] = await db.$queryRaw<{ normalized: string | null }[]>`SELECT portail_normalize(${trimmed}) AS normalized`;
  const words = (normalized ?? "")
    .split(" ")
    .filter(Boolean)
    .map((word) => ABBREVIATIONS[word] ?? word)
    .slice(0, MAX_WORDS);
  if (!words.length) return [];

  const patterns = words.map((word) => `%${escapeLike(word)}%`);
  const conditions = Prisma.join(
    patterns.map((pattern) => Prisma.sql`o."searchText" LIKE ${pattern}`),
    " AND ",
  );
  const matches = (column: Prisma.Sql) => Prisma.join(patterns.map((pattern) => Prisma.sql`portail_normalize(${column}) LIKE ${pattern}`), " AND ");
  // Evaluated for the returned rows only (after LIMIT), so it costs nothing to the search.
  const formerName = Prisma.sql`CASE WHEN cardinality(o."formerNames") = 0 OR (${matches(Prisma.sql`o."name"`)}) THEN NULL
      ELSE (SELECT former FROM unnest(o."formerNames") AS former WHERE ${matches(Prisma.sql`former`)} LIMIT 1) END`;
  const compact = trimmed.replace(/[\s.-]/g, "").toUpperCase();
  return db.$queryRaw<OrganisationHit[]>`
    SELECT o."id", o."name", o."kind", o."code", o."postalCodes", o."departmentCode", o."siren", o."typeLiaison",
      ${formerName} AS "formerName"
    FROM "organisations" o
    WHERE ${conditions}${listedOnly ? Prisma.sql` AND o."listed"` : Prisma.empty}
    ORDER BY
      (o."code" = ${compact} OR o."siren" IS NOT DISTINCT FROM ${compact} OR o."inseeCode" IS NOT DISTINCT FROM ${compact}) DESC,
      (${compact} = ANY(o."postalCodes")) DESC,
      (portail_normalize(o."name") = ${words.join(" ")}) DESC,
      (o."searchText" LIKE ${`${escapeLike(words.join(" "))}%`}) DESC,
      o."population" DESC NULLS LAST,
      o."name"
    LIMIT ${Math.min(Math.max(limit, 1), 50)}`;
}
