import { describe, expect, it } from "vitest";
import { postalCityLine } from "../../lib/organisations/postal-address";
import { directoryRows } from "./directory";

describe("ORG-1 organisation directory from @etalab/decoupage-administratif", () => {
  const rows = directoryRows();

  it("holds every commune actuelle and EPCI, about 36,200 organisations", () => {
    expect(rows.length).toBeGreaterThan(36_000);
    expect(rows.filter((row) => row.kind === "EPCI").length).toBeGreaterThan(1_200);
    expect(rows.filter((row) => row.kind === "COMMUNE").length).toBeGreaterThan(34_800);
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

  it("ORG-1 / issue 16 item 8: offers only what can register, communes déléguées as former names of their commune", () => {
    expect(rows.filter((row) => row.inseeCode === "01015").map((row) => row.code)).toEqual(["01015"]);
    expect(rows.some((row) => /D$|A$/.test(row.code) && row.kind === "COMMUNE")).toBe(false);
    expect(rows.some((row) => row.name.includes("Arrondissement"))).toBe(false);
    const annecy = rows.find((row) => row.code === "74010");
    expect(annecy?.formerNames).toContain("Annecy-le-Vieux");
    expect(annecy?.formerNames).not.toContain("Annecy");
    expect(rows.find((row) => row.code === "75056")?.formerNames.length).toBe(20);
    expect(rows.every((row) => row.formerNames.every((name) => !name.includes("|")))).toBe(true);
  });

  it("issue 16 item 1: keeps each commune's typeLiaison and names its mairie with it", () => {
    expect(rows.find((row) => row.code === "74010")).toMatchObject({ typeLiaison: 1, addressRecipient: "Mairie d'Annecy" });
    expect(rows.find((row) => row.code === "76351")).toMatchObject({ typeLiaison: 2, addressRecipient: "Mairie du Havre" });
    expect(rows.find((row) => row.code === "91692")).toMatchObject({ typeLiaison: 4, addressRecipient: "Mairie des Ulis" });
    expect(rows.find((row) => row.code === "17300")).toMatchObject({ typeLiaison: 3, addressRecipient: "Mairie de La Rochelle" });
  });

  it("issue 16 item 8: gives every organisation its département", () => {
    expect(rows.filter((row) => !row.departmentCode).map((row) => row.name)).toEqual([]);
  });

  it("writes the city line in capitals without accents", () => {
    expect(postalCityLine("L'Abergement-Clémenciat")).toBe("L ABERGEMENT CLEMENCIAT");
    expect(postalCityLine("Œuilly")).toBe("OEUILLY");
  });
});
