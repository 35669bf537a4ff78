import type { Metadata } from "next";
import { AuditLog } from "@/components/audit/audit-log";
import { parseAuditFilters } from "@/lib/audit/parse-filters";
import { listAuditEvents } from "@/lib/audit/queries";
import { requireOperator } from "@/lib/auth/guards";
import { organisationNames } from "@/lib/organisations/queries";

export const metadata: Metadata = { title: "Journal du portail" };

export default async function PortalAuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const operator = await requireOperator("/operateur/journal");
  const { filters, form, errors } = parseAuditFilters(await searchParams);
  const log = await listAuditEvents(operator, filters);
  const ids = [...new Set(log.rows.map((event) => event.organisationId).filter((id): id is string => Boolean(id)))];
  const organisations = await organisationNames(operator, ids);
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold text-brand-900">Journal du portail</h1>
      <p className="text-slate-700">Toutes les actions des administrateurs, des opérateurs et du portail, pour toutes les organisations.</p>
      <AuditLog basePath="/operateur/journal" log={log} filters={form} errors={errors} organisations={organisations} />
    </div>
  );
}
