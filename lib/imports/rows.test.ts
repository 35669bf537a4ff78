import { describe, expect, it } from "vitest";
import { decideRows, nameKey, parseCivility, parseDay, splitEServices, validateRow, type DecisionContext, type ExistingAccount } from "./rows";

const valid = { civility: "Madame", firstName: "Léa", lastName: "Roux", email: "Lea.Roux@Exemple.fr" };

describe("BULK-1 row validation", () => {
  it("accepts a complete row, normalising the e-mail and the optional fields", () => {
    const result = validateRow({ ...valid, category: "  Service   technique ", eServices: "Cadastre | etat-civil", openingDate: "1/9/2027" });
    expect(result).toEqual({
      ok: true,
      row: {
        civility: "MADAME",
        firstName: "Léa",
        lastName: "Roux",
        email: "lea.roux@exemple.fr",
        category: "Service technique",
        eServices: ["cadastre", "etat civil"],
        openingDate: "2027-09-01",
      },
    });
  });

  it("reads the usual ways of writing a civility", () => {
    expect(["Mme", "MADAME", "mlle", "F"].map(parseCivility)).toEqual(["MADAME", "MADAME", "MADAME", "MADAME"]);
    expect(["M.", "Monsieur", "Mr", "H"].map(parseCivility)).toEqual(["MONSIEUR", "MONSIEUR", "MONSIEUR", "MONSIEUR"]);
    expect(parseCivility("Docteur")).toBeNull();
  });

  it("reads French and ISO dates and refuses impossible days", () => {
    expect(parseDay("01/08/2027")).toBe("2027-08-01");
    expect(parseDay("2027-08-01")).toBe("2027-08-01");
    expect(parseDay("01.08.2027")).toBe("2027-08-01");
    expect(parseDay("30/02/2027")).toBeNull();
    expect(parseDay("août 2027")).toBeNull();
  });

  it("splits the e-services of a cell on |, comma or semicolon", () => {
    expect(splitEServices("Cadastre, État civil|cadastre")).toEqual(["cadastre", "etat civil"]);
  });

  it("refuses a row with every problem named: invalid e-mail, missing name, unknown civility, bad date", () => {
    const result = validateRow({ civility: "Dr", firstName: "", lastName: "Roux", email: "lea-at-exemple.fr", openingDate: "32/01/2027" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reason).toContain("Civilité « Dr » inconnue");
    expect(result.reason).toContain("prénom manquant");
    expect(result.reason).toContain("adresse électronique « lea-at-exemple.fr » invalide");
    expect(result.reason).toContain("date d'ouverture « 32/01/2027 » invalide");
  });

  it("refuses names that give no identifier (ID-1)", () => {
    const result = validateRow({ ...valid, firstName: "***" });
    expect(result).toEqual({ ok: false, reason: expect.stringContaining("Le prénom doit contenir au moins une lettre ou un chiffre") });
  });
});

function account(overrides: Partial<ExistingAccount> = {}): ExistingAccount {
  return {
    id: "00000000-0000-7000-8000-000000000001",
    identifier: "lea-roux",
    email: "lea.roux@exemple.fr",
    civility: "MADAME",
    firstName: "Léa",
    lastName: "Roux",
    category: null,
    status: "PENDING_ACTIVATION",
    deactivationReason: null,
    openingDate: null,
    welcomeSent: false,
    imported: true,
    eServiceIds: [],
    ...overrides,
  };
}

function context(accounts: ExistingAccount[] = [], correctable: ExistingAccount[] = []): DecisionContext {
  const cadastre = { id: "svc-cadastre", name: "Cadastre", subscribed: true };
  const voirie = { id: "svc-voirie", name: "Voirie", subscribed: false };
  return {
    accountsByEmail: new Map(accounts.map((item) => [item.email, item])),
    correctable: new Map(correctable.map((item) => [nameKey(item.firstName, item.lastName), [item]])),
    eServices: new Map([
      ["cadastre", cadastre],
      ["voirie", voirie],
    ]),
  };
}

describe("BULK-1 row decisions", () => {
  it("creates a new person, grants only the subscribed e-services and says which were not granted", () => {
    const [{ decision }] = decideRows([{ rowNumber: 2, values: { ...valid, eServices: "Cadastre|Voirie" } }], context());
    expect(decision.outcome).toBe("CREATED");
    if (decision.outcome === "REFUSED") return;
    expect(decision.plan.grant).toEqual(["svc-cadastre"]);
    expect(decision.reason).toContain("n'y est pas abonnée : Voirie");
  });

  it("refuses an unknown e-service and a duplicate row of the file, naming the first line", () => {
    const decisions = decideRows(
      [
        { rowNumber: 2, values: valid },
        { rowNumber: 3, values: { ...valid, firstName: "Autre" } },
        { rowNumber: 4, values: { ...valid, email: "x@exemple.fr", eServices: "Piscine" } },
      ],
      context(),
    );
    expect(decisions.map(({ decision }) => decision.outcome)).toEqual(["CREATED", "REFUSED", "REFUSED"]);
    expect(decisions[1].decision.reason).toContain("ligne 2");
    expect(decisions[2].decision.reason).toContain("E-service inconnu du catalogue : « piscine »");
  });

  it("is idempotent: the same person as the account is unchanged", () => {
    const [{ decision }] = decideRows([{ rowNumber: 2, values: valid }], context([account()]));
    expect(decision.outcome).toBe("UNCHANGED");
  });

  it("updates what changed, never the identifier, and adds e-services", () => {
    const [{ decision }] = decideRows(
      [{ rowNumber: 2, values: { ...valid, lastName: "Roux-Martin", category: "Élèves", eServices: "cadastre" } }],
      context([account()]),
    );
    expect(decision.outcome).toBe("UPDATED");
    expect(decision.reason).toContain("Modifié : nom, catégorie.");
    expect(decision.reason).toContain("E-services accordés : Cadastre.");
  });

  it("BULK-2 a new address for an imported account never activated is a correction", () => {
    const old = account({ email: "lea.rous@exemple.fr", welcomeSent: true });
    const [{ decision }] = decideRows([{ rowNumber: 2, values: valid }], context([old], [old]));
    expect(decision.outcome).toBe("UPDATED");
    if (decision.outcome === "REFUSED") return;
    expect(decision.accountId).toBe(old.id);
    expect(decision.plan.previousEmail).toBe("lea.rous@exemple.fr");
    expect(decision.reason).toContain("nouveau lien d'activation partira la nuit prochaine");
  });

  it("BULK-2 an account whose old address is still in the file is not taken for a correction", () => {
    const old = account({ email: "lea.rous@exemple.fr" });
    const decisions = decideRows(
      [
        { rowNumber: 2, values: { ...valid, email: "lea.rous@exemple.fr" } },
        { rowNumber: 3, values: valid },
      ],
      context([old], [old]),
    );
    expect(decisions.map(({ decision }) => decision.outcome)).toEqual(["UNCHANGED", "CREATED"]);
  });

  it("refuses a deactivated account with what to do", () => {
    const [{ decision }] = decideRows([{ rowNumber: 2, values: valid }], context([account({ status: "DEACTIVATED", deactivationReason: "INVALIDATED" })]));
    expect(decision.outcome).toBe("REFUSED");
    expect(decision.reason).toContain("réactivez-le depuis la liste des comptes");
  });
});

describe("SEC-9 the shared input rule in each row", () => {
  it("refuses a name or a category holding a control or bidi override character, saying which", () => {
    const result = validateRow({ ...valid, firstName: "Zo\u0001é", lastName: "\u202Exuor", category: "Service\u0007" });
    expect(result).toEqual({
      ok: false,
      reason: expect.stringMatching(/^Prénom : caractères non autorisés.*nom : caractères non autorisés.*catégorie : caractères non autorisés/),
    });
    // Line breaks and tabs inside a quoted value are spaces in a name, not a refusal.
    expect(validateRow({ ...valid, firstName: "Zoé\tMarie" })).toMatchObject({ ok: true, row: { firstName: "Zoé Marie" } });
  });
});
