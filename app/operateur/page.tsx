import type { Metadata } from "next";
import { TableRegion } from "@/components/ui/table-region";
import Link from "next/link";
import { countPendingAdminRequests } from "@/lib/admin-requests/queries";
import { requireOperator } from "@/lib/auth/guards";
import { countQueuedLetters } from "@/lib/letters/queries";
import { countOrganisations } from "@/lib/organisations/queries";
import { countTicketsAwaitingOperator } from "@/lib/support/queries";
import { unmanagedOrganisations } from "@/lib/deputies/queries";

export const metadata: Metadata = { title: "Console opérateur" };

export default async function OperatorHomePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const operator = await requireOperator("/operateur");
  const params = await searchParams;
  const unmanagedPage = Math.min(Math.max(1, Number(params.sans_administrateur) || 1), 10_000);
  const [queued, pendingRequests, organisations, tickets, unmanaged] = await Promise.all([
    countQueuedLetters(operator),
    countPendingAdminRequests(operator),
    countOrganisations(operator),
    countTicketsAwaitingOperator(operator),
    unmanagedOrganisations(operator, { page: unmanagedPage }),
  ]);
  const cards = [
    { href: "/operateur/courrier", title: "Courrier", text: `${queued} courrier${queued > 1 ? "s" : ""} à imprimer, ${pendingRequests} demande${pendingRequests > 1 ? "s" : ""} d'administration en cours.` },
    { href: "/operateur/assistance", title: "Assistance", text: `${tickets.awaiting} demande${tickets.awaiting > 1 ? "s" : ""} d'assistance à traiter${tickets.replied ? `, dont ${tickets.replied} avec une nouvelle réponse du demandeur` : ""} : répondre, clore, réactiver un compte.` },
    { href: "/operateur/journal", title: "Journal", text: "Toutes les actions des administrateurs, des opérateurs et du portail, filtrables." },
    { href: "/operateur/catalogue", title: "Catalogue", text: "Les e-services proposés aux organisations : ajouter, modifier, retirer du catalogue." },
    { href: "/operateur/organisations", title: "Organisations", text: `${organisations.toLocaleString("fr-FR")} organisations dans l'annuaire : rechercher, créer, corriger une adresse.` },
  ];
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold text-brand-900">Console opérateur</h1>
      <ul className="grid gap-4 sm:grid-cols-2">
        {cards.map((card) => (
          <li key={card.href} className="rounded-lg border border-slate-200 p-5">
            <h2 className="text-lg font-semibold">
              <Link href={card.href}>{card.title}</Link>
            </h2>
            <p className="mt-2 text-slate-700">{card.text}</p>
          </li>
        ))}
      </ul>

      <section aria-labelledby="titre-sans-administrateur" id="sans-administrateur" className="space-y-3">
        <h2 id="titre-sans-administrateur" className="text-xl font-semibold text-brand-900">
          Organisations sans administrateur ni suppléant ({unmanaged.total.toLocaleString("fr-FR")})
        </h2>
        <p className="text-slate-700">
          Des personnes y ont un compte, mais personne ne peut valider les inscriptions ni attribuer les e-services :
          ni administrateur actif, ni suppléant. Un utilisateur actif peut demander le rôle depuis son espace ; sinon,
          quelqu&apos;un s&apos;inscrit comme administrateur. Dans les deux cas, le représentant légal confirme par courrier.
        </p>
        {unmanaged.rows.length ? (
          <TableRegion label="Liste des organisations concernées">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Organisations sans administrateur ni suppléant, celles qui ont le plus d&apos;inscriptions en attente d&apos;abord</caption>
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="py-2 pr-3">Organisation</th>
                <th scope="col" className="py-2 pr-3">Comptes actifs</th>
                <th scope="col" className="py-2 pr-3">Inscriptions à valider</th>
                <th scope="col" className="py-2">Demande d&apos;administration</th>
              </tr>
            </thead>
            <tbody>
              {unmanaged.rows.map((organisation) => (
                <tr key={organisation.id} className="border-b border-slate-100">
                  <th scope="row" className="py-2 pr-3 font-normal">
                    <Link href={`/operateur/organisations/${organisation.id}`}>{organisation.name}</Link>{" "}
                    <span className="text-slate-600">({organisation.code})</span>
                  </th>
                  <td className="py-2 pr-3">{organisation.active}</td>
                  <td className="py-2 pr-3">{organisation.waiting}</td>
                  <td className="py-2">{organisation.pendingRequest ? `En cours (n° ${organisation.pendingRequest})` : "Aucune"}</td>
                </tr>
              ))}
            </tbody>
          </table>
          </TableRegion>
        ) : (
          <p>Toutes les organisations dont des personnes utilisent le portail ont un administrateur ou un suppléant.</p>
        )}
        {unmanaged.pageCount > 1 ? (
          <nav aria-label="Pages des organisations sans administrateur" className="flex gap-4">
            <span>
              Page {unmanaged.page} sur {unmanaged.pageCount}
            </span>
            {unmanaged.page > 1 ? <Link href={`/operateur?sans_administrateur=${unmanaged.page - 1}#sans-administrateur`}>Page précédente</Link> : null}
            {unmanaged.page < unmanaged.pageCount ? <Link href={`/operateur?sans_administrateur=${unmanaged.page + 1}#sans-administrateur`}>Page suivante</Link> : null}
          </nav>
        ) : null}
      </section>
    </div>
  );
}
