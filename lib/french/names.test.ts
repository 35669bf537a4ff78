import { describe, expect, it } from "vitest";
import { aNom, deNom, guessTypeLiaison, mairieDe } from "./names";

describe("issue 16 item 1 — organisation names in French sentences (INSEE TNCC, typeLiaison)", () => {
  const cases: [number, string, string, string][] = [
    [0, "Saint-Denis", "de Saint-Denis", "à Saint-Denis"],
    [1, "Annecy", "d'Annecy", "à Annecy"],
    [2, "Le Havre", "du Havre", "au Havre"],
    [3, "La Rochelle", "de La Rochelle", "à La Rochelle"],
    [4, "Les Ulis", "des Ulis", "aux Ulis"],
    [5, "L'Haÿ-les-Roses", "de L'Haÿ-les-Roses", "à L'Haÿ-les-Roses"],
    [6, "Aux Marais", "des Marais", "aux Marais"],
    [7, "Las Illas", "de Las Illas", "à Las Illas"],
    [8, "Los Masos", "de Los Masos", "à Los Masos"],
  ];
  for (const [typeLiaison, name, de, a] of cases) {
    it(`type ${typeLiaison}: ${de}, ${a}`, () => {
      expect(deNom({ name, typeLiaison })).toBe(de);
      expect(aNom({ name, typeLiaison })).toBe(a);
    });
  }

  it("reads an unknown or missing type as a plain 'de'", () => {
    expect(deNom({ name: "Commune test" })).toBe("de Commune test");
    expect(deNom({ name: "Commune test", typeLiaison: 42 })).toBe("de Commune test");
  });

  it("addresses the mairie", () => {
    expect(mairieDe({ name: "Annecy", typeLiaison: 1 })).toBe("Mairie d'Annecy");
    expect(mairieDe({ name: "Le Havre", typeLiaison: 2 })).toBe("Mairie du Havre");
    expect(mairieDe({ name: "Annecy-le-Vieux", typeLiaison: 1 }, true)).toBe("Mairie déléguée d'Annecy-le-Vieux");
  });

  it("guesses the type of names the open data does not cover", () => {
    expect(guessTypeLiaison("Le Grand Village")).toBe(2);
    expect(guessTypeLiaison("Les Communes Réunies")).toBe(4);
    expect(guessTypeLiaison("La Vallée")).toBe(3);
    expect(guessTypeLiaison("L'Isle")).toBe(5);
    expect(guessTypeLiaison("Eurométropole de Strasbourg")).toBe(1);
    expect(guessTypeLiaison("CA du Grand Annecy")).toBe(0);
  });
});
