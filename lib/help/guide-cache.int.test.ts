// HELP-3: the practical guide PDF is built once per content version and kept in the database:
// the same version serves the same stored bytes (even to a restarted process), new content
// builds a new version and replaces the old one.
import { describe, expect, it } from "vitest";
import { db } from "../db";
import { HELP_THEMES } from "./content";
import { forgetServedGuide, guideVersion, practicalGuidePdf } from "./guide-cache";

const inputs = { baseUrl: "https://portail.test/", support: { email: "aide@portail.test", phone: "01 02 03 04 05", hours: "en semaine" } };

describe("HELP-3 the practical guide is kept per content version", () => {
  it("builds once, then serves the stored artefact; new content or contacts build a new version", { timeout: 120_000 }, async () => {
    const first = await practicalGuidePdf(inputs, db, new Date("2026-11-22T10:00:00Z"));
    expect(first.built).toBe(true);
    expect(first.pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(await db.generatedDocument.count()).toBe(1);

    // Another day, another process (nothing remembered in memory): the same stored bytes.
    forgetServedGuide();
    const again = await practicalGuidePdf(inputs, db, new Date("2026-11-23T10:00:00Z"));
    expect(again).toMatchObject({ built: false, version: first.version });
    expect(again.pdf.equals(first.pdf)).toBe(true);

    // New help content: a new version, built and stored; the old one is removed.
    const themes = HELP_THEMES.map((theme, index) => (index === 0 ? { ...theme, summary: `${theme.summary} (mis à jour)` } : theme));
    expect(guideVersion({ ...inputs, themes })).not.toBe(first.version);
    const rebuilt = await practicalGuidePdf({ ...inputs, themes }, db, new Date("2026-11-24T10:00:00Z"));
    expect(rebuilt.built).toBe(true);
    expect(rebuilt.version).not.toBe(first.version);
    expect(rebuilt.pdf.equals(first.pdf)).toBe(false);
    const stored = await db.generatedDocument.findMany({ select: { kind: true, version: true } });
    expect(stored).toEqual([{ kind: "practical-guide", version: rebuilt.version }]);

    // Other contacts change the document too.
    expect(guideVersion({ ...inputs, support: { ...inputs.support, phone: "09 99 99 99 99" } })).not.toBe(first.version);
  });
});
