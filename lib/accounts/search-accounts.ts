// One page of an organisation's accounts in a status, searched by name, identifier or
// e-mail, insensitive to accents and case: accounts."searchText" is filled by a trigger
// with the database's portail_normalize and indexed by trigrams, as for the organisation
// search. Used by the administrator's account list and the permission matrix.
//
// The page, its total and (optionally) the organisation's count per status (kept by triggers
// in organisation_account_counts) come back in one statement: with 10,000 accounts and 20 concurrent clients, the round trips and the
// per-query work of the client, not PostgreSQL, were what made the list slow (ADM-2). The
// unsearched list walks the index accounts(organisationId, status, lastName, firstName, id)
// in order, so a deep page costs an index-only scan, never a sort.
import "server-only";
import type { Db } from "../db";
import { foldText } from "../identifiers";
import { Prisma, type AccountStatus, type AccountRole, type Civility, type DeactivationReason } from "../generated/prisma/client";

export interface AccountListRow {
  id: string;
  identifier: string;
  civility: Civility;
  firstName: string;
  lastName: string;
  email: string;
  jobTitle: string | null;
  role: AccountRole;
  /** DEP-1: the account's designation as deputy administrator, if any. */
  deputyStatus: "PENDING" | "ACCEPTED" | null;
  status: AccountStatus;
  deactivationReason: DeactivationReason | null;
  statusNote: string | null;
  lastLoginAt: Date | null;
  activatedAt: Date | null;
  createdAt: Date;
}

export interface AccountPage {
  rows: AccountListRow[];
  total: number;
  page: number;
  pageCount: number;
  /** Accounts of the organisation per status (only when asked for). */
  counts: Partial<Record<AccountStatus, number>>;
}

type PageRow = AccountListRow & { id: string | null; total: number | null; counts: Partial<Record<AccountStatus, number>> | null };

/**
 * The words of a search, folded as the database's portail_normalize folds searchText (at most
 * five). Folding here saves a round trip; a character the database would fold and foldText
 * does not becomes a separator, which can only widen the results, never miss an account.
 */
function searchWords(query: string | undefined): string[] {
  return foldText((query ?? "").slice(0, 100))
    .replace(/[^a-z0-9]+/g, " ")
    .split(" ")
    .filter(Boolean)
    .slice(0, 5);
}

export async function searchAccounts(
  db: Db,
  input: { organisationId: string; status: AccountStatus; query?: string; page: number; pageSize: number; withCounts?: boolean },
): Promise<AccountPage> {
  const words = searchWords(input.query);
  // Words are [a-z0-9] only: they need no LIKE escaping.
  const matches = words.length ? Prisma.sql`AND ${Prisma.join(words.map((word) => Prisma.sql`a."searchText" LIKE ${`%${word}%`}`), " AND ")}` : Prisma.empty;
  const scope = Prisma.sql`a."organisationId" = ${input.organisationId}::uuid AND a."status" = ${input.status}::"AccountStatus" ${matches}`;
  const counts = input.withCounts
    ? Prisma.sql`(SELECT json_object_agg(c."status", c."count") FROM "organisation_account_counts" c WHERE c."organisationId" = ${input.organisationId}::uuid)`
    : Prisma.sql`NULL::json`;
  // Without a search, the per-status count already is the total.
  const total = words.length || !input.withCounts ? Prisma.sql`(SELECT count(*)::int FROM "accounts" a WHERE ${scope})` : Prisma.sql`NULL::int`;

  const load = (page: number) => db.$queryRaw<PageRow[]>`
    SELECT s."counts", s."total", p.* FROM (SELECT ${counts} AS "counts", ${total} AS "total") s
    LEFT JOIN LATERAL (
      SELECT acc."id", acc."identifier", acc."civility", acc."firstName", acc."lastName", acc."email", acc."jobTitle", acc."role",
             acc."status", acc."deactivationReason", acc."statusNote", acc."lastLoginAt", acc."activatedAt", acc."createdAt",
             (SELECT d."status"::text FROM "organisation_deputies" d WHERE d."accountId" = acc."id") AS "deputyStatus"
      FROM (SELECT a."id" FROM "accounts" a WHERE ${scope}
            ORDER BY a."lastName", a."firstName", a."id" LIMIT ${input.pageSize} OFFSET ${(page - 1) * input.pageSize}) ids
      JOIN "accounts" acc ON acc."id" = ids."id"
    ) p ON true
    ORDER BY p."lastName", p."firstName", p."id"`;

  let page = Math.max(1, Math.trunc(input.page));
  let result = await load(page);
  const summary = result[0];
  const countsByStatus = summary.counts ?? {};
  const totalCount = summary.total ?? countsByStatus[input.status] ?? 0;
  const pageCount = Math.max(1, Math.ceil(totalCount / input.pageSize));
  if (page > pageCount) {
    // Past the last page (a stale link): show the last one.
    page = pageCount;
    result = await load(page);
  }
  const rows = result.filter((row) => row.id !== null).map(({ total: _total, counts: _counts, ...row }) => row as AccountListRow);
  return { rows, total: totalCount, page, pageCount, counts: countsByStatus };
}
