import { describe, expect, it } from "vitest";
import { z } from "zod";
import { formData } from "../testing/actions";
import { parseForm } from "../forms";
import { eServiceUpdateSchema } from "../catalogue/schemas";
import { ticketMessageSchema, ticketRequestSchema } from "../support/schemas";
import { FORBIDDEN_CHARACTERS_MESSAGE, containsNul, isAllowedText, multiline, queryText } from "./input-text";

describe("SEC-9 one rule on the characters of typed text", () => {
  it("refuses NUL, every other C0 control, DEL and C1 controls in single-line text", () => {
    for (let code = 0; code < 0x20; code += 1) expect(isAllowedText(`a${String.fromCharCode(code)}b`), `U+${code.toString(16)}`).toBe(false);
    expect(isAllowedText("a\u007Fb")).toBe(false);
    expect(isAllowedText("a\u0085b")).toBe(false);
    expect(isAllowedText("a\u009Fb")).toBe(false);
  });

  it("refuses the bidi embeddings, overrides and isolates, which make a name read differently from what is stored", () => {
    for (const character of ["\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069"]) {
      expect(isAllowedText(`claire${character}martin`)).toBe(false);
      expect(isAllowedText(`claire${character}martin`, { multiline: true })).toBe(false);
    }
  });

  it("lets tab and line breaks through in multi-line text only; NUL never", () => {
    expect(isAllowedText("Bonjour,\r\n\tmerci.\n")).toBe(false);
    expect(isAllowedText("Bonjour,\r\n\tmerci.\n", { multiline: true })).toBe(true);
    expect(isAllowedText("a\u0000b", { multiline: true })).toBe(false);
    expect(isAllowedText("a\u000Bb", { multiline: true })).toBe(false);
  });

  it("accepts what people write: accents, apostrophes, emoji, non-Latin scripts, SQL and HTML metacharacters", () => {
    for (const text of ["Zoé L’Hôte-Ngô", "Æsa Øresund ß", "Ана 李雷 محمد", "🙂 école", "'; DROP TABLE accounts; --", "<script>alert(1)</script>", "\u00A0espace insécable", "a\u200Eb"]) {
      expect(isAllowedText(text), text).toBe(true);
    }
  });

  it("reads query strings: the first value, nothing when it holds a refused character", () => {
    expect(queryText("mairie")).toBe("mairie");
    expect(queryText(["a", "b"])).toBe("a");
    expect(queryText("a\u0000")).toBeUndefined();
    expect(queryText(undefined)).toBeUndefined();
    expect(queryText(null)).toBeUndefined();
  });

  it("finds a NUL anywhere in bytes", () => {
    const bytes = new Uint8Array(20_000).fill(0x61);
    expect(containsNul(bytes)).toBe(false);
    bytes[19_999] = 0;
    expect(containsNul(bytes)).toBe(true);
  });
});

describe("SEC-9 parseForm applies the rule to every field before the schema", () => {
  const schema = z.object({ lastName: z.string(), note: multiline(z.string()), other: z.string().optional() });

  it("refuses a NUL or a bidi override in any field with the French message, echoing the values but no secret", () => {
    const result = parseForm(schema, formData({ lastName: "Dup\u0000ont", note: "ok", password: "sec\u202Eret" }), ["password"]);
    expect(result.ok).toBe(false);
    if (result.ok || result.state.status !== "error") throw new Error("refused expected");
    expect(result.state.message).toBe("Le formulaire contient des erreurs : corrigez les champs signalés.");
    expect(result.state.fieldErrors).toEqual({ lastName: FORBIDDEN_CHARACTERS_MESSAGE, password: FORBIDDEN_CHARACTERS_MESSAGE });
    expect(result.state.values).toEqual({ lastName: "Dup\u0000ont", note: "ok" });
  });

  it("lets line breaks and tabs through in fields the schema marks multi-line, not elsewhere", () => {
    expect(parseForm(schema, formData({ lastName: "Dupont", note: "ligne 1\r\n\tligne 2" }))).toEqual({
      ok: true,
      data: { lastName: "Dupont", note: "ligne 1\r\n\tligne 2" },
    });
    const refused = parseForm(schema, formData({ lastName: "Du\npont", note: "x" }));
    expect(refused.ok).toBe(false);
  });

  it("knows the multi-line fields of the real forms: a ticket's message, not its organisation label", () => {
    const ticket = { category: "ACCESS", contactEmail: "a@b.fr", message: "Bonjour,\r\nje n'arrive pas à me connecter.", stepsTried: "1.\tredémarré\r\n2. vidé le cache" };
    const accepted = parseForm(ticketRequestSchema, formData(ticket));
    expect(accepted.ok ? "ok" : accepted.state).toBe("ok");
    expect(parseForm(ticketMessageSchema, formData({ body: "Merci\r\n" })).ok).toBe(true);
    expect(parseForm(ticketMessageSchema, formData({ body: "Merci\u0000" })).ok).toBe(false);
    expect(parseForm(ticketRequestSchema, formData({ ...ticket, organisationLabel: "Mairie\r\nde X" })).ok).toBe(false);
  });

  it("finds the fields of a schema piped into a transform: the catalogue's description and terms keep their paragraphs", () => {
    const service = {
      eServiceId: "0190f3a4-0000-7000-8000-000000000000",
      name: "Cadastre",
      slug: "cadastre",
      description: "Consultez le plan.\r\n\r\nEt la matrice.",
      url: "https://cadastre.example/",
      termsText: "Article 1.\r\n\tUsage réservé aux agents.",
    };
    const accepted = parseForm(eServiceUpdateSchema, formData(service));
    expect(accepted.ok ? "ok" : accepted.state).toBe("ok");
    const refused = parseForm(eServiceUpdateSchema, formData({ ...service, name: "Cad\r\nastre" }));
    expect(refused.ok ? {} : refused.state.status === "error" && refused.state.fieldErrors).toEqual({ name: FORBIDDEN_CHARACTERS_MESSAGE });
  });

  it("leaves files to their own checks", () => {
    const withFile = parseForm(z.object({ file: z.instanceof(Blob) }), formData({ file: new Blob(["\u0000"]) }));
    expect(withFile.ok).toBe(true);
  });
});
