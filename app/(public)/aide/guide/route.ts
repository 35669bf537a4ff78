import { appUrl } from "@/lib/app-url";
import { renderGuidePdf } from "@/lib/help/render-guide";
import { supportContacts } from "@/lib/support-contacts";
import { formatDate } from "@/lib/calendar";

// The guide only changes with the code (its content) and the configuration (contacts), so one
// rendering per process and per day is enough: the two passes take about a second.
let cached: { day: string; pdf: Buffer } | null = null;

/** The practical guide as a PDF (HELP-3), public like the help pages it is made from. */
export async function GET() {
  const day = formatDate(new Date());
  if (cached?.day !== day) {
    const { pdf } = await renderGuidePdf({ editionDate: day, baseUrl: appUrl("/"), support: supportContacts() });
    cached = { day, pdf };
  }
  return new Response(new Uint8Array(cached.pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": 'attachment; filename="guide-pratique-portail-e-services.pdf"',
      "Cache-Control": "public, max-age=3600",
    },
  });
}
