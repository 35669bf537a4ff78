import { extractText, getDocumentProxy } from "unpdf";
import { describe, expect, it } from "vitest";
import { HELP_THEMES } from "./content";
import { renderGuidePdf } from "./render-guide";

const support = { email: "aide@portail.test", phone: "01 02 03 04 05", hours: "en semaine, de 9 h à 17 h" };

describe("HELP-3 the practical guide in PDF", () => {
  it("has a cover, a table of contents whose page numbers are right, and numbered pages", { timeout: 60_000 }, async () => {
    const { pdf, pages } = await renderGuidePdf({ editionDate: "22 novembre 2026", baseUrl: "https://portail.test", support });
    const document = await getDocumentProxy(new Uint8Array(pdf));
    const { text, totalPages } = await extractText(document, { mergePages: false });
    expect(totalPages).toBeGreaterThanOrEqual(2 + HELP_THEMES.length);

    expect(text[0]).toContain("Guide pratique");
    expect(text[0]).toContain("aide@portail.test");
    expect(text[1]).toContain("Sommaire");
    expect(text[1]).toContain("Page 2 sur");

    for (const theme of HELP_THEMES) {
      const page = pages.get(theme.id);
      expect(page, theme.id).toBeGreaterThan(2);
      // The table of contents announces the page on which the theme's title really is.
      expect(text[1]).toMatch(new RegExp(`${theme.title.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\s*${page}\\b`));
      expect(text[page! - 1]).toContain(theme.title);
      for (const entry of theme.entries) {
        const entryPage = pages.get(entry.id)!;
        expect(text[entryPage - 1].replace(/\s+/g, " "), entry.id).toContain(entry.question.slice(0, 30));
      }
    }
    for (let index = 1; index < totalPages; index += 1) expect(text[index]).toContain(`Page ${index + 1} sur ${totalPages}`);
  });
});
