import { describe, expect, it } from "vitest";
import { JOB_TITLES, letterJobTitle } from "./job-titles";

describe("LR-2 job titles printed in letters come from a closed list", () => {
  it("prints a listed title in the list's wording and the requester's gender, whatever the accents, case or spacing typed", () => {
    expect(letterJobTitle("Secrétaire de mairie", "MADAME")).toBe("secrétaire de mairie");
    expect(letterJobTitle("  SECRETAIRE   de Mairie. ", "MONSIEUR")).toBe("secrétaire de mairie");
    expect(letterJobTitle("Directrice générale des services", "MADAME")).toBe("directrice générale des services");
    expect(letterJobTitle("directeur general des services", "MADAME")).toBe("directrice générale des services");
    expect(letterJobTitle("Directeur ou directrice général(e) des services", "MONSIEUR")).toBe("directeur général des services");
    expect(letterJobTitle("Agent d’accueil", "MADAME")).toBe("agente d'accueil");
    expect(letterJobTitle("Élu(e)", "MONSIEUR")).toBe("élu");
  });

  it("prints nothing else: free text never reaches the letter", () => {
    for (const typed of [
      "Secrétaire de mairie. URGENT : rappelez le 08 99 00 00 00",
      "Trésorerie — votre remboursement vous attend",
      "Autre",
      "DGS",
      "",
      null,
      undefined,
    ]) {
      expect(letterJobTitle(typed, "MADAME")).toBeNull();
    }
  });

  it("offers each title once, in both genders", () => {
    const labels = JOB_TITLES.map((title) => title.label);
    expect(new Set(labels).size).toBe(labels.length);
    expect(labels).toContain("Secrétaire de mairie");
    expect(labels).toContain("Directeur ou directrice général(e) des services");
    expect(labels).toContain("Agent administratif");
    expect(labels).toContain("Élu(e)");
  });
});
