import { describe, expect, it } from "vitest";
import {
  decodeCsv,
  decodeWindows1252,
  decodeWindows1252ByTable,
  detectSeparator,
  mapHeaders,
  MAX_FILE_BYTES,
  MAX_ROWS,
  nativeWindows1252,
  parseCsvFile,
} from "./csv";
import { UserError } from "../operation";

const utf8 = (text: string) => new TextEncoder().encode(text);

/** Windows-1252 bytes of a Latin-1-range text (é = 0xE9…), plus the few 0x80–0x9F characters used here. */
function cp1252(text: string): Uint8Array {
  const special: Record<string, number> = { "€": 0x80, "œ": 0x9c, "’": 0x92 };
  return Uint8Array.from([...text].map((character) => special[character] ?? character.charCodeAt(0)));
}

describe("BULK-1 CSV parsing: encodings", () => {
  it("reads UTF-8 without BOM", () => {
    const parsed = parseCsvFile(utf8("civilité;prénom;nom;adresse électronique\nMadame;Zoé;Lefèvre;zoe@exemple.fr\n"));
    expect(parsed.encoding).toBe("utf-8");
    expect(parsed.records[0].values).toMatchObject({ firstName: "Zoé", lastName: "Lefèvre" });
  });

  it("drops the UTF-8 BOM so that the first header is still recognised", () => {
    const parsed = parseCsvFile(utf8("\uFEFFCivilité;Prénom;Nom;Adresse électronique\nM.;Noël;Bœuf;noel@exemple.fr\n"));
    expect(parsed.columns.civility).toBe(0);
    expect(parsed.records[0].values.lastName).toBe("Bœuf");
  });

  it("reads Windows-1252 (what spreadsheet software writes) when the bytes are not UTF-8", () => {
    const bytes = cp1252("Civilité;Prénom;Nom;Adresse électronique\r\nMadame;Hélène;Cœur;helene@exemple.fr\r\n");
    expect(decodeCsv(bytes).encoding).toBe("windows-1252");
    const parsed = parseCsvFile(bytes);
    expect(parsed.records[0].values).toMatchObject({ firstName: "Hélène", lastName: "Cœur", email: "helene@exemple.fr" });
  });
});

describe("BULK-1 CSV parsing: separators, quotes, headers", () => {
  it("detects the separator from the header line, ignoring quoted ones", () => {
    expect(detectSeparator('"a;b",c,d\n')).toBe(",");
    expect(detectSeparator("a;b;c\n")).toBe(";");
    expect(detectSeparator("a,b;c;d\n")).toBe(";");
  });

  it("reads comma-separated files with quoted values containing separators, quotes and line breaks", () => {
    const parsed = parseCsvFile(
      utf8('civilite,prenom,nom,email,categorie\nMadame,"Anne, Marie","D""Arc",anne@exemple.fr,"Service\ntechnique"\nMonsieur,Paul,Roy,paul@exemple.fr,\n'),
    );
    expect(parsed.separator).toBe(",");
    expect(parsed.records[0].values).toMatchObject({ firstName: "Anne, Marie", lastName: 'D"Arc', category: "Service\ntechnique" });
    // Line numbers follow the file: the second record ends on line 4.
    expect(parsed.records.map((record) => record.rowNumber)).toEqual([3, 4]);
  });

  it("matches header names whatever their accents, case, spaces and punctuation", () => {
    expect(mapHeaders(["CIVILITÉ", " Prénom ", "NOM", "Adresse e-mail", "Catégorie", "E-services", "Date d'ouverture"])).toEqual({
      civility: 0,
      firstName: 1,
      lastName: 2,
      email: 3,
      category: 4,
      eServices: 5,
      openingDate: 6,
    });
  });

  it("skips blank lines and lines of empty cells, keeping the file's line numbers", () => {
    const parsed = parseCsvFile(utf8("civilité;prénom;nom;courriel\n\nMadame;Léa;Roux;lea@exemple.fr\n;;;\n"));
    expect(parsed.records).toHaveLength(1);
    expect(parsed.records[0].rowNumber).toBe(3);
  });
});

describe("BULK-1 CSV parsing: files refused with a clear message", () => {
  const refuses = (bytes: Uint8Array, message: RegExp) => {
    expect(() => parseCsvFile(bytes)).toThrow(UserError);
    expect(() => parseCsvFile(bytes)).toThrow(message);
  };

  it("an empty file, a header alone", () => {
    refuses(new Uint8Array(), /vide/);
    refuses(utf8("civilité;prénom;nom;courriel\n"), /aucune ligne/);
  });

  it("a header without the mandatory columns names the missing ones", () => {
    refuses(utf8("nom;prénom\nRoux;Léa\n"), /il manque « civilité », « adresse électronique »/);
  });

  it("a binary file", () => {
    refuses(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08]), /n'est pas un fichier texte CSV/);
  });

  it("a malformed quote", () => {
    refuses(utf8('civilité;prénom;nom;courriel\nMadame;"Léa;Roux;lea@exemple.fr\n'), /mal formé/);
  });

  it("a file over the size limit, or over the row limit", () => {
    refuses(new Uint8Array(MAX_FILE_BYTES + 1).fill(0x41), /taille maximale de 10 Mo/);
    const many = "civilité;prénom;nom;courriel\n" + "Madame;A;B;a@b.fr\n".repeat(MAX_ROWS + 1);
    refuses(utf8(many), /50\u202f?\s?000 au plus|au plus par import/);
  });
});

describe("BULK-1 Windows-1252 decoding of 0x80–0x9F", () => {
  const sample = Uint8Array.from([0x80, 0x9c, 0x8c, 0x92, 0x41, 0xe9]);

  it("gives €, œ, Œ and typographic apostrophes, not control characters, on this Node", () => {
    expect(decodeWindows1252(sample)).toBe("€œŒ’Aé");
  });

  it("gives them with the hand-made table too (the path Node 20 takes)", () => {
    expect(decodeWindows1252ByTable(sample)).toBe("€œŒ’Aé");
  });

  const nodeMajor = Number(process.versions.node.split(".")[0]);
  it.runIf(nodeMajor >= 24)("Node 24's own TextDecoder is right, byte for byte, and is the one used", () => {
    const everyByte = Uint8Array.from({ length: 256 }, (_, byte) => byte);
    expect(nativeWindows1252).toBe(true);
    expect(new TextDecoder("windows-1252").decode(everyByte)).toBe(decodeWindows1252ByTable(everyByte));
  });
});

describe("SEC-9 a NUL anywhere refuses the file", () => {
  it("after the first 8 kB too, with the French message, before anything reaches the database", () => {
    const text = "civilité;prénom;nom;adresse électronique\n" + "Madame;Zoé;Lefèvre;zoe@exemple.fr\n".repeat(300);
    const bytes = utf8(text + "Madame;Z\u0000oé;Roux;roux@exemple.fr\n");
    expect(bytes.indexOf(0)).toBeGreaterThan(8192);
    expect(() => parseCsvFile(bytes)).toThrow(UserError);
    expect(() => parseCsvFile(bytes)).toThrow(/n'est pas un fichier texte CSV/);
  });

  it("accepts a file of exactly the documented 10 Mio; one byte more is refused in French", () => {
    const header = utf8("civilité;prénom;nom;adresse électronique\nMadame;Zoé;Lefèvre;zoe@exemple.fr\n");
    const exact = new Uint8Array(MAX_FILE_BYTES).fill(0x0a);
    exact.set(header);
    expect(parseCsvFile(exact).records).toHaveLength(1);
    const over = new Uint8Array(MAX_FILE_BYTES + 1).fill(0x0a);
    over.set(header);
    expect(() => parseCsvFile(over)).toThrow("Le fichier dépasse la taille maximale de 10 Mo : découpez-le en plusieurs fichiers.");
  });
});
