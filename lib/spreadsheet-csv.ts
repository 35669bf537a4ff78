// CSV for French spreadsheet software (BULK-4 listings, DEP-4 journal exports): `;`-separated
// (French Excel reads `,` as the decimal mark), CRLF line ends, and every cell protected
// against formula injection (OWASP "CSV Injection"): a cell starting with =, +, -, @, a tab
// or a carriage return is prefixed with `'` so that the spreadsheet shows it as text instead
// of evaluating it. Files start with a UTF-8 byte order mark, without which Excel reads UTF-8
// as Windows-1252 and garbles every accent.

/** The byte order mark that opens a CSV file. */
export const CSV_BOM = "\uFEFF";

/** One cell, neutralised and quoted when it holds a separator, a quote or a line break. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[";\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One line of cells, with its CRLF. */
export function csvLine(cells: readonly string[]): string {
  return cells.map(csvCell).join(";") + "\r\n";
}
