import type { Metadata } from "next";
import { ImportsOverview } from "@/components/imports/imports-overview";
import { requireOperator } from "@/lib/auth/guards";
import { requireImportScope } from "@/lib/imports/access";
import { listImports } from "@/lib/imports/queries";
import { BackLink } from "@/components/ui/back-link";

export const metadata: Metadata = { title: "Imports de comptes d'une organisation" };

// BULK-1: an operator imports for any organisation.
export default async function OperatorImportsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireOperator(`/operateur/organisations/${id}/imports`);
  const scope = await requireImportScope(id, `/operateur/organisations/${id}/imports`);
  return (
    <div className="space-y-4">
      <BackLink href={`/operateur/organisations/${scope.organisationId}`}>Retour à l&apos;organisation</BackLink>
      <ImportsOverview
        organisationName={scope.organisationName}
        organisationTypeLiaison={scope.organisationTypeLiaison}
        basePath={scope.basePath}
        organisationId={scope.organisationId}
        imports={await listImports(scope)}
      />
    </div>
  );
}
