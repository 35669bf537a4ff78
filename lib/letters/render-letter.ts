// Renders letters to PDF bytes (LR-1). The PDF of a letter is rendered once, when the request
// is made, because it is the only place the confirmation code exists in clear: the database
// keeps a hash of it (LR-2). Print batches are therefore built by merging stored PDFs
// (merge-pdfs.ts), never by rendering again.
import "server-only";
import { renderToBuffer } from "@react-pdf/renderer";
import { adminValidationLetterElement, lettersElement, type LetterData } from "./letter-document";
import { registerPdfFonts } from "./pdf-fonts";

/** One letter as a PDF (one A4 page). */
export async function renderLetterPdf(data: LetterData): Promise<Buffer> {
  registerPdfFonts();
  return renderToBuffer(adminValidationLetterElement(data));
}

/** Several letters in one PDF, one page each, in the given order. */
export async function renderLettersPdf(data: LetterData[]): Promise<Buffer> {
  if (data.length === 0) throw new RangeError("renderLettersPdf: aucun courrier à produire");
  registerPdfFonts();
  return renderToBuffer(lettersElement(data));
}
