import type { Metadata } from "next";
import { ImportsOverview } from "@/components/imports/imports-overview";
import { requireOrganisationManager } from "@/lib/auth/guards";
import { requireImportScope } from "@/lib/imports/access";
import { listImports } from "@/lib/imports/queries";

export const metadata: Metadata = { title: "Imports de comptes" };

// BULK-1: the administrator imports into their own organisation only (from the session).
export default async function ImportsPage() {
  await requireOrganisationManager("/administration/imports");
  const scope = await requireImportScope(null, "/administration/imports");
  return <ImportsOverview organisationName={scope.organisationName} organisationTypeLiaison={scope.organisationTypeLiaison} basePath={scope.basePath} imports={await listImports(scope)} />;
}
