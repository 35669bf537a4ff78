import type { Metadata } from "next";
import Link from "next/link";
import { countPendingAdminRequests } from "@/lib/admin-requests/queries";
import { requireOperator } from "@/lib/auth/guards";
import { countQueuedLetters } from "@/lib/letters/queries";
import { countOrganisations } from "@/lib/organisations/queries";
import { countOpenTickets } from "@/lib/support/queries";

export const metadata: Metadata = { title: "Console opérateur" };

export default async function OperatorHomePage() {
  const operator = await requireOperator("/operateur");
  const [queued, pendingRequests, organisations, openTickets] = await Promise.all([
    countQueuedLetters(operator),
    countPendingAdminRequests(operator),
    countOrganisations(operator),
    countOpenTickets(operator),
  ]);
  const cards = [
    { href: "/operateur/courrier", title: "Courrier", text: `${queued} courrier${queued > 1 ? "s" : ""} à imprimer, ${pendingRequests} demande${pendingRequests > 1 ? "s" : ""} d'administration en cours.` },
    { href: "/operateur/assistance", title: "Assistance", text: `${openTickets} demande${openTickets > 1 ? "s" : ""} d'assistance à traiter : répondre, clore, réactiver un compte.` },
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
    </div>
  );
}
