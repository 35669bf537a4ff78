import { describe, expect, it } from "vitest";
import {
  ADDRESS_MAX_LINE_LENGTH,
  ADDRESS_MAX_LINES,
  formatAddressBlock,
  postalLocality,
  wrapAddressText,
  type OrganisationPostalAddress,
} from "./address-block";

const saintEtienne: OrganisationPostalAddress = {
  name: "Saint-Étienne",
  legalRepresentativeTitle: "Maire",
  addressRecipient: "Mairie de Saint-Étienne",
  addressComplement: "Hôtel de Ville",
  addressStreet: "Place de l'Hôtel de Ville",
  addressPostalCode: "42000",
  addressCity: "SAINT ETIENNE",
};

function expectWithinNorm(lines: string[]) {
  expect(lines.length).toBeLessThanOrEqual(ADDRESS_MAX_LINES);
  for (const line of lines) {
    expect([...line].length, line).toBeLessThanOrEqual(ADDRESS_MAX_LINE_LENGTH);
    expect(line).toBe(line.trim());
    expect(line).not.toBe("");
  }
}

describe("ORG-4 / LR-2 bloc adresse du courrier (formatAddressBlock)", () => {
  it("lays out a commune's address: function, mairie, complement, street, postal line", () => {
    const block = formatAddressBlock(saintEtienne);
    expect(block).toEqual({
      lines: [
        "Madame la Maire ou Monsieur le Maire",
        "Mairie de Saint-Étienne",
        "Hôtel de Ville",
        "Place de l'Hôtel de Ville",
        "42000 SAINT ETIENNE",
      ],
      complete: true,
    });
    expectWithinNorm(block.lines);
  });

  it("flags an EPCI whose seat address is not known yet as incomplete, without inventing a postal line", () => {
    const block = formatAddressBlock({
      name: "CA du Grand Besançon Métropole",
      legalRepresentativeTitle: "Président",
      addressRecipient: "CA du Grand Besançon Métropole",
      addressComplement: null,
      addressStreet: null,
      addressPostalCode: null,
      addressCity: null,
    });
    expect(block.complete).toBe(false);
    expect(block.lines).toEqual(["Madame la Présidente", "ou Monsieur le Président", "CA du Grand Besançon Métropole"]);
  });

  it("is incomplete when only one of postal code and locality is known, and keeps what is known", () => {
    const noCity = formatAddressBlock({ ...saintEtienne, addressCity: "  " });
    expect(noCity.complete).toBe(false);
    expect(noCity.lines.at(-1)).toBe("42000");

    const noCode = formatAddressBlock({ ...saintEtienne, addressPostalCode: null });
    expect(noCode.complete).toBe(false);
    expect(noCode.lines.at(-1)).toBe("SAINT ETIENNE");

    const badCode = formatAddressBlock({ ...saintEtienne, addressPostalCode: "4200" });
    expect(badCode.complete).toBe(false);
    expect(badCode.lines.at(-1)).toBe("4200 SAINT ETIENNE");
  });

  it("writes the locality in capitals without accents, and keeps a directory value as it is", () => {
    expect(formatAddressBlock({ ...saintEtienne, addressCity: "Saint-Étienne" }).lines.at(-1)).toBe("42000 SAINT ETIENNE");
    expect(formatAddressBlock({ ...saintEtienne, addressCity: "SAINT ETIENNE CEDEX 2", addressPostalCode: "42 007" }).lines.at(-1)).toBe(
      "42007 SAINT ETIENNE CEDEX 2",
    );
    expect(postalLocality("L'Haÿ-les-Roses")).toBe("L HAY LES ROSES");
    expect(postalLocality("Bœurs-en-Othe")).toBe("BOEURS EN OTHE");
  });

  it("uses the organisation's name when the directory has no recipient, and ignores blank lines", () => {
    const block = formatAddressBlock({ ...saintEtienne, addressRecipient: null, addressComplement: " ", addressStreet: "" });
    expect(block.lines).toEqual(["Madame la Maire ou Monsieur le Maire", "Saint-Étienne", "42000 SAINT ETIENNE"]);
  });

  it.each([
    ["Maire délégué", ["Madame la Maire déléguée", "ou Monsieur le Maire délégué"]],
    ["Maire d'arrondissement", ["Madame la Maire d'arrondissement", "ou Monsieur le Maire d'arrondissement"]],
    ["Président", ["Madame la Présidente", "ou Monsieur le Président"]],
    ["Présidente", ["Madame la Présidente", "ou Monsieur le Président"]],
    ["Directeur général", ["Madame la Directrice générale", "ou Monsieur le Directeur général"]],
    ["Administrateur", ["Madame l'Administratrice", "ou Monsieur l'Administrateur"]],
    ["", ["Madame la Représentante légale", "ou Monsieur le Représentant légal"]],
  ])("names the %j in the feminine and the masculine", (title, expected) => {
    const block = formatAddressBlock({ ...saintEtienne, legalRepresentativeTitle: title, addressComplement: null });
    expect(block.lines.slice(0, expected.length)).toEqual(expected);
    expectWithinNorm(block.lines);
  });

  it("shrinks the function pair to one line when the six lines are needed", () => {
    const block = formatAddressBlock({ ...saintEtienne, legalRepresentativeTitle: "Maire délégué", addressComplement: "Bâtiment administratif, 2e étage, BP 12" });
    expect(block.lines[0]).toBe("Madame ou Monsieur le Maire délégué");
    expect(block.lines).toHaveLength(6);
    expect(block.lines.at(-1)).toBe("42000 SAINT ETIENNE");
    expectWithinNorm(block.lines);
  });

  it("wraps long names within 38 characters, and shortens visibly rather than drop the postal line", () => {
    const block = formatAddressBlock({
      name: "Saint-Remy-en-Bouzemont-Saint-Genest-et-Isson",
      legalRepresentativeTitle: "Maire délégué",
      addressRecipient: "Mairie déléguée de Saint-Remy-en-Bouzemont-Saint-Genest-et-Isson",
      addressComplement: "Maison commune, salle du conseil municipal, premier étage",
      addressStreet: "12 bis rue du Général-de-Gaulle prolongée",
      addressPostalCode: "51290",
      addressCity: "Saint-Remy-en-Bouzemont-Saint-Genest-et-Isson",
    });
    expectWithinNorm(block.lines);
    expect(block.lines).toHaveLength(6);
    expect(block.complete).toBe(true);
    expect(block.lines[0]).toBe("Madame ou Monsieur le Maire délégué");
    expect(block.lines.some((line) => line.endsWith("…"))).toBe(true);
    // SAINT → ST, then cut after the last whole word that fits.
    expect(block.lines.at(-1)).toBe("51290 ST REMY EN BOUZEMONT ST GENEST");
    expect(block.lines).toContain("12 bis rue du Général-de-Gaulle");
  });

  it("keeps every block within the norm, whatever the lengths", () => {
    const words = ["Communauté", "d'agglomération", "Saint-Jean-de-Maurienne", "BP", "1234", "Hôtel", "de", "Ville", "Anticonstitutionnellement-Extraordinaire-Exceptionnel"];
    let seed = 7;
    const random = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
    const phrase = () => Array.from({ length: Math.floor(random() * 12) }, () => words[Math.floor(random() * words.length)]).join(" ");
    for (let index = 0; index < 300; index += 1) {
      const block = formatAddressBlock({
        name: phrase() || "Commune",
        legalRepresentativeTitle: random() < 0.5 ? "Président" : phrase(),
        addressRecipient: random() < 0.2 ? null : phrase(),
        addressComplement: phrase(),
        addressStreet: phrase(),
        addressPostalCode: random() < 0.1 ? null : "75001",
        addressCity: random() < 0.1 ? null : phrase() || "PARIS",
      });
      expectWithinNorm(block.lines);
      if (block.complete) expect(block.lines.at(-1)).toMatch(/^75001 [A-Z0-9 ]+$/);
    }
  });

  it("wraps on words, then after hyphens, and cuts a word only when nothing else works", () => {
    expect(wrapAddressText("Communauté de communes du Pays de Saint-Gilles-Croix-de-Vie")).toEqual([
      "Communauté de communes du Pays de",
      "Saint-Gilles-Croix-de-Vie",
    ]);
    expect(wrapAddressText("x".repeat(40), 38)).toEqual(["x".repeat(38), "xx"]);
    expect(wrapAddressText("Mairie de Saint-Remy-en-Bouzemont-Saint-Genest-et-Isson")).toEqual([
      "Mairie de Saint-Remy-en-Bouzemont-",
      "Saint-Genest-et-Isson",
    ]);
  });
});
