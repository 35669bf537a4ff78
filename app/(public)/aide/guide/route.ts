import { appUrl } from "@/lib/app-url";
import { practicalGuidePdf } from "@/lib/help/guide-cache";
import { supportContacts } from "@/lib/support-contacts";

/**
 * The practical guide as a PDF (HELP-3), public like the help pages it is made from. Built once
 * per content version and kept in the database (lib/help/guide-cache.ts), not per request.
 */
export async function GET() {
  const { pdf, version } = await practicalGuidePdf({ baseUrl: appUrl("/"), support: supportContacts() });
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": 'attachment; filename="guide-pratique-portail-e-services.pdf"',
      "Cache-Control": "public, max-age=3600",
      ETag: `"${version.slice(0, 32)}"`,
    },
  });
}
