// Reading the CSV exports of management software (BULK-1): UTF-8 (with or without BOM) or
// Windows-1252 (what spreadsheet software still writes in France), comma or semicolon
// separated, with a header row whose names are matched whatever their accents and case.
// Pure: no I/O, so the rules are unit-tested on bytes.
import { parse } from "csv-parse/sync";
import { foldText } from "../identifiers";
import { UserError } from "../operation";
import { IMPORT_FILE_MAX_BYTES } from "../security/request-body-limit.mjs";
import { containsNul } from "../security/input-text";

/** 10 Mio, the limit the upload route and the production server count against (BULK-4). */
export const MAX_FILE_BYTES = IMPORT_FILE_MAX_BYTES;
export const MAX_ROWS = 50_000;


export type ImportColumn = "civility" | "firstName" | "lastName" | "email" | "category" | "eServices" | "openingDate";

/** Accepted header names, folded (see foldHeader). */
const HEADER_NAMES: Record<ImportColumn, string[]> = {
  civility: ["civilite", "civ", "titre"],
  firstName: ["prenom", "prenoms"],
  lastName: ["nom", "nom de famille", "nom d usage"],
  email: ["adresse electronique", "adresse e mail", "adresse mail", "courriel", "e mail", "email", "mail", "adresse courriel"],
  category: ["categorie", "unite", "service", "categorie unite"],
  eServices: ["e services", "eservices", "e service"],
  openingDate: ["date d ouverture", "date ouverture", "ouverture"],
};

export const REQUIRED_COLUMNS: ImportColumn[] = ["civility", "firstName", "lastName", "email"];

export const COLUMN_LABELS: Record<ImportColumn, string> = {
  civility: "civilité",
  firstName: "prénom",
  lastName: "nom",
  email: "adresse électronique",
  category: "catégorie",
  eServices: "e-services",
  openingDate: "date d'ouverture",
};

export function foldHeader(name: string): string {
  return foldText(name)
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/**
 * UTF-8 when the bytes are valid UTF-8 (the BOM, if any, dropped); otherwise Windows-1252,
 * which decodes any byte sequence. A Windows-1252 file that happens to be valid UTF-8 is
 * pure ASCII, which both encodings read the same way.
 */
export function decodeCsv(bytes: Uint8Array): { text: string; encoding: "utf-8" | "windows-1252" } {
  try {
    const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
    return { text, encoding: "utf-8" };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: "windows-1252" };
  }
}

// Node 20's TextDecoder (20.20 included) decodes the "windows-1252" label as ISO-8859-1, turning
// 0x80–0x9F (€, œ, ’, …) into invisible control characters; Node 24's decodes it right. The
// table below exists only while Node 20 is supported (package.json "engines"): when it goes,
// delete it and decodeWindows1252ByTable, and keep TextDecoder alone.
const CP1252_HIGH =
  "\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F" +
  "\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178";

/** The hand-made decoder, for Node 20 only (see above). */
export function decodeWindows1252ByTable(bytes: Uint8Array): string {
  let text = "";
  const CHUNK = 8192;
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const codes = Array.from(bytes.subarray(start, start + CHUNK), (byte) => (byte >= 0x80 && byte <= 0x9f ? CP1252_HIGH.charCodeAt(byte - 0x80) : byte));
    text += String.fromCharCode(...codes);
  }
  return text;
}

/** True where this Node's own decoder is right (Node 24), false on Node 20. */
export const nativeWindows1252 = new TextDecoder("windows-1252").decode(Uint8Array.of(0x80)) === "\u20AC";

export function decodeWindows1252(bytes: Uint8Array): string {
  return nativeWindows1252 ? new TextDecoder("windows-1252").decode(bytes) : decodeWindows1252ByTable(bytes);
}

/** The separator of the header line: whichever of ";" and "," appears more often outside quotes. */
export function detectSeparator(text: string): ";" | "," {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? "";
  let semicolons = 0;
  let commas = 0;
  let quoted = false;
  for (const character of firstLine) {
    if (character === '"') quoted = !quoted;
    else if (!quoted && character === ";") semicolons += 1;
    else if (!quoted && character === ",") commas += 1;
  }
  return semicolons >= commas && semicolons > 0 ? ";" : ",";
}

export interface ParsedCsv {
  encoding: "utf-8" | "windows-1252";
  separator: ";" | ",";
  /** Index of each recognised column in the records. */
  columns: Partial<Record<ImportColumn, number>>;
  /** Data records, without the header; rowNumber is the line of the file where the record ends (header = 1). */
  records: { rowNumber: number; values: Partial<Record<ImportColumn, string>> }[];
}

export function mapHeaders(header: string[]): Partial<Record<ImportColumn, number>> {
  const columns: Partial<Record<ImportColumn, number>> = {};
  header.forEach((name, index) => {
    const folded = foldHeader(name);
    for (const column of Object.keys(HEADER_NAMES) as ImportColumn[]) {
      if (columns[column] === undefined && HEADER_NAMES[column].includes(folded)) columns[column] = index;
    }
  });
  return columns;
}

/** Parses a whole file; refuses, with a French message, what cannot be an export of people. */
export function parseCsvFile(bytes: Uint8Array): ParsedCsv {
  if (bytes.byteLength === 0) throw new UserError("Le fichier est vide.", "file");
  if (bytes.byteLength > MAX_FILE_BYTES) {
    throw new UserError(`Le fichier dépasse la taille maximale de ${MAX_FILE_BYTES / 1024 / 1024} Mo : découpez-le en plusieurs fichiers.`, "file");
  }
  // SEC-9: a NUL anywhere, not only at the start: no text file holds one, and PostgreSQL
  // refuses it in text (the preview failed with a 500 for a NUL after the first 8 kB).
  if (containsNul(bytes)) {
    throw new UserError("Ce fichier n'est pas un fichier texte CSV : enregistrez l'export au format CSV (séparateur point-virgule ou virgule).", "file");
  }
  const { text, encoding } = decodeCsv(bytes);
  const separator = detectSeparator(text);
  let table: { record: string[]; info: { lines: number } }[];
  try {
    table = parse(text, {
      delimiter: separator,
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
      trim: true,
      info: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw new UserError(
      `Le fichier CSV est mal formé${line ? ` (vers la ligne ${line})` : ""} : vérifiez les guillemets et le séparateur.`,
      "file",
    );
  }
  if (table.length === 0) throw new UserError("Le fichier est vide.", "file");
  const columns = mapHeaders(table[0].record);
  const missing = REQUIRED_COLUMNS.filter((column) => columns[column] === undefined);
  if (missing.length) {
    throw new UserError(
      `La ligne d'en-tête doit contenir les colonnes ${REQUIRED_COLUMNS.map((column) => `« ${COLUMN_LABELS[column]} »`).join(", ")} ; ` +
        `il manque ${missing.map((column) => `« ${COLUMN_LABELS[column]} »`).join(", ")}.`,
      "file",
    );
  }
  const dataRows = table.length - 1;
  if (dataRows === 0) throw new UserError("Le fichier ne contient aucune ligne après la ligne d'en-tête.", "file");
  if (dataRows > MAX_ROWS) {
    throw new UserError(`Le fichier contient ${dataRows.toLocaleString("fr-FR")} lignes ; ${MAX_ROWS.toLocaleString("fr-FR")} au plus par import.`, "file");
  }
  const entries = Object.entries(columns) as [ImportColumn, number][];
  const records = table.slice(1).map(({ record, info }) => {
    const values: Partial<Record<ImportColumn, string>> = {};
    for (const [column, position] of entries) values[column] = record[position] ?? "";
    // The line where the record ends: a quoted value may span several lines.
    return { rowNumber: info.lines, values };
  });
  return { encoding, separator, columns, records };
}
