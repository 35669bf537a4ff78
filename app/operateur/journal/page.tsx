import type { Metadata } from "next";
import { AuditLog } from "@/components/audit/audit-log";
import { listAuditEvents } from "@/lib/administration/queries";
import { parseAuditFilters } from "@/lib/audit/parse-filters";
import { requireOperator } from "@/lib/auth/guards";
import { db } from "@/lib/db";

export const metadata: Metadata = { title: "Journal du portail" };

export default async function PortalAuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireOperator("/operateur/journal");
  const { filters, form, errors } = parseAuditFilters(await searchParams);
  const log = await listAuditEvents(db, { all: true }, filters);
  const ids = [...new Set(log.rows.map((event) => event.organisationId).filter((id): id is string => Boolean(id)))];
  const organisations = new Map(
    (await db.organisation.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((organisation) => [organisation.id, organisation.name]),
  );
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold text-brand-900">Journal du portail</h1>
      <p className="text-slate-700">Toutes les actions des administrateurs, des opérateurs et du portail, pour toutes les organisations.</p>
      <AuditLog basePath="/operateur/journal" log={log} filters={form} errors={errors} organisations={organisations} />
    </div>
  );
}
