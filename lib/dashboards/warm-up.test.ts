// DASH-4 (SPEC "Performance targets": the first export after start-up under 1 s like the
// others): the start-up warm-up renders the export's own document with made-up figures. It
// only warms what it runs: if the made-up figures stopped filling the charts and tables (a
// metric renamed, a builder that drops them), the warm-up would render a page of "no figures"
// sentences and the first real export would be slow again, silently.
import { renderToBuffer } from "@react-pdf/renderer";
import { extractText, getDocumentProxy } from "unpdf";
import { describe, expect, it } from "vitest";
import { registerPdfFonts } from "../letters/pdf-fonts";
import { hasFigures } from "./build";
import { dashboardsPdfElement } from "./pdf-document";
import { PERIODS } from "./periods";
import { sampleDashboardsPdfData } from "./warm-up";

const NOW = new Date("2026-11-22T09:00:00Z");

describe("DASH-4 start-up warm-up of the dashboards export", () => {
  it.each(PERIODS)("the made-up %s dashboards have every kind of chart, table and summary, with figures", (period) => {
    const data = sampleDashboardsPdfData(period, NOW);
    const sections = data.dashboards.flatMap((dashboard) => dashboard.sections);
    expect(sections.every(hasFigures)).toBe(true);
    expect(new Set(sections.map((section) => section.chart))).toEqual(new Set(["bar", "level"]));
    // A single series and several side by side, as e-services send them.
    const widths = data.dashboards.slice(1).map((dashboard) => dashboard.sections[0].columns.length);
    expect(widths).toContain(1);
    expect(Math.max(...widths)).toBeGreaterThan(1);
    // Every row of the period, some figures missing (dashes, gaps in the lines).
    for (const section of sections) expect(section.rows.length).toBe(period === "12m" ? 12 : Number.parseInt(period, 10));
    expect(sections.some((section) => section.rows.some((row) => row.values.includes(null)))).toBe(true);
    expect(data.dashboards.every((dashboard) => dashboard.summary.length > 0 && dashboard.updatedAt)).toBe(true);
  });

  it("renders them as the export does: charts and tables, no 'no figures' sentence", async () => {
    registerPdfFonts();
    const pdf = await renderToBuffer(dashboardsPdfElement(sampleDashboardsPdfData("30j", NOW)));
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
    const flat = text.replace(/\s+/g, " ");
    for (const title of ["Comptes par statut", "Connexions", "Permissions attribuées", "Chiffres de l'e-service État civil", "Chiffres de l'e-service Urbanisme"]) {
      expect(flat).toContain(`Tableau : ${title}`);
    }
    expect(flat).not.toContain("aucun chiffre");
  }, 60_000);
});
