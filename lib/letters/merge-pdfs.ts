// Concatenates PDFs into one (LR-6: the day's print batch is the stored letters, in order).
import "server-only";
import { PDFDocument } from "pdf-lib";

/**
 * Every page of every PDF, in order, in a new PDF. Throws on an empty list (a PDF without
 * pages is not something to print) and on bytes that are not a PDF.
 */
export async function mergePdfs(pdfs: Uint8Array[]): Promise<Buffer> {
  if (pdfs.length === 0) throw new RangeError("mergePdfs: aucun PDF à assembler");
  const merged = await PDFDocument.create();
  merged.setTitle("Lot d’impression des courriers");
  merged.setCreator("Portail e-services");
  merged.setProducer("Portail e-services");
  merged.setLanguage("fr-FR");
  for (const bytes of pdfs) {
    const source = await PDFDocument.load(bytes);
    const pages = await merged.copyPages(source, source.getPageIndices());
    for (const page of pages) merged.addPage(page);
  }
  const output = await merged.save();
  return Buffer.from(output.buffer, output.byteOffset, output.byteLength);
}
