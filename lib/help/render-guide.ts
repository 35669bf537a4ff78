// Renders the practical guide (HELP-3) in two passes: the first only to learn on which page
// each theme and question starts, the second with those numbers in the table of contents.
// The table of contents has the same lines in both passes (numbers are padded to the same
// width), so the pages after it do not move between passes.
import "server-only";
import { renderToBuffer } from "@react-pdf/renderer";
import { registerPdfFonts } from "../letters/pdf-fonts";
import { HELP_THEMES } from "./content";
import { guideElement, type GuideData, type GuidePages } from "./guide-document";

export async function renderGuidePdf(data: Omit<GuideData, "themes"> & { themes?: GuideData["themes"] }): Promise<{ pdf: Buffer; pages: GuidePages }> {
  registerPdfFonts();
  const full: GuideData = { ...data, themes: data.themes ?? HELP_THEMES };
  const first: GuidePages = new Map();
  // React-PDF runs the render callbacks during each layout pass, in document order, and its
  // last pass is the one drawn: a callback for the first heading starts the count again.
  // Within a pass, a heading split across pages counts on the first page it is seen on.
  const firstId = full.themes[0]?.id;
  const record = (target: GuidePages) => (id: string, page: number) => {
    if (id === firstId) target.clear();
    if (!target.has(id)) target.set(id, page);
  };
  await renderToBuffer(guideElement(full, new Map(), record(first)));
  const second: GuidePages = new Map();
  const pdf = await renderToBuffer(guideElement(full, first, record(second)));
  return { pdf, pages: second.size ? second : first };
}
