// DASH-4: the PDF of the dashboards, for the signed-in viewer only. The organisation and
// the dashboards come from the viewer's session, never from the request: the only input
// taken from the URL is the period, validated.
import "server-only";
import { renderToBuffer } from "@react-pdf/renderer";
import { parisDayKey } from "../calendar";
import { registerPdfFonts } from "../letters/pdf-fonts";
import { dashboardsPdfElement } from "./pdf-document";
import { parsePeriod } from "./periods";
import { loadDashboards, type DashboardViewer } from "./queries";

/** "Saint-Étienne" → "saint-etienne": the organisation's part of the file name. */
export function fileSlug(text: string): string {
  return (
    text
      .normalize("NFD")
      .replace(/\p{M}/gu, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 60) || "organisation"
  );
}

export type DashboardsExport = { ok: true; filename: string; pdf: Buffer } | { ok: false; reason: "no_organisation" };

export async function exportDashboardsPdf(viewer: DashboardViewer, rawPeriod: unknown, now: Date = new Date()): Promise<DashboardsExport> {
  const result = await loadDashboards(viewer, parsePeriod(rawPeriod), now);
  if (!result.ok) return result;
  registerPdfFonts();
  const pdf = await renderToBuffer(
    dashboardsPdfElement({ organisation: result.organisation, range: result.range, previous: result.previous, dashboards: result.dashboards, exportedAt: now }),
  );
  const filename = `tableaux-de-bord-${fileSlug(result.organisation.name)}-${result.range.period}-${parisDayKey(now)}.pdf`;
  return { ok: true, filename, pdf };
}
