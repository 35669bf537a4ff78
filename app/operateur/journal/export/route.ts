import { auditExportResponse } from "@/lib/audit/export-route";
import { requireOperator } from "@/lib/auth/guards";

export const dynamic = "force-dynamic";

/** DEP-4: the whole portal's journal as CSV or JSON lines, for operators. */
export async function GET(request: Request) {
  const operator = await requireOperator("/operateur/journal");
  return auditExportResponse(request, operator);
}
