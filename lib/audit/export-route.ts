// The journal's download routes (DEP-4), shared by /administration/journal/export and
// /operateur/journal/export: the route decides who reads (from the session), this answers
// the file with the filters of the query string.
import "server-only";
import { clientAddress } from "../request-context";
import { auditExportFormat, exportAuditEvents } from "./export-audit-events";
import { parseAuditFilters } from "./parse-filters";
import type { AuditReader } from "./queries";

export async function auditExportResponse(request: Request, reader: AuditReader, organisationName?: string): Promise<Response> {
  const url = new URL(request.url);
  const format = auditExportFormat(url.searchParams.get("format"));
  if (!format) {
    return new Response("Format inconnu : choisissez « csv » ou « jsonl ».", { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  const { filters, errors } = parseAuditFilters(Object.fromEntries(url.searchParams));
  const invalid = Object.values(errors);
  if (invalid.length) {
    // The page shows the same message; a download must not silently drop a filter.
    return new Response(invalid.join("\n"), { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  const file = await exportAuditEvents(reader, filters, format, { ipAddress: await clientAddress(), organisationName });
  return new Response(file.body, {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": `attachment; filename="${file.filename}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
