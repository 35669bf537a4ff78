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
  /** Whether an active account holds the administrator role (deputies are not counted). */
  hasAdministrator: boolean;
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
  const compact = trimmed.replace(/[\s.-]/g, "").toUpperCase();
  // One statement. The search and its ranking run in the CTE (the trigram index answers the
  // LIKEs); the former name and the administrator flag are computed afterwards, for the
  // returned rows only, so they cost nothing to the search itself.
  return db.$queryRaw<OrganisationHit[]>`
    WITH hits AS MATERIALIZED (
      SELECT o."id", o."name", o."kind", o."code", o."postalCodes", o."departmentCode", o."siren", o."typeLiaison", o."formerNames",
        (o."code" = ${compact} OR o."siren" IS NOT DISTINCT FROM ${compact} OR o."inseeCode" IS NOT DISTINCT FROM ${compact}) AS "k1",
        (${compact} = ANY(o."postalCodes")) AS "k2",
        (portail_normalize(o."name") = ${words.join(" ")}) AS "k3",
        (o."searchText" LIKE ${`${escapeLike(words.join(" "))}%`}) AS "k4",
        o."population" AS "k5"
      FROM "organisations" o
      WHERE ${conditions}${listedOnly ? Prisma.sql` AND o."listed"` : Prisma.empty}
      ORDER BY "k1" DESC, "k2" DESC, "k3" DESC, "k4" DESC, "k5" DESC NULLS LAST, o."name"
      LIMIT ${Math.min(Math.max(limit, 1), 50)}
    )
    SELECT h."id", h."name", h."kind", h."code", h."postalCodes", h."departmentCode", h."siren", h."typeLiaison",
      CASE WHEN cardinality(h."formerNames") = 0 OR (${matches(Prisma.sql`h."name"`)}) THEN NULL
        ELSE (SELECT former FROM unnest(h."formerNames") AS former WHERE ${matches(Prisma.sql`former`)} LIMIT 1) END AS "formerName",
      -- Issue 16 item 4: registration offers the administrator role where nobody holds it.
      EXISTS (SELECT 1 FROM "accounts" a WHERE a."organisationId" = h."id" AND a."status" = 'ACTIVE' AND a."role" = 'ADMINISTRATOR') AS "hasAdministrator"
    FROM hits h
    ORDER BY h."k1" DESC, h."k2" DESC, h."k3" DESC, h."k4" DESC, h."k5" DESC NULLS LAST, h."name"`;
}
