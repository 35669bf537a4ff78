// Issue 16 item 7: the summary a dashboard opens with (value over the period, change against
// the previous period of the same length): pure rules.
import { describe, expect, it } from "vitest";
import { buildPortalDashboard, hasFigures, withSummary, type BucketFigure } from "./build";
import { describeChange, periodRange, previousRange } from "./periods";
import { summaryLines } from "./summary-text";

const NOW = new Date("2026-11-22T09:00:00Z");
const format = (value: number) => String(value);

function figures(entries: [string, string, number][]): BucketFigure[] {
  return entries.map(([bucket, metric, value]) => ({ bucket, metric, sum: value, last: value }));
}

describe("DASH-3 summary figures", () => {
  it("the previous period has the same length and ends the day before", () => {
    expect(previousRange(periodRange("30j", NOW))).toMatchObject({ from: "2026-09-23", to: "2026-10-22", grouping: "day" });
    expect(previousRange(periodRange("90j", NOW))).toMatchObject({ from: "2026-05-26", to: "2026-08-23" });
    expect(previousRange(periodRange("12m", NOW))).toMatchObject({ from: "2024-12-01", to: "2025-11-30", grouping: "month" });
  });

  it("sums a flow over the period, reads a level at its end, and compares with the previous period", () => {
    const range = periodRange("30j", NOW);
    const previous = previousRange(range);
    const current = buildPortalDashboard(
      range,
      figures([
        ["2026-11-20", "logins", 5],
        ["2026-11-21", "logins", 7],
        ["2026-11-20", "permissions", 4],
        ["2026-11-21", "permissions", 6],
      ]),
      null,
    );
    const before = buildPortalDashboard(
      previous,
      figures([
        ["2026-10-01", "logins", 10],
        ["2026-10-22", "permissions", 6],
      ]),
      null,
    );
    const { summary } = withSummary(current, before, { accounts_active: 2, accounts_deactivated: 1 });
    const byMetric = Object.fromEntries(summary.map((figure) => [figure.metric, figure]));
    expect(byMetric.logins).toMatchObject({ value: 12, previous: 10, aggregation: "sum" });
    expect(byMetric.permissions).toMatchObject({ value: 6, previous: 6, aggregation: "last" });
    // Accounts are today's, as the console counts them.
    expect(byMetric.accounts_active).toMatchObject({ value: 2, today: true });
    expect(byMetric.accounts_deactivated).toMatchObject({ value: 1, today: true });

    expect(summaryLines(byMetric.logins, range, previous)).toEqual({
      value: "12",
      when: "sur les 30 derniers jours",
      change: "+2 (+20 %) par rapport aux 30 jours précédents",
    });
    expect(summaryLines(byMetric.permissions, range, previous)).toEqual({
      value: "6",
      when: "le 21 novembre 2026 au soir",
      change: "Stable depuis le 22 octobre 2026 au soir",
    });
  });

  it("says the change with its sign, and nothing when there is nothing to compare", () => {
    expect(describeChange(8, 10, format)).toBe("−2 (−20 %)");
    expect(describeChange(3, 0, format)).toBe("+3");
    expect(describeChange(3, null, format)).toBeNull();
    expect(describeChange(null, 3, format)).toBeNull();
  });
});

describe("DASH-3 one empty state for a new organisation", () => {
  it("a section without any figure is told as such, not drawn as a table of dashes", () => {
    const range = periodRange("90j", NOW);
    const empty = buildPortalDashboard(range, [], null);
    expect(empty.sections.every((section) => !hasFigures(section))).toBe(true);
    const started = buildPortalDashboard(range, figures([["2026-11-21", "logins", 0]]), null);
    expect(started.sections.map(hasFigures)).toEqual([false, true, false]);
  });
});
