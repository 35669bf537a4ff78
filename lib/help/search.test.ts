import { describe, expect, it } from "vitest";
import { allHelpEntries, HELP_THEMES } from "./content";
import { normalizeForSearch, searchHelp, searchWords } from "./search";
import { parseInline, plainText } from "./text";

const entries = allHelpEntries().map(({ entry }) => entry);

describe("HELP-1 help search", () => {
  it("ignores accents, case and ligatures", () => {
    expect(normalizeForSearch("Compte DÉSACTIVÉ, œuvre « Æther »")).toBe("compte desactive oeuvre aether");
  });

  it("finds the deactivated account with or without accents, first", () => {
    for (const query of ["compte désactivé", "COMPTE DESACTIVE", "Mon compte est désactivé", "desactive compte"]) {
      expect(searchHelp(entries, query)[0], query).toBe("compte-desactive");
    }
  });

  it("requires every word: several words narrow the results", () => {
    const one = searchHelp(entries, "courrier");
    const two = searchHelp(entries, "courrier représentant");
    expect(one.length).toBeGreaterThan(two.length);
    expect(two).toContain("courrier-non-recu");
    for (const id of two) expect(one).toContain(id);
    expect(searchHelp(entries, "courrier zèbre")).toEqual([]);
  });

  it("searches answers and keywords, not only questions", () => {
    expect(searchHelp(entries, "spam")).toEqual(expect.arrayContaining(["acces-non-recus", "courriel-confirmation"]));
    expect(searchHelp(entries, "Acrobat")).toEqual(["export-pdf"]);
    // "16 mois" is written in the answer, "[Renvoyer…](/activation/renvoyer)" only by its label.
    expect(searchHelp(entries, "16 mois")).toContain("compte-desactive");
    expect(searchHelp(entries, "activation renvoyer")).not.toHaveLength(0);
    expect(searchHelp(entries, "/activation/renvoyer")).toEqual(searchHelp(entries, "activation renvoyer"));
  });

  it("an empty query or only small words gives everything, in order", () => {
    expect(searchWords("  le la de  ")).toEqual([]);
    expect(searchHelp(entries, "   ")).toEqual(entries.map((entry) => entry.id));
  });
});

describe("HELP-1 help content", () => {
  it("has unique anchors and covers every situation of the seeds", () => {
    const ids = entries.map((entry) => entry.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(HELP_THEMES.map((theme) => theme.id)).size).toBe(HELP_THEMES.length);
    for (const query of [
      "accès pas reçu",
      "identifiant oublié",
      "mot de passe oublié",
      "changer mot de passe",
      "compte désactivé",
      "plusieurs organisations",
      "qui valide",
      "représentant légal",
      "administrateur",
      "utilisateur",
      "courrier 5 jours",
      "bouton valider",
      "courriel confirmation",
      "abonnement validité",
      "export pdf",
      "chiffres faux",
      "navigateurs",
      "cookies",
    ]) {
      expect(searchHelp(entries, query).length, query).toBeGreaterThan(0);
    }
  });

  it("links only to pages of this portal", () => {
    const links = entries.flatMap((entry) =>
      entry.answer.flatMap((block) => (typeof block === "string" ? [block] : "steps" in block ? block.steps : block.points)).flatMap(parseInline),
    );
    const hrefs = links.flatMap((part) => ("href" in part ? [part.href] : []));
    expect(hrefs.length).toBeGreaterThan(20);
    for (const href of hrefs) expect(href).toMatch(/^\/[a-z0-9/#?=&-]*$/);
  });

  it("parses links", () => {
    expect(parseInline("Voir [la page](/aide) puis fin")).toEqual([{ text: "Voir " }, { text: "la page", href: "/aide" }, { text: " puis fin" }]);
    expect(plainText("Voir [la page](/aide).")).toBe("Voir la page.");
  });
});
