import { describe, expect, it } from "vitest";
import { NBSP, NNBSP, typeset } from "./typography";

describe("issue 16 item 7 — French typography applied by one function", () => {
  it("puts a narrow no-break space before ; ! ? and a no-break space before :", () => {
    expect(typeset("Vous avez oublié ? Cliquez ; c'est fait !")).toBe(`Vous avez oublié${NNBSP}? Cliquez${NNBSP}; c'est fait${NNBSP}!`);
    expect(typeset("Identifiant : jean-dupont")).toBe(`Identifiant${NBSP}: jean-dupont`);
    expect(typeset("Identifiant: jean")).toBe(`Identifiant${NBSP}: jean`);
    expect(typeset("Vraiment?")).toBe(`Vraiment${NNBSP}?`);
  });

  it("puts no-break spaces inside guillemets", () => {
    expect(typeset("le bouton « Valider »")).toBe(`le bouton «${NBSP}Valider${NBSP}»`);
    expect(typeset("le bouton «Valider»")).toBe(`le bouton «${NBSP}Valider${NBSP}»`);
  });

  it("leaves addresses, times and query strings whole", () => {
    for (const text of ["https://portail.example/aide?categorie=x", "de 9:30 à 12:00", "mailto:a@b.fr", "?!"]) expect(typeset(text)).toBe(text);
  });

  it("writes 1er for the first day of a month, and only for it", () => {
    expect(typeset("le 1 janvier 2027")).toBe("le 1er janvier 2027");
    expect(typeset("du 1 mai au 31 mai")).toBe("du 1er mai au 31 mai");
    expect(typeset("le 11 janvier, le 21 mars, 1 maison")).toBe("le 11 janvier, le 21 mars, 1 maison");
  });

  it("uses one apostrophe style: the straight one", () => {
    expect(typeset("l’administrateur d’Annecy")).toBe("l'administrateur d'Annecy");
  });

  it("is idempotent", () => {
    const once = typeset("Objet : « Annecy » ; le 1 juin !");
    expect(typeset(once)).toBe(once);
  });
});
