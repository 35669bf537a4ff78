// Renders letters to PDF bytes (LR-1). The PDF of a letter is rendered when the request is
// made and kept until the letter is posted; print batches merge these stored PDFs
// (merge-pdfs.ts). The database keeps the code's keyed hash to check it and an encrypted copy:
// a posted letter is rendered again only for a re-print while its request is pending
// (queue.ts).
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
