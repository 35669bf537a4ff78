import { describe, expect, it } from "vitest";
import { postalCityLine } from "../../lib/organisations/postal-address";
import { directoryRows } from "./directory";

describe("ORG-1 organisation directory from @etalab/decoupage-administratif", () => {
  const rows = directoryRows();

  it("holds every commune and EPCI, about 38,800 organisations", () => {
    expect(rows.length).toBeGreaterThan(38_000);
    expect(rows.filter((row) => row.kind === "EPCI").length).toBeGreaterThan(1_200);
    expect(rows.filter((row) => row.kind === "COMMUNE").length).toBeGreaterThan(37_000);
  });

  it("gives every organisation a unique code", () => {
    expect(new Set(rows.map((row) => row.code)).size).toBe(rows.length);
  });

  it("keeps INSEE code, SIREN, postal codes and the legal representative's title", () => {
    const saintEtienne = rows.find((row) => row.code === "42218");
    expect(saintEtienne).toMatchObject({
      kind: "COMMUNE",
      name: "Saint-Étienne",
      inseeCode: "42218",
      siren: "214202186",
      legalRepresentativeTitle: "Maire",
      addressRecipient: "Mairie de Saint-Étienne",
      addressCity: "SAINT ETIENNE",
    });
    expect(saintEtienne?.postalCodes).toContain("42000");

    const besancon = rows.find((row) => row.code === "242500361");
    expect(besancon).toMatchObject({ kind: "EPCI", siren: "242500361", legalRepresentativeTitle: "Président" });
    // An EPCI is found by the postal codes of its member communes.
    expect(besancon?.postalCodes).toContain("25000");
  });

  it("distinguishes communes déléguées sharing their commune nouvelle's INSEE code", () => {
    const sharing = rows.filter((row) => row.inseeCode === "01015");
    expect(sharing.map((row) => row.code).sort()).toEqual(["01015", "01015D"]);
    expect(sharing.find((row) => row.code === "01015D")?.legalRepresentativeTitle).toBe("Maire délégué");
    expect(sharing.every((row) => row.postalCodes.length > 0)).toBe(true);
  });

  it("writes the city line in capitals without accents", () => {
    expect(postalCityLine("L'Abergement-Clémenciat")).toBe("L ABERGEMENT CLEMENCIAT");
    expect(postalCityLine("Œuilly")).toBe("OEUILLY");
  });
});
