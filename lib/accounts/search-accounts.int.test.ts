// ADM-2: the console's account list — one page in order, its total, the counts per status
// kept by the organisation_account_counts triggers, accent-insensitive search.
import { describe, expect, it } from "vitest";
import { db } from "../db";
import { createAccount, createOrganisation } from "../testing/factories";
import { searchAccounts } from "./search-accounts";

async function countsByGroupBy(organisationId: string) {
  const rows = await db.account.groupBy({ by: ["status"], where: { organisationId }, _count: { _all: true } });
  return Object.fromEntries(rows.filter((row) => row._count._all > 0).map((row) => [row.status, row._count._all]));
}

async function keptCounts(organisationId: string) {
  const rows = await db.organisationAccountCount.findMany({ where: { organisationId, count: { not: 0 } } });
  return Object.fromEntries(rows.map((row) => [row.status, row.count]));
}

describe("ADM-2 counts per status stay equal to the accounts, whatever the statement", () => {
  it("follows inserts, status changes, other updates, bulk statements and deletes, per organisation", async () => {
    const [first, second] = [await createOrganisation(), await createOrganisation()];
    const a = await createAccount({ organisationId: first.id, status: "PENDING_VALIDATION" });
    await createAccount({ organisationId: first.id });
    await createAccount({ organisationId: second.id });
    expect(await keptCounts(first.id)).toEqual({ PENDING_VALIDATION: 1, ACTIVE: 1 });

    await db.account.update({ where: { id: a.id }, data: { status: "ACTIVE" } });
    await db.account.update({ where: { id: a.id }, data: { lastLoginAt: new Date() } });
    expect(await keptCounts(first.id)).toEqual({ ACTIVE: 2 });

    await db.$executeRaw`
      INSERT INTO "accounts" ("id", "organisationId", "identifier", "civility", "firstName", "lastName", "email", "status", "updatedAt")
      SELECT gen_random_uuid(), ${first.id}::uuid, 'lot-' || n || '-' || ${first.id}, 'MONSIEUR', 'P', 'N', 'lot' || n || '@test.example', 'PENDING_ACTIVATION', now()
      FROM generate_series(1, 30) AS n`;
    await db.account.updateMany({ where: { organisationId: first.id, status: "PENDING_ACTIVATION", identifier: { startsWith: "lot-1" } }, data: { status: "DEACTIVATED", deactivationReason: "NEVER_ACTIVATED" } });
    await db.account.deleteMany({ where: { organisationId: first.id, status: "DEACTIVATED" } });

    expect(await keptCounts(first.id)).toEqual(await countsByGroupBy(first.id));
    expect(await keptCounts(second.id)).toEqual({ ACTIVE: 1 });
    const page = await searchAccounts(db, { organisationId: first.id, status: "PENDING_ACTIVATION", page: 1, pageSize: 10, withCounts: true });
    expect(page.counts).toMatchObject(await countsByGroupBy(first.id));
    expect(page.total).toBe((await countsByGroupBy(first.id)).PENDING_ACTIVATION);
  });
});

describe("ADM-2 one page of accounts, in name order, searched without accents", () => {
  it("pages in order, clamps a page past the end, searches several words and ligatures", async () => {
    const { id: organisationId } = await createOrganisation();
    for (const [firstName, lastName] of [["Zoé", "Aubert"], ["Éloïse", "Cœur"], ["Paul", "Bernard"], ["Anne", "Bernard"], ["Luc", "Dupont"]]) {
      await createAccount({ organisationId, firstName, lastName });
    }
    await createAccount({ organisationId, firstName: "Zoé", lastName: "Aubert", status: "PENDING_VALIDATION" });
    await createAccount({ firstName: "Zoé", lastName: "Aubert" }); // another organisation

    const first = await searchAccounts(db, { organisationId, status: "ACTIVE", page: 1, pageSize: 2, withCounts: true });
    expect(first.rows.map((row) => `${row.lastName} ${row.firstName}`)).toEqual(["Aubert Zoé", "Bernard Anne"]);
    expect(first).toMatchObject({ total: 5, pageCount: 3, page: 1, counts: { ACTIVE: 5, PENDING_VALIDATION: 1 } });
    const stale = await searchAccounts(db, { organisationId, status: "ACTIVE", page: 9, pageSize: 2 });
    expect(stale.page).toBe(3);
    expect(stale.rows.map((row) => row.lastName)).toEqual(["Dupont"]);

    const found = await searchAccounts(db, { organisationId, status: "ACTIVE", query: "  ZOE  aub ", page: 1, pageSize: 10 });
    expect(found.rows.map((row) => row.firstName)).toEqual(["Zoé"]);
    expect(found.total).toBe(1);
    expect((await searchAccounts(db, { organisationId, status: "ACTIVE", query: "eloise coeur", page: 1, pageSize: 10 })).total).toBe(1);
    expect((await searchAccounts(db, { organisationId, status: "ACTIVE", query: "bernard", page: 1, pageSize: 10 })).rows.map((row) => row.firstName)).toEqual(["Anne", "Paul"]);
    const none = await searchAccounts(db, { organisationId, status: "ACTIVE", query: "%_\\", page: 1, pageSize: 10, withCounts: true });
    expect(none).toMatchObject({ total: 5, rows: expect.any(Array) }); // only separators: no filter
    const nobody = await searchAccounts(db, { organisationId, status: "DEACTIVATED", query: "personne", page: 1, pageSize: 10, withCounts: true });
    expect(nobody).toMatchObject({ rows: [], total: 0, pageCount: 1, page: 1, counts: { ACTIVE: 5 } });
  });
});
