// BULK-4: the progress of an import, polled by its page. Same access as the page.
import { NextResponse } from "next/server";
import { requireImportAccess } from "@/lib/imports/access";
import { progressOf } from "@/lib/imports/queries";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const scope = await requireImportAccess(id, "/administration/imports");
  const progress = await progressOf(scope);
  return NextResponse.json(progress, { headers: { "Cache-Control": "no-store" } });
}
