// DASH-3 periods, DASH-5 links and the figures' format: pure rules.
import { describe, expect, it } from "vitest";
import { isDayKey, monthKeysBetween, parisDayKey } from "../calendar";
import { buildEServiceDashboard, formatFigure } from "./build";
import { exportHref, reportErrorHref } from "./links";
import { describeRange, parsePeriod, periodRange } from "./periods";

describe("DASH-3 periods", () => {
  it("accepts 30j, 90j and 12m and falls back to 30j for anything else", () => {
    expect(parsePeriod("90j")).toBe("90j");
    expect(parsePeriod(["12m", "30j"])).toBe("12m");
    for (const value of [undefined, "", "7j", "12M", "<script>", ["x"]]) expect(parsePeriod(value)).toBe("30j");
  });

  it("ends yesterday in Paris, even just after midnight when UTC is still on the day before", () => {
    const justAfterMidnight = new Date("2026-03-31T22:30:00Z"); // 00:30 on 1 April in Paris
    expect(parisDayKey(justAfterMidnight)).toBe("2026-04-01");
    expect(periodRange("30j", justAfterMidnight)).toEqual({ period: "30j", from: "2026-03-02", to: "2026-03-31", grouping: "day" });
    expect(periodRange("90j", justAfterMidnight)).toMatchObject({ from: "2026-01-01", to: "2026-03-31" });
  });

  it("12 months are the 12 calendar months ending with yesterday's", () => {
    const range = periodRange("12m", new Date("2026-01-01T10:00:00Z"));
    expect(range).toEqual({ period: "12m", from: "2025-01-01", to: "2025-12-31", grouping: "month" });
    expect(monthKeysBetween(range.from, range.to)).toHaveLength(12);
    expect(describeRange(periodRange("12m", new Date("2026-11-22T10:00:00Z")))).toBe("12 derniers mois (du 1er décembre 2025 au 21 novembre 2026)");
  });

  it("recognises real calendar days only", () => {
    expect(isDayKey("2028-02-29")).toBe(true);
    for (const day of ["2026-02-29", "2026-13-01", "2026-1-01", "21/11/2026", "2026-11-21T00:00"]) expect(isDayKey(day)).toBe(false);
  });
});

describe("DASH-3 figures", () => {
  it("formats figures in French and shows a dash for a missing one", () => {
    expect(formatFigure(1234.5).replace(/\s/g, " ")).toBe("1 234,5");
    expect(formatFigure(0)).toBe("0");
    expect(formatFigure(null)).toBe("–");
    // Whole numbers short of a thousand take a shortcut: it must write what Intl writes.
    const french = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 2 });
    for (const value of [-999, -5, -0, 0, 7, 999, 1000, -1000, 12.5, 0.25, 123456]) expect(formatFigure(value)).toBe(french.format(value));
  });

  it("names an e-service's columns with the newest label it sent and shows its monthly sums", () => {
    const range = periodRange("12m", new Date("2026-11-22T10:00:00Z"));
    const dashboard = buildEServiceDashboard(
      range,
      { slug: "cadastre", name: "Cadastre" },
      [
        { bucket: "2026-11", metric: "plans", sum: 3.75, last: 2.5, label: "Plans délivrés" },
        { bucket: "2026-10", metric: "plans", sum: 4, last: 4, label: "Plans" },
        { bucket: "2026-09", metric: "plans", sum: 0.1 + 0.2, last: 0.2, label: null },
      ],
      new Date("2026-11-21T05:00:00Z"),
    );
    const [section] = dashboard.sections;
    expect(dashboard.updatedAt).toBe("2026-11-21T05:00:00.000Z");
    expect(section.columns).toEqual([{ metric: "plans", label: "Plans délivrés", aggregation: "sum" }]);
    expect(section.rows.at(-1)!.values).toEqual([3.75]);
    expect(section.rows.at(-2)!.values).toEqual([4]);
    expect(section.rows.at(-3)!.values).toEqual([0.3]);
    expect(section.rows[0].values).toEqual([null]);
  });
});

describe("DASH-5 and DASH-4 links", () => {
  it("the error report goes to the help centre's form with the dashboard and the period", () => {
    expect(reportErrorHref("portail", "90j")).toBe("/aide?categorie=tableaux-de-bord&tableau=portail&periode=90j#assistance");
    expect(reportErrorHref("etat-civil", "12m")).toBe("/aide?categorie=tableaux-de-bord&tableau=etat-civil&periode=12m#assistance");
    expect(exportHref("30j")).toBe("/tableaux-de-bord/export?periode=30j");
  });
});
