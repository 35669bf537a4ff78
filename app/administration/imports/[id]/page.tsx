import type { Metadata } from "next";
import { ImportDetail } from "@/components/imports/import-detail";
import { loadImportDetail } from "@/components/imports/load-detail";
import { requireOrganisationManager } from "@/lib/auth/guards";
import { requireImportScope } from "@/lib/imports/access";

export const metadata: Metadata = { title: "Import de comptes de l'organisation" };

// BULK-1, BULK-4: an import of the administrator's organisation; another one's is not found.
export default async function ImportPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id } = await params;
  await requireOrganisationManager(`/administration/imports/${id}`);
  const scope = await requireImportScope(null, `/administration/imports/${id}`);
  return <ImportDetail {...await loadImportDetail(scope, id, await searchParams)} />;
}
