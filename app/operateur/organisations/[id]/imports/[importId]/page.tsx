import type { Metadata } from "next";
import { ImportDetail } from "@/components/imports/import-detail";
import { loadImportDetail } from "@/components/imports/load-detail";
import { requireOperator } from "@/lib/auth/guards";
import { requireImportScope } from "@/lib/imports/access";

export const metadata: Metadata = { title: "Import de comptes (console opérateur)" };

export default async function OperatorImportPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string; importId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id, importId } = await params;
  await requireOperator(`/operateur/organisations/${id}/imports/${importId}`);
  const scope = await requireImportScope(id, `/operateur/organisations/${id}/imports/${importId}`);
  return <ImportDetail {...await loadImportDetail(scope, importId, await searchParams)} />;
}
