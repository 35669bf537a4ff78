// BULK-1 and BULK-4: one import: its preview row by row before confirmation, then its
// progress, and finally each row's outcome and the listing of its accounts.
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { secondaryButtonClass } from "@/components/ui/submit-button";
import type { ImportRowOutcome } from "@/lib/generated/prisma/enums";
import { ImportDecisionForm } from "./decision-form";
import { ImportProgress } from "./import-progress";
import type { ImportSummary } from "./imports-overview";
import { IMPORT_STATUS_LABELS, OUTCOME_FILTERS, OUTCOME_LABELS } from "./labels";
import { TableRegion } from "@/components/ui/table-region";
import { BackLink } from "@/components/ui/back-link";
import { formatDateTime } from "@/lib/calendar";


export interface DetailProps {
  basePath: string;
  organisationId?: string;
  organisationName: string;
  detail: ImportSummary & { errorMessage: string | null; finishedAt: Date | null };
  rows: { id: string; rowNumber: number; outcome: ImportRowOutcome; reason: string | null; data: unknown; account: { identifier: string } | null }[];
  page: number;
  pages: number;
  total: number;
  outcome?: string;
  flash?: string;
}

type Person = { firstName?: string; lastName?: string; email?: string };

function personOf(data: unknown): Person {
  const value = data as { plan?: Person; raw?: Person } | null;
  return value?.plan ?? value?.raw ?? {};
}

const FLASH: Record<string, string> = {
  confirme: "Import confirmé : il est appliqué en arrière-plan. Vous pouvez quitter cette page et y revenir, la progression est conservée.",
  abandonne: "Import abandonné : rien n'a été enregistré.",
  repris: "L'import reprend à la première ligne non appliquée.",
};

export function ImportDetail({ basePath, organisationId, organisationName, detail, rows, page, pages, total, outcome, flash }: DetailProps) {
  const previewing = detail.status === "PREVIEWED";
  const active = detail.status === "QUEUED" || detail.status === "RUNNING";
  const query = (nextPage: number) => `${basePath}/${detail.id}?${new URLSearchParams({ ...(outcome ? { resultat: outcome } : {}), page: String(nextPage) })}`;
  const counts = [
    { label: previewing ? "À créer" : "Créés", value: detail.createdCount },
    { label: previewing ? "À mettre à jour" : "Mis à jour", value: detail.updatedCount },
    { label: "Inchangés", value: detail.unchangedCount },
    { label: "Refusés", value: detail.refusedCount },
  ];

  return (
    <div className="space-y-8">
      <div className="space-y-1">
        <BackLink href={basePath}>Retour aux imports</BackLink>
        <h1 className="text-3xl font-bold text-brand-900">{previewing ? "Aperçu de l'import" : "Import"} : {detail.fileName}</h1>
        <p className="text-slate-700">
          {organisationName}. Envoyé le {formatDateTime(detail.createdAt)}
          {detail.createdBy ? ` par ${detail.createdBy.identifier}` : ""}. État : {IMPORT_STATUS_LABELS[detail.status] ?? detail.status}.
        </p>
      </div>

      {flash && FLASH[flash] ? <Alert kind="success">{FLASH[flash]}</Alert> : null}
      {detail.status === "FAILED" && detail.errorMessage ? <Alert kind="error" title="Import interrompu">{detail.errorMessage}</Alert> : null}

      <section aria-labelledby="titre-bilan" className="space-y-3">
        <h2 id="titre-bilan" className="text-xl font-semibold text-brand-900">
          {previewing ? "Ce que l'import va faire" : "Bilan"}
        </h2>
        <ul className="grid gap-3 sm:grid-cols-4">
          {counts.map((count) => (
            <li key={count.label} className="rounded-lg border border-slate-200 p-4">
              <p className="text-2xl font-bold">{count.value.toLocaleString("fr-FR")}</p>
              <p className="text-slate-700">{count.label}</p>
            </li>
          ))}
        </ul>
        <p className="text-sm text-slate-700">{detail.totalRows.toLocaleString("fr-FR")} lignes dans le fichier.</p>
      </section>

      {previewing ? (
        <section aria-labelledby="titre-confirmation" className="space-y-3 rounded-lg border border-brand-700 p-5">
          <h2 id="titre-confirmation" className="text-xl font-semibold text-brand-900">
            Confirmer l&apos;import
          </h2>
          <p>
            Rien n&apos;est encore enregistré. En confirmant, les comptes sont créés ou mis à jour comme indiqué ci-dessous ; les lignes
            refusées sont ignorées. Chaque compte créé reçoit un courriel de bienvenue avec son identifiant et un lien d&apos;activation (à sa
            date d&apos;ouverture s&apos;il en a une).
          </p>
          <div className="flex flex-wrap gap-4">
            <ImportDecisionForm kind="confirm" importId={detail.id} organisationId={organisationId} label="Confirmer l'import" pendingLabel="Confirmation…" />
            <ImportDecisionForm kind="cancel" importId={detail.id} organisationId={organisationId} label="Abandonner" pendingLabel="Abandon…" variant="secondary" />
          </div>
        </section>
      ) : null}

      {active || detail.status === "COMPLETED" || detail.status === "FAILED" ? (
        <section aria-labelledby="titre-progression" className="space-y-3">
          <h2 id="titre-progression" className="text-xl font-semibold text-brand-900">
            Progression
          </h2>
          <ImportProgress importId={detail.id} initial={{ status: detail.status, totalRows: detail.totalRows, processedRows: detail.processedRows }} />
          {detail.status === "FAILED" ? (
            <ImportDecisionForm kind="resume" importId={detail.id} organisationId={organisationId} label="Reprendre l'import" pendingLabel="Reprise…" />
          ) : null}
        </section>
      ) : null}

      {detail.status === "COMPLETED" || detail.status === "FAILED" ? (
        <section aria-labelledby="titre-listing" className="space-y-3">
          <h2 id="titre-listing" className="text-xl font-semibold text-brand-900">
            Liste des comptes
          </h2>
          <p>Identifiant, nom, adresse électronique et état d&apos;activation de chaque compte de cet import (jamais de mot de passe).</p>
          <div className="flex flex-wrap gap-4">
            <a className={secondaryButtonClass} href={`/api/imports/${detail.id}/listing?format=csv`} download>
              Télécharger la liste (CSV)
            </a>
            <a className={secondaryButtonClass} href={`/api/imports/${detail.id}/listing?format=pdf`} download>
              Télécharger la liste (PDF)
            </a>
          </div>
        </section>
      ) : null}

      {detail.status !== "CANCELLED" ? (
        <section aria-labelledby="titre-lignes" className="space-y-3">
          <h2 id="titre-lignes" className="text-xl font-semibold text-brand-900">
            Lignes du fichier
          </h2>
          <form method="get" className="flex flex-wrap items-end gap-3">
            <div className="space-y-1">
              <label htmlFor="filtre-resultat" className="font-medium">
                Afficher
              </label>
              <select id="filtre-resultat" name="resultat" defaultValue={outcome ?? ""} className="block rounded border border-slate-500 bg-white px-3 py-2">
                {OUTCOME_FILTERS.map((filter) => (
                  <option key={filter.value} value={filter.value}>
                    {filter.label}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className={secondaryButtonClass}>
              Filtrer
            </button>
          </form>
          {rows.length ? (
            <TableRegion label="Tableau des lignes du fichier">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">
                Lignes {((page - 1) * 100 + 1).toLocaleString("fr-FR")} à {((page - 1) * 100 + rows.length).toLocaleString("fr-FR")} sur{" "}
                {total.toLocaleString("fr-FR")}, avec le résultat de chacune et son motif
              </caption>
              <thead>
                <tr className="border-b border-slate-300">
                  <th scope="col" className="py-2 pr-3">Ligne</th>
                  <th scope="col" className="py-2 pr-3">Résultat</th>
                  <th scope="col" className="py-2 pr-3">Personne</th>
                  <th scope="col" className="py-2 pr-3">Identifiant</th>
                  <th scope="col" className="py-2">Motif</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => {
                  const person = personOf(row.data);
                  return (
                    <tr key={row.id} className="border-b border-slate-100 align-top">
                      <td className="py-2 pr-3">{row.rowNumber}</td>
                      <td className={`py-2 pr-3 font-semibold ${row.outcome === "REFUSED" ? "text-red-800" : ""}`}>{OUTCOME_LABELS[row.outcome]}</td>
                      <td className="py-2 pr-3">
                        {[person.firstName, person.lastName].filter(Boolean).join(" ") || "—"}
                        <br />
                        <span className="text-slate-700">{person.email || "—"}</span>
                      </td>
                      <td className="py-2 pr-3 font-mono">{row.account?.identifier ?? (row.outcome === "CREATED" && previewing ? "attribué à l'import" : "—")}</td>
                      <td className="py-2">{row.reason ?? ""}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
            </TableRegion>
          ) : (
            <p>Aucune ligne ne correspond à ce filtre.</p>
          )}
          {pages > 1 ? (
            <nav aria-label="Pages des lignes" className="flex flex-wrap items-center gap-4">
              {page > 1 ? <Link href={query(page - 1)}>Page précédente</Link> : null}
              <span>
                Page {page} sur {pages}
              </span>
              {page < pages ? <Link href={query(page + 1)}>Page suivante</Link> : null}
            </nav>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
