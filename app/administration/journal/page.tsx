import type { Metadata } from "next";
import { AuditLog } from "@/components/audit/audit-log";
import { parseAuditFilters } from "@/lib/audit/parse-filters";
import { listAuditEvents } from "@/lib/audit/queries";
import { requireOrganisationManager } from "@/lib/auth/guards";

export const metadata: Metadata = { title: "Journal de l'organisation" };

export default async function OrganisationAuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const administrator = await requireOrganisationManager("/administration/journal");
  const { filters, form, errors } = parseAuditFilters(await searchParams);
  const log = await listAuditEvents(administrator, filters);
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold text-brand-900">Journal de l&apos;organisation</h1>
      <p className="text-slate-700">
        Les actions des administrateurs, des opérateurs et du portail concernant {administrator.organisationName}. Le
        journal ne peut être ni modifié ni effacé.
      </p>
      <AuditLog basePath="/administration/journal" log={log} filters={form} errors={errors} />
    </div>
  );
}
