// DASH-2: the daily job that computes the portal's figures per organisation and Paris day.
import { describe, expect, it } from "vitest";
import { db } from "../db";
import { createAccount, createOrganisation } from "../testing/factories";
import { backfillPortalFigures, computePortalFigures, portalFiguresJob } from "./portal-figures";
import { dayKeyToDate } from "../calendar";

async function figuresOf(organisationId: string, day: string) {
  const rows = await db.portalDailyFigure.findMany({ where: { organisationId, day: dayKeyToDate(day) } });
  return Object.fromEntries(rows.map((row) => [row.metric, row.value]));
}

/** Accounts made by the factory are created and activated now: move that to `at`. */
async function backdate(ids: string[], at: string) {
  await db.account.updateMany({ where: { id: { in: ids } }, data: { createdAt: new Date(at), activatedAt: new Date(at) } });
}

async function login(accountId: string, organisationId: string, at: string) {
  await db.loginEvent.create({ data: { accountId, organisationId, createdAt: new Date(at) } });
}

describe("DASH-2 portal figures per organisation and Paris day", () => {
  it("counts logins within the Europe/Paris day, including the 23-hour day of the spring clock change", async () => {
    const { id: organisationId } = await createOrganisation();
    const account = await createAccount({ organisationId });
    await backdate([account.id], "2026-03-01T00:00:00Z");
    // 29 March 2026 in Paris runs from 28 March 23:00Z (UTC+1) to 29 March 22:00Z (UTC+2).
    await login(account.id, organisationId, "2026-03-28T22:59:59Z"); // 23:59:59 on the 28th in Paris
    await login(account.id, organisationId, "2026-03-28T23:00:00Z"); // midnight: the 29th
    await login(account.id, organisationId, "2026-03-29T21:59:59Z"); // 23:59:59 on the 29th (summer time)
    await login(account.id, organisationId, "2026-03-29T22:00:00Z"); // midnight: the 30th
    await computePortalFigures(db, "2026-03-28", "2026-03-30");
    expect((await figuresOf(organisationId, "2026-03-28")).logins).toBe(1);
    expect((await figuresOf(organisationId, "2026-03-29")).logins).toBe(2);
    expect((await figuresOf(organisationId, "2026-03-30")).logins).toBe(1);
  });

  it("reconstructs each day's accounts by status from the account's dates", async () => {
    const { id: organisationId } = await createOrganisation();
    const account = await createAccount({ organisationId, status: "ACTIVE" });
    await db.account.update({
      where: { id: account.id },
      data: {
        createdAt: new Date("2026-05-10T08:00:00Z"),
        activatedAt: new Date("2026-05-11T21:59:00Z"), // 23:59 on the 11th in Paris
        validatedAt: new Date("2026-05-12T22:30:00Z"), // 00:30 on the 13th in Paris
      },
    });
    const deactivated = await createAccount({ organisationId, status: "DEACTIVATED" });
    await db.account.update({
      where: { id: deactivated.id },
      data: {
        createdAt: new Date("2026-05-01T08:00:00Z"),
        activatedAt: new Date("2026-05-01T09:00:00Z"),
        validatedAt: new Date("2026-05-02T09:00:00Z"),
        deactivatedAt: new Date("2026-05-12T09:00:00Z"),
      },
    });
    const service = await db.eService.create({
      data: { slug: `svc-${organisationId.slice(0, 8)}`, name: "Cadastre", description: "d", url: "https://cadastre.example/", termsText: "t" },
    });
    await db.permission.create({
      data: { accountId: account.id, eServiceId: service.id, organisationId, createdAt: new Date("2026-05-12T10:00:00Z") },
    });
    await computePortalFigures(db, "2026-05-09", "2026-05-13");
    expect(await figuresOf(organisationId, "2026-05-09")).toEqual({
      accounts_active: 1,
      accounts_pending_activation: 0,
      accounts_pending_validation: 0,
      accounts_deactivated: 0,
      logins: 0,
      permissions: 0,
    });
    expect(await figuresOf(organisationId, "2026-05-10")).toMatchObject({ accounts_active: 1, accounts_pending_activation: 1 });
    expect(await figuresOf(organisationId, "2026-05-11")).toMatchObject({ accounts_pending_activation: 0, accounts_pending_validation: 1 });
    expect(await figuresOf(organisationId, "2026-05-12")).toMatchObject({
      accounts_active: 0,
      accounts_pending_validation: 1,
      accounts_deactivated: 1,
      permissions: 1,
    });
    expect(await figuresOf(organisationId, "2026-05-13")).toMatchObject({ accounts_active: 1, accounts_pending_validation: 0, accounts_deactivated: 1 });
  });

  it("is idempotent: computing a day again gives the same figures and no duplicate rows", async () => {
    const { id: organisationId } = await createOrganisation();
    const account = await createAccount({ organisationId });
    await backdate([account.id], "2026-06-01T00:00:00Z");
    await login(account.id, organisationId, "2026-06-15T10:00:00Z");
    await computePortalFigures(db, "2026-06-14", "2026-06-16", new Date("2026-06-17T03:00:00Z"));
    const first = await db.portalDailyFigure.findMany({ where: { organisationId }, orderBy: [{ day: "asc" }, { metric: "asc" }] });
    const second = await computePortalFigures(db, "2026-06-14", "2026-06-16", new Date("2026-06-17T04:00:00Z"));
    const again = await db.portalDailyFigure.findMany({ where: { organisationId }, orderBy: [{ day: "asc" }, { metric: "asc" }] });
    expect(again.map(({ day, metric, value }) => ({ day, metric, value }))).toEqual(first.map(({ day, metric, value }) => ({ day, metric, value })));
    expect(again).toHaveLength(first.length);
    expect(second.rows).toBeGreaterThanOrEqual(first.length);
    expect(again.every((row) => row.computedAt.toISOString() === "2026-06-17T04:00:00.000Z")).toBe(true);
  });

  it("keeps organisations apart: one organisation's accounts and logins never count for another", async () => {
    const a = await createOrganisation();
    const b = await createOrganisation();
    const inA = await createAccount({ organisationId: a.id });
    await createAccount({ organisationId: a.id });
    const inB = await createAccount({ organisationId: b.id, status: "PENDING_VALIDATION" });
    await login(inA.id, a.id, "2026-07-01T10:00:00Z");
    await login(inA.id, a.id, "2026-07-01T11:00:00Z");
    await login(inB.id, b.id, "2026-07-01T12:00:00Z");
    await backdate([inA.id, inB.id], "2026-06-01T00:00:00Z");
    await computePortalFigures(db, "2026-07-01", "2026-07-01");
    expect(await figuresOf(a.id, "2026-07-01")).toMatchObject({ logins: 2, accounts_active: 1, accounts_pending_validation: 0 });
    expect(await figuresOf(b.id, "2026-07-01")).toMatchObject({ logins: 1, accounts_active: 0, accounts_pending_validation: 1 });
  });

  it("the daily job computes yesterday in Paris; the backfill computes the days before", async () => {
    const { id: organisationId } = await createOrganisation();
    await backdate([(await createAccount({ organisationId })).id], "2026-01-01T00:00:00Z");
    // 00:30 in Paris on 2 August 2026 is still 1 August in UTC: yesterday is 1 August.
    const now = new Date("2026-08-01T22:30:00Z");
    await portalFiguresJob.run({ db, now, periodKey: "2026-08-02" });
    const days = await db.portalDailyFigure.findMany({ where: { organisationId }, select: { day: true }, distinct: ["day"] });
    expect(days.map((row) => row.day.toISOString().slice(0, 10))).toEqual(["2026-08-01"]);

    const report = await backfillPortalFigures(db, 10, now);
    expect(report).toMatchObject({ from: "2026-07-23", to: "2026-08-01" });
    expect(await db.portalDailyFigure.count({ where: { organisationId } })).toBe(10 * 6);
    await expect(backfillPortalFigures(db, 0, now)).rejects.toThrow(RangeError);
  });
});
