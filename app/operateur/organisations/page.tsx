import type { Metadata } from "next";
import Link from "next/link";
import { RecordsHeading, RecordsTable } from "@/components/operator/records";
import { secondaryButtonClass } from "@/components/ui/submit-button";
import { inputClass } from "@/components/ui/field";
import { requireOperator } from "@/lib/auth/guards";
import { KIND_LABELS } from "@/lib/organisations/organisation-codes";
import { listOrganisationsForOperator, pageNumber, SEARCH_RESULTS_MAX } from "@/lib/organisations/queries";
import { queryText } from "@/lib/security/input-text";
import { SEARCH_MAX_LENGTH } from "@/lib/organisations/search-organisations";

export const metadata: Metadata = { title: "Organisations" };

const count = new Intl.NumberFormat("fr-FR");

/** At most this many postal codes in a row of the table; the organisation's page has them all. */
const POSTAL_CODES_SHOWN = 4;

function pageHref(query: string, page: number): string {
  const params = new URLSearchParams();
  if (query) params.set("q", query);
  if (page > 1) params.set("page", String(page));
  const search = params.toString();
  return `/operateur/organisations${search ? `?${search}` : ""}`;
}

export default async function OrganisationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const operator = await requireOperator("/operateur/organisations");
  const params = await searchParams;
  const query = (queryText(params.q) ?? "").trim().slice(0, SEARCH_MAX_LENGTH);
  const result = await listOrganisationsForOperator(operator, { query, page: pageNumber(params.page) });

  const summary = query
    ? result.total
      ? `${count.format(result.total)} organisation${result.total > 1 ? "s" : ""} trouvée${result.total > 1 ? "s" : ""} pour « ${query} »${result.pageCount > 1 ? `, page ${result.page} sur ${result.pageCount}` : ""}.`
      : `Aucune organisation ne correspond à « ${query} ».`
    : `${count.format(result.total)} organisations dans l'annuaire, les dernières modifiées en premier${result.pageCount > 1 ? ` (page ${count.format(result.page)} sur ${count.format(result.pageCount)})` : ""}.`;

  return (
    <div className="space-y-6">
      <RecordsHeading title="Organisations" createHref="/operateur/organisations/nouvelle" createLabel="Créer une organisation" />

      <form role="search" method="get" action="/operateur/organisations" className="flex flex-wrap items-end gap-3">
        <div className="min-w-64 flex-1 space-y-1">
          <label htmlFor="recherche-organisation" className="block font-medium text-slate-900">
            Rechercher une organisation
          </label>
          <p id="recherche-organisation-aide" className="text-sm text-slate-600">
            Nom, code postal, code INSEE, SIREN ou code organisation.
          </p>
          <input
            id="recherche-organisation"
            name="q"
            type="search"
            defaultValue={query}
            maxLength={SEARCH_MAX_LENGTH}
            aria-describedby="recherche-organisation-aide"
            className={inputClass}
          />
        </div>
        <button type="submit" className={secondaryButtonClass}>
          Rechercher
        </button>
        </form>

      <p role="status" className="text-slate-700">
        {summary}
        {result.truncated ? ` Seuls les ${SEARCH_RESULTS_MAX} premiers résultats sont affichés : précisez la recherche.` : ""}
      </p>

      <RecordsTable
        caption={`Organisations${query ? ` correspondant à « ${query} »` : ""}`}
        rows={result.rows}
        editHref={(organisation) => `/operateur/organisations/${organisation.id}`}
        columns={[
          { header: "Type", cell: (organisation) => KIND_LABELS[organisation.kind] },
          { header: "Code", cell: (organisation) => organisation.code, mono: true },
          {
            header: "Codes postaux",
            cell: (organisation) =>
              organisation.postalCodes.length
                ? organisation.postalCodes.slice(0, POSTAL_CODES_SHOWN).join(", ") +
                  (organisation.postalCodes.length > POSTAL_CODES_SHOWN ? ` et ${organisation.postalCodes.length - POSTAL_CODES_SHOWN} autres` : "")
                : "—",
          },
        ]}
      />

      {result.pageCount > 1 ? (
        <nav aria-label="Pages de résultats" className="flex flex-wrap items-center gap-4">
          {result.page > 1 ? <Link href={pageHref(query, result.page - 1)}>Page précédente</Link> : null}
          <span className="text-slate-700">
            Page {count.format(result.page)} sur {count.format(result.pageCount)}
          </span>
          {result.page < result.pageCount ? <Link href={pageHref(query, result.page + 1)}>Page suivante</Link> : null}
        </nav>
      ) : null}
    </div>
  );
}
