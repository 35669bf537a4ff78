import { describe, expect, it } from "vitest";
import {
  CODE_FORMATS,
  codeHint,
  departmentOfInsee,
  inseeCodeOf,
  luhnValid,
  ORGANISATION_KINDS,
  validateOrganisationCode,
  validateSiren,
  validateSiret,
} from "./organisation-codes";

function refusal(result: ReturnType<typeof validateOrganisationCode>): string {
  expect(result.ok).toBe(false);
  return (result as { message: string }).message;
}

describe("ORG-3 organisation codes are validated per kind", () => {
  describe("public body: 6 digits followed by RH (seed 004)", () => {
    it("accepts 123456RH", () => {
      expect(validateOrganisationCode("PUBLIC_BODY", "123456RH")).toEqual({ ok: true, code: "123456RH" });
    });

    it("trims and upper-cases before checking", () => {
      expect(validateOrganisationCode("PUBLIC_BODY", " 123456rh ")).toEqual({ ok: true, code: "123456RH" });
      expect(validateOrganisationCode("PUBLIC_BODY", "\t654321Rh\n")).toEqual({ ok: true, code: "654321RH" });
    });

    it("refuses 12345RH with a message naming the expected format", () => {
      const message = refusal(validateOrganisationCode("PUBLIC_BODY", "12345RH"));
      expect(message).toMatch(/6 chiffres suivis des lettres RH/);
      expect(message).toMatch(/123456RH/);
    });

    it.each(["1234567RH", "123456R", "123456", "RH123456", "123 456RH", "123456RHX", "ABCDEFRH"])("refuses %s", (code) => {
      expect(refusal(validateOrganisationCode("PUBLIC_BODY", code))).toMatch(/6 chiffres suivis des lettres RH/);
    });

    it("an empty code asks for one, still stating the format", () => {
      const message = refusal(validateOrganisationCode("PUBLIC_BODY", "   "));
      expect(message).toMatch(/^Indiquez le code organisation/);
      expect(message).toMatch(/123456RH/);
    });
  });

  describe("commune: INSEE code, with D/A for communes déléguées and associées", () => {
    it.each([
      ["42218", "42218"],
      ["01015", "01015"],
      ["01015d", "01015D"],
      ["01015A", "01015A"],
      ["97101", "97101"],
      [" 2a004 ", "2A004"],
      ["2B033", "2B033"],
    ])("accepts %j as %s", (input, code) => {
      expect(validateOrganisationCode("COMMUNE", input)).toEqual({ ok: true, code });
    });

    it.each(["4221", "422180", "2C004", "2A04", "A2004", "42218X", "42218DD", "4221B"])("refuses %s and states the INSEE format", (code) => {
      const message = refusal(validateOrganisationCode("COMMUNE", code));
      expect(message).toMatch(/code INSEE/);
      expect(message).toMatch(/2A, 2B en Corse/);
    });

    it("derives the INSEE code and the department", () => {
      expect(inseeCodeOf("COMMUNE", "01015D")).toBe("01015");
      expect(inseeCodeOf("EPCI", "242500361")).toBeNull();
      expect(departmentOfInsee("2A004")).toBe("2A");
      expect(departmentOfInsee("42218")).toBe("42");
      expect(departmentOfInsee("97411")).toBe("974");
    });
  });

  describe("EPCI and company: SIREN with its Luhn key", () => {
    it.each(["EPCI", "COMPANY"] as const)("%s: accepts a valid SIREN", (kind) => {
      expect(validateOrganisationCode(kind, "242500361")).toEqual({ ok: true, code: "242500361" });
      expect(validateOrganisationCode(kind, " 552100554")).toEqual({ ok: true, code: "552100554" });
    });

    it.each(["EPCI", "COMPANY"] as const)("%s: refuses a bad checksum, saying so and stating the format", (kind) => {
      const message = refusal(validateOrganisationCode(kind, "242500362"));
      expect(message).toMatch(/chiffre de contrôle est faux/);
      expect(message).toMatch(/9 chiffres/);
    });

    it.each(["24250036", "2425003610", "24250036A", "W24250036"])("refuses %s as not 9 digits", (code) => {
      expect(refusal(validateOrganisationCode("EPCI", code))).toMatch(/SIREN de l'intercommunalité, soit 9 chiffres/);
    });
  });

  describe("association: RNA number", () => {
    it("accepts W + 9 digits, upper-casing the W", () => {
      expect(validateOrganisationCode("ASSOCIATION", "w123456789")).toEqual({ ok: true, code: "W123456789" });
    });

    it.each(["123456789", "W12345678", "W1234567890", "X123456789"])("refuses %s", (code) => {
      expect(refusal(validateOrganisationCode("ASSOCIATION", code))).toMatch(/lettre W suivie de 9 chiffres/);
    });
  });

  describe("other: 3 to 20 letters, digits or hyphens", () => {
    it.each([
      ["abc", "ABC"],
      ["org-2026", "ORG-2026"],
      ["A".repeat(20), "A".repeat(20)],
    ])("accepts %s as %s", (input, code) => {
      expect(validateOrganisationCode("OTHER", input)).toEqual({ ok: true, code });
    });

    it.each(["AB", "A".repeat(21), "ÉCOLE", "ORG 2026", "ORG_2026"])("refuses %s", (code) => {
      expect(refusal(validateOrganisationCode("OTHER", code))).toMatch(/de 3 à 20 caractères/);
    });
  });

  it("every kind has a format and a French hint, and a code valid for one kind is checked against its own", () => {
    for (const kind of ORGANISATION_KINDS) {
      expect(CODE_FORMATS[kind].description).toBeTruthy();
      expect(codeHint(kind)).toMatch(/^Attendu : /);
    }
    expect(validateOrganisationCode("COMMUNE", "123456RH").ok).toBe(false);
    expect(validateOrganisationCode("PUBLIC_BODY", "42218").ok).toBe(false);
  });
});

describe("ORG-4 SIREN and SIRET numbers", () => {
  it("Luhn checksum", () => {
    expect(luhnValid("242500361")).toBe(true);
    expect(luhnValid("242500362")).toBe(false);
    expect(luhnValid("")).toBe(false);
    expect(luhnValid("12a")).toBe(false);
  });

  it("SIREN: 9 digits with a valid key, grouping spaces ignored", () => {
    expect(validateSiren("242 500 361")).toEqual({ ok: true, value: "242500361" });
    expect(validateSiren("242500361")).toEqual({ ok: true, value: "242500361" });
    expect(validateSiren("242500362")).toMatchObject({ ok: false, message: expect.stringMatching(/chiffre de contrôle/) });
    expect(validateSiren("24250036")).toMatchObject({ ok: false, message: expect.stringMatching(/9 chiffres/) });
  });

  it("SIRET: 14 digits, valid key on the whole number and on its SIREN", () => {
    expect(validateSiret("242 500 361 00017")).toEqual({ ok: true, value: "24250036100017" });
    expect(validateSiret("24250036100018")).toMatchObject({ ok: false, message: expect.stringMatching(/chiffre de contrôle/) });
    expect(validateSiret("2425003610001")).toMatchObject({ ok: false, message: expect.stringMatching(/14 chiffres/) });
  });

  it("SIRET: La Poste's establishments follow their own rule (digit sum a multiple of 5)", () => {
    expect(validateSiret("35600000000042").ok).toBe(true);
    expect(validateSiret("35600000000043").ok).toBe(false);
  });
});
