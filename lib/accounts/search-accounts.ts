// One page of an organisation's accounts in a status, searched by name, identifier or
// e-mail, insensitive to accents and case: accounts."searchText" is filled by a trigger
// with the database's portail_normalize and indexed by trigrams, as for the organisation
// search. Used by the administrator's account list and permission matrix.
import "server-only";
import type { Db } from "../db";
import { Prisma, type AccountStatus } from "../generated/prisma/client";

export async function searchAccountIds(
  db: Db,
  input: { organisationId: string; status: AccountStatus; query?: string; page: number; pageSize: number },
): Promise<{ ids: string[]; total: number; page: number; pageCount: number }> {
  const query = (input.query ?? "").trim().slice(0, 100);
  const [{ normalized }] = query
    ? await db.$queryRaw<{ normalized: string | null }[]>`SELECT portail_normalize(${query}) AS normalized`
    : [{ normalized: "" }];
  const words = (normalized ?? "").split(" ").filter(Boolean).slice(0, 5);
  const matches = words.length
    ? Prisma.sql`AND ${Prisma.join(
        words.map(
          (word) =>
            Prisma.sql`a."searchText" LIKE ${`%${word.replace(/[\\%_]/g, (character) => `\\${character}`)}%`}`,
        ),
        " AND ",
      )}`
    : Prisma.empty;
  const scope = Prisma.sql`a."organisationId" = ${input.organisationId}::uuid AND a."status" = ${input.status}::"AccountStatus" ${matches}`;
  // One round trip: the page's ids and, on each row, the total of matching accounts.
  const requested = Math.max(1, Math.trunc(input.page));
  let rows = await db.$queryRaw<{ id: string; total: number }[]>`
    SELECT a."id", count(*) OVER ()::int AS "total" FROM "accounts" a WHERE ${scope}
    ORDER BY a."lastName", a."firstName", a."id"
    LIMIT ${input.pageSize} OFFSET ${(requested - 1) * input.pageSize}`;
  let page = requested;
  if (!rows.length && requested > 1) {
    // Past the last page (a stale link): show the last one.
    const [{ total }] = await db.$queryRaw<{ total: number }[]>`SELECT count(*)::int AS "total" FROM "accounts" a WHERE ${scope}`;
    page = Math.max(1, Math.ceil(total / input.pageSize));
    rows = await db.$queryRaw<{ id: string; total: number }[]>`
      SELECT a."id", count(*) OVER ()::int AS "total" FROM "accounts" a WHERE ${scope}
      ORDER BY a."lastName", a."firstName", a."id"
      LIMIT ${input.pageSize} OFFSET ${(page - 1) * input.pageSize}`;
  }
  const total = rows[0]?.total ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / input.pageSize));
  return { ids: rows.map((row) => row.id), total, page, pageCount };
}

/** Rows fetched by id, back in the order of `ids`. */
export function inOrder<T extends { id: string }>(ids: string[], rows: T[]): T[] {
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.map((id) => byId.get(id)).filter((row): row is T => Boolean(row));
}
