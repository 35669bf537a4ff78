import Link from "next/link";
import { FieldError } from "@/components/ui/field";
import { auditActionLabel } from "@/lib/audit/action-labels";
import { auditFilterParams, encodeAuditCursor, type AuditFilterErrors, type AuditFilterForm } from "@/lib/audit/parse-filters";
import type { AuditPage } from "@/lib/audit/queries";
import { TableRegion } from "@/components/ui/table-region";
import { formatDateTime } from "@/lib/calendar";


/** A "du" or "au" day of the filters, with the French message when the day typed does not exist. */
function DayFilter({ name, label, value, error }: { name: "du" | "au"; label: string; value: string; error?: string }) {
  const id = `journal-${name}`;
  return (
    <div>
      <label htmlFor={id} className="block font-medium">
        {label}
      </label>
      <input
        id={id}
        type="date"
        name={name}
        defaultValue={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className="rounded border border-slate-500 px-3 py-2 aria-[invalid=true]:border-red-700"
      />
      <FieldError id={id} error={error} />
    </div>
  );
}

/** The read-only audit log with its filters (ADM-5). */
export function AuditLog({
  basePath,
  log,
  filters,
  errors = {},
  organisations,
}: {
  basePath: string;
  log: AuditPage;
  filters: AuditFilterForm;
  /** Filters that could not be applied (a date that does not exist), in French. */
  errors?: AuditFilterErrors;
  organisations?: Map<string, string>;
}) {
  // The page links and the downloads keep the filters; the page links add the page's edge.
  const query = (extra: Record<string, string>) => {
    const params = auditFilterParams(filters);
    for (const [name, value] of Object.entries(extra)) params.set(name, value);
    return params.toString();
  };
  const newer = log.newerCursor ? `${basePath}?${query({ curseur: encodeAuditCursor(log.newerCursor), sens: "recents" })}` : null;
  const older = log.olderCursor ? `${basePath}?${query({ curseur: encodeAuditCursor(log.olderCursor), sens: "anciens" })}` : null;
  const download = (format: "csv" | "jsonl") => `${basePath}/export?${query({ format })}`;
  return (
    <div className="space-y-4">
      <form method="get" role="search" aria-label="Filtrer le journal" className="flex flex-wrap items-end gap-3">
        {/* Long action names must not widen the page at 320 px (WCAG 1.4.10). */}
        <div className="min-w-0 max-w-full">
          <label htmlFor="journal-action" className="block font-medium">
            Action
          </label>
          <select id="journal-action" name="action" defaultValue={filters.action} className="max-w-full rounded border border-slate-500 px-3 py-2">
            <option value="">Toutes</option>
            {log.actions.map((action) => (
              <option key={action} value={action}>
                {auditActionLabel(action)}
              </option>
            ))}
          </select>
        </div>
        <DayFilter name="du" label="Du" value={filters.from} error={errors.from} />
        <DayFilter name="au" label="Au" value={filters.to} error={errors.to} />
        <div>
          <label htmlFor="journal-personne" className="block font-medium">
            Auteur ou personne concernée
          </label>
          <input id="journal-personne" name="q" defaultValue={filters.query} className="rounded border border-slate-500 px-3 py-2" />
        </div>
        <button type="submit" className="rounded border border-brand-700 px-4 py-2 font-semibold text-brand-700">
          Filtrer
        </button>
      </form>
      <p role="status">
        {log.total} événement{log.total > 1 ? "s" : ""}
        {newer || older ? ` — ${log.rows.length} affiché${log.rows.length > 1 ? "s" : ""} sur cette page` : ""}
      </p>
      <p className="flex flex-wrap gap-4">
        {/* Plain links: the browser downloads the streamed file (DEP-4) with the filters above. */}
        <a href={download("csv")} download className="font-semibold text-brand-700 underline">
          Télécharger (CSV)
        </a>
        <a href={download("jsonl")} download className="font-semibold text-brand-700 underline">
          Télécharger (JSON lignes)
        </a>
      </p>
      {log.rows.length ? (
        <TableRegion label="Journal des actions">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Journal des actions, du plus récent au plus ancien</caption>
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className="py-2 pr-3">Date</th>
              <th scope="col" className="py-2 pr-3">Action</th>
              <th scope="col" className="py-2 pr-3">Auteur</th>
              <th scope="col" className="py-2 pr-3">Concerne</th>
              {organisations ? <th scope="col" className="py-2 pr-3">Organisation</th> : null}
              <th scope="col" className="py-2">Adresse réseau</th>
            </tr>
          </thead>
          <tbody>
            {log.rows.map((event) => (
              <tr key={event.id} className="border-b border-slate-100 align-top">
                <td className="py-2 pr-3 whitespace-nowrap">{formatDateTime(event.createdAt, { seconds: true })}</td>
                <td className="py-2 pr-3">{auditActionLabel(event.action)}</td>
                <td className="py-2 pr-3">{event.actorLabel}</td>
                <td className="py-2 pr-3">{event.targetLabel ?? "—"}</td>
                {organisations ? <td className="py-2 pr-3">{event.organisationId ? (organisations.get(event.organisationId) ?? "—") : "—"}</td> : null}
                <td className="py-2">{event.ipAddress ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
        </TableRegion>
      ) : (
        <p>Aucun événement ne correspond à ces filtres.</p>
      )}
      {newer || older ? (
        <nav aria-label="Pages du journal" className="flex gap-4">
          {newer ? <Link href={newer}>Plus récents</Link> : null}
          {older ? <Link href={older}>Plus anciens</Link> : null}
        </nav>
      ) : null}
    </div>
  );
}
