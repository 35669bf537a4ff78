// BULK-4: the listing of an import's accounts, CSV or PDF; same access as the import's page.
import { parisDayKey, formatDateTime } from "@/lib/calendar";
import { requireImportAccess } from "@/lib/imports/access";
import { listingCsv } from "@/lib/imports/listing";
import { PDF_LISTING_MAX, renderListingPdf } from "@/lib/imports/listing-pdf";
import { getImport, importListing } from "@/lib/imports/queries";


export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const scope = await requireImportAccess(id, "/administration/imports");
  const format = new URL(request.url).searchParams.get("format") === "pdf" ? "pdf" : "csv";
  const found = await getImport(scope, scope.importId);
  if (!found) return new Response("Import introuvable.", { status: 404 });
  const entries = await importListing(scope);
  const base = `comptes-import-${parisDayKey(found.createdAt)}`;
  if (format === "csv") {
    return new Response(listingCsv(entries), {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${base}.csv"`,
        "Cache-Control": "no-store",
      },
    });
  }
  if (entries.length > PDF_LISTING_MAX) {
    return new Response(`La liste compte ${entries.length} comptes : au-delà de ${PDF_LISTING_MAX}, téléchargez-la au format CSV.`, {
      status: 413,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  const pdf = await renderListingPdf({ organisationName: scope.organisationName, fileName: found.fileName, generatedAt: formatDateTime(new Date()), entries, htmlPath: `${scope.basePath}/${scope.importId}` });
  return new Response(new Uint8Array(pdf), {
    headers: { "Content-Type": "application/pdf", "Content-Disposition": `attachment; filename="${base}.pdf"`, "Cache-Control": "no-store" },
  });
}
