import type { Metadata } from "next";
import Link from "next/link";
import { PermissionMatrix } from "@/components/permissions/permission-matrix";
import { requireOrganisationManager } from "@/lib/auth/guards";
import { loadPermissionMatrix } from "@/lib/permissions/queries";
import { matrixSearchSchema } from "@/lib/permissions/schemas";

export const metadata: Metadata = { title: "Permissions" };

function pageHref(query: string, page: number) {
  const params = new URLSearchParams();
  if (query) params.set("q", query);
  if (page > 1) params.set("page", String(page));
  const search = params.toString();
  return `/administration/permissions${search ? `?${search}` : ""}`;
}

// ADM-3: who may use which e-service, one page of 50 active accounts at a time. The
// organisation comes from the session; the search and the page from the address (GET).
export default async function PermissionsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requireOrganisationManager("/administration/permissions");
  const raw = await searchParams;
  const { q, page } = matrixSearchSchema.parse({ q: typeof raw.q === "string" ? raw.q : undefined, page: typeof raw.page === "string" ? raw.page : undefined });
  const matrix = await loadPermissionMatrix(viewer, { query: q, page });
  const first = (matrix.page - 1) * 50 + 1;
  const last = first + matrix.accounts.length - 1;

  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h1 className="text-3xl font-bold text-brand-900">Permissions</h1>
        <p className="text-slate-700">
          Cochez les e-services que chaque personne peut utiliser, puis enregistrez. Vous-même n&apos;avez aucune permission tant que vous ne vous l&apos;accordez pas.
        </p>
      </div>

      <form method="get" action="/administration/permissions" role="search" className="flex flex-wrap items-end gap-3">
        <div className="space-y-1">
          <label htmlFor="recherche-personne" className="font-medium">
            Rechercher une personne
          </label>
          <p id="recherche-personne-aide" className="text-sm text-slate-600">
            Nom, prénom ou identifiant.
          </p>
          <input id="recherche-personne" name="q" type="search" defaultValue={matrix.query} aria-describedby="recherche-personne-aide" className="block w-72 rounded border border-slate-500 px-3 py-2" />
        </div>
        <button type="submit" className="rounded bg-brand-700 px-5 py-2.5 font-semibold text-white hover:bg-brand-800">
          Rechercher
        </button>
        {matrix.query ? <Link href="/administration/permissions">Effacer la recherche</Link> : null}
      </form>

      {matrix.eServices.length === 0 ? (
        <p>
          Votre organisation n&apos;a aucun abonnement en cours ou à venir : abonnez-la d&apos;abord à un e-service depuis la page{" "}
          <Link href="/administration/abonnements">Abonnements</Link>.
        </p>
      ) : matrix.accounts.length === 0 ? (
        <p>{matrix.query ? `Aucune personne active ne correspond à « ${matrix.query} ».` : "L'organisation n'a aucun compte actif."}</p>
      ) : (
        <PermissionMatrix
          key={`${matrix.query}|${matrix.page}`}
          caption={`Permissions par personne et par e-service : personnes ${first} à ${last} sur ${matrix.total}${matrix.query ? ` correspondant à « ${matrix.query} »` : ""}`}
          eServices={matrix.eServices}
          accounts={matrix.accounts}
          granted={matrix.granted}
        />
      )}

      {matrix.pageCount > 1 ? (
        <nav aria-label="Pages de la liste des personnes">
          <ul className="flex flex-wrap items-center gap-3">
            {matrix.page > 1 ? (
              <li>
                <Link href={pageHref(matrix.query, matrix.page - 1)}>Page précédente</Link>
              </li>
            ) : null}
            <li aria-current="page">
              Page {matrix.page} sur {matrix.pageCount}
            </li>
            {matrix.page < matrix.pageCount ? (
              <li>
                <Link href={pageHref(matrix.query, matrix.page + 1)}>Page suivante</Link>
              </li>
            ) : null}
          </ul>
        </nav>
      ) : null}
    </div>
  );
}
