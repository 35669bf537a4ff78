import { auditExportResponse } from "@/lib/audit/export-route";
import { requireOrganisationManager } from "@/lib/auth/guards";

export const dynamic = "force-dynamic";

/** DEP-4: the organisation's journal as CSV or JSON lines; the organisation is the session's, whatever the query says. */
export async function GET(request: Request) {
  const administrator = await requireOrganisationManager("/administration/journal");
  return auditExportResponse(request, administrator, administrator.organisationName);
}
