// DASH-3: the monthly roll-ups the 12-month dashboard reads, kept by the daily job and the
// backfill: each month equals the sum (and the last level) of its Paris days, across month
// boundaries in Paris time, and running again changes nothing.
import { describe, expect, it } from "vitest";
import { dayKeyToDate } from "../calendar";
import { db } from "../db";
import { viewerOf } from "../testing/actions";
import { createAccount, createOrganisation } from "../testing/factories";
import { refreshPortalMonthlyFigures } from "./monthly-figures";
import { backfillPortalFigures, computePortalFigures, portalFiguresJob } from "./portal-figures";
import { loadDashboards } from "./queries";

async function login(accountId: string, organisationId: string, at: string) {
  await db.loginEvent.create({ data: { accountId, organisationId, createdAt: new Date(at) } });
}

async function monthly(organisationId: string) {
  const rows = await db.portalMonthlyFigure.findMany({ where: { organisationId }, orderBy: [{ month: "asc" }, { metric: "asc" }] });
  return rows.map(({ month, metric, sum, last }) => ({ month: month.toISOString().slice(0, 7), metric, sum, last }));
}

/** What the roll-ups must hold, computed from the daily rows in JavaScript. */
async function expectedFromDailies(organisationId: string) {
  const days = await db.portalDailyFigure.findMany({ where: { organisationId }, orderBy: { day: "asc" } });
  const months = new Map<string, { month: string; metric: string; sum: number; last: number }>();
  for (const row of days) {
    const month = row.day.toISOString().slice(0, 7);
    const key = `${month} ${row.metric}`;
    const entry = months.get(key) ?? { month, metric: row.metric, sum: 0, last: 0 };
    entry.sum += row.value;
    entry.last = row.value;
    months.set(key, entry);
  }
  return [...months.values()].sort((a, b) => a.month.localeCompare(b.month) || a.metric.localeCompare(b.metric));
}

describe("DASH-3 monthly roll-ups of the portal figures", () => {
  it("each month is the sum of its Paris days, across month boundaries in Paris time, and the level of its last day", async () => {
    const { id: organisationId } = await createOrganisation();
    const account = await createAccount({ organisationId });
    await db.account.update({ where: { id: account.id }, data: { createdAt: new Date("2026-01-01T00:00:00Z"), activatedAt: new Date("2026-01-01T00:00:00Z"), validatedAt: new Date("2026-01-01T00:00:00Z") } });
    // 31 January, 23:30 in Paris (UTC+1): January.
    await login(account.id, organisationId, "2026-01-31T22:30:00Z");
    // 1 February, 00:30 in Paris, still 31 January in UTC: February.
    await login(account.id, organisationId, "2026-01-31T23:30:00Z");
    await login(account.id, organisationId, "2026-02-14T12:00:00Z");
    // 31 March, 23:30 in Paris (UTC+2 since the 29th): March; 1 April 01:00 in Paris: April.
    await login(account.id, organisationId, "2026-03-31T21:30:00Z");
    await login(account.id, organisationId, "2026-03-31T23:00:00Z");
    // A second account from 10 February: the month's level is its last day's.
    const second = await createAccount({ organisationId });
    await db.account.update({ where: { id: second.id }, data: { createdAt: new Date("2026-02-10T09:00:00Z"), activatedAt: new Date("2026-02-10T09:00:00Z"), validatedAt: new Date("2026-02-10T09:00:00Z") } });

    await computePortalFigures(db, "2026-01-20", "2026-04-05");

    const rows = await monthly(organisationId);
    expect(rows).toEqual(await expectedFromDailies(organisationId));
    const logins = rows.filter((row) => row.metric === "logins").map(({ month, sum }) => [month, sum]);
    expect(logins).toEqual([
      ["2026-01", 1],
      ["2026-02", 2],
      ["2026-03", 1],
      ["2026-04", 1],
    ]);
    const active = Object.fromEntries(rows.filter((row) => row.metric === "accounts_active").map(({ month, last }) => [month, last]));
    expect(active).toEqual({ "2026-01": 1, "2026-02": 2, "2026-03": 2, "2026-04": 2 });
  });

  it("is idempotent: the daily job run again, a backfill over computed days, or a refresh alone change nothing", async () => {
    const { id: organisationId } = await createOrganisation();
    const account = await createAccount({ organisationId });
    await db.account.update({ where: { id: account.id }, data: { createdAt: new Date("2026-05-01T00:00:00Z"), activatedAt: new Date("2026-05-01T00:00:00Z"), validatedAt: new Date("2026-05-01T00:00:00Z") } });
    for (const at of ["2026-05-30T10:00:00Z", "2026-05-31T21:59:00Z", "2026-05-31T22:01:00Z", "2026-06-02T08:00:00Z"]) await login(account.id, organisationId, at);

    // 3 June 2026, 06:00 in Paris: the backfill computes 25 May – 2 June.
    const now = new Date("2026-06-03T04:00:00Z");
    await backfillPortalFigures(db, 9, now);
    const first = await monthly(organisationId);
    expect(first).toEqual(await expectedFromDailies(organisationId));
    expect(first.filter((row) => row.metric === "logins").map(({ month, sum }) => [month, sum])).toEqual([
      ["2026-05", 2],
      ["2026-06", 2],
    ]);

    await portalFiguresJob.run({ db, now, periodKey: "2026-06-03" });
    await portalFiguresJob.run({ db, now, periodKey: "2026-06-03" });
    await backfillPortalFigures(db, 9, now);
    await refreshPortalMonthlyFigures(db, "2026-05-01", "2026-06-30");
    expect(await monthly(organisationId)).toEqual(first);
    expect(await db.portalMonthlyFigure.count({ where: { organisationId } })).toBe(2 * 6);
  });

  it("a month whose daily rows are gone loses its roll-up; other organisations' rows are untouched", async () => {
    const mine = await createOrganisation();
    const other = await createOrganisation();
    for (const organisationId of [mine.id, other.id]) {
      await db.portalDailyFigure.createMany({
        data: [
          { organisationId, day: dayKeyToDate("2026-09-30"), metric: "logins", value: 3 },
          { organisationId, day: dayKeyToDate("2026-10-01"), metric: "logins", value: 4 },
        ],
      });
    }
    await refreshPortalMonthlyFigures(db, "2026-09-30", "2026-10-01");
    await db.portalDailyFigure.deleteMany({ where: { organisationId: mine.id, day: dayKeyToDate("2026-10-01") } });
    await refreshPortalMonthlyFigures(db, "2026-10-01", "2026-10-01");
    expect(await monthly(mine.id)).toEqual([{ month: "2026-09", metric: "logins", sum: 3, last: 3 }]);
    expect(await monthly(other.id)).toEqual([
      { month: "2026-09", metric: "logins", sum: 3, last: 3 },
      { month: "2026-10", metric: "logins", sum: 4, last: 4 },
    ]);
  });

  it("the 12-month dashboard shows the roll-ups: the same figures as the sums of the days", async () => {
    const { id: organisationId } = await createOrganisation({ name: "Commune des mois" });
    const user = await createAccount({ organisationId });
    await db.portalDailyFigure.createMany({
      data: [
        { organisationId, day: dayKeyToDate("2026-10-31"), metric: "logins", value: 5 },
        { organisationId, day: dayKeyToDate("2026-11-01"), metric: "logins", value: 7 },
        { organisationId, day: dayKeyToDate("2026-11-20"), metric: "logins", value: 1 },
      ],
    });
    await refreshPortalMonthlyFigures(db, "2026-10-31", "2026-11-20");
    const result = await loadDashboards(viewerOf(user, "Commune des mois"), "12m", new Date("2026-11-22T09:00:00Z"));
    if (!result.ok) throw new Error("expected dashboards");
    const logins = result.dashboards[0].sections.find((section) => section.id === "portail-connexions")!;
    expect(logins.rows.slice(-2).map((row) => [row.key, row.values[0]])).toEqual([
      ["2026-10", 5],
      ["2026-11", 8],
    ]);
  });
});
