import type { Metadata } from "next";
import Link from "next/link";
import { buttonClass } from "@/components/ui/submit-button";
import { inputClass } from "@/components/ui/field";
import { requireOperator } from "@/lib/auth/guards";
import type { TicketStatus } from "@/lib/generated/prisma/enums";
import { categoryFromSlug, TICKET_CATEGORIES, TICKET_CATEGORY_LABELS, TICKET_CATEGORY_SLUGS, TICKET_STATUS_LABELS } from "@/lib/support/categories";
import { listTicketsForOperator } from "@/lib/support/queries";
import { TableRegion } from "@/components/ui/table-region";
import { formatDateTime } from "@/lib/calendar";

export const metadata: Metadata = { title: "Assistance" };

const STATUSES: { slug: string; status: TicketStatus | null; label: string }[] = [
  { slug: "a-traiter", status: "OPEN", label: "À traiter" },
  { slug: "repondues", status: "ANSWERED", label: "Répondues" },
  { slug: "closes", status: "CLOSED", label: "Closes" },
  { slug: "toutes", status: null, label: "Toutes" },
];


export default async function OperatorAssistancePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const operator = await requireOperator("/operateur/assistance");
  const params = await searchParams;
  const current = STATUSES.find((entry) => entry.slug === params.etat) ?? STATUSES[0];
  const category = categoryFromSlug(params.categorie);
  const requestedPage = typeof params.page === "string" && /^\d{1,6}$/.test(params.page) ? Number(params.page) : 1;
  const { tickets, byStatus, page, pageCount, replied } = await listTicketsForOperator(operator, { status: current.status, category, page: requestedPage });
  const total = Object.values(byStatus).reduce((sum, count) => sum + (count ?? 0), 0);
  const query = (slug: string, pageNumber = 1) =>
    `?etat=${slug}${category ? `&categorie=${TICKET_CATEGORY_SLUGS[category]}` : ""}${pageNumber > 1 ? `&page=${pageNumber}` : ""}`;

  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h1 className="text-3xl font-bold text-brand-900">Assistance</h1>
        <p className="text-slate-700">
          Les demandes envoyées depuis la page d&apos;aide, les plus anciennes d&apos;abord. Chaque réponse part par courriel à
          l&apos;adresse de contact de la demande.
        </p>
      </div>
      <p role="status" className="font-medium">
        {byStatus.OPEN ?? 0} demande{(byStatus.OPEN ?? 0) > 1 ? "s" : ""} en attente d&apos;un opérateur
        {replied ? `, dont ${replied} avec une nouvelle réponse du demandeur` : ""}
        {category ? ` (catégorie ${TICKET_CATEGORY_LABELS[category]})` : ""}.
      </p>
      <nav aria-label="État des demandes">
        <ul className="flex flex-wrap gap-2">
          {STATUSES.map((entry) => (
            <li key={entry.slug}>
              <Link
                href={query(entry.slug)}
                aria-current={entry === current ? "page" : undefined}
                className={`inline-block rounded border px-3 py-1.5 no-underline ${entry === current ? "border-brand-700 bg-brand-700 text-white hover:text-white" : "border-slate-300"}`}
              >
                {entry.label} ({entry.status ? (byStatus[entry.status] ?? 0) : total})
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <form method="get" className="flex flex-wrap items-end gap-3">
        <input type="hidden" name="etat" value={current.slug} />
        <div className="space-y-1">
          <label htmlFor="filtre-categorie" className="block font-medium">
            Catégorie
          </label>
          <select id="filtre-categorie" name="categorie" defaultValue={category ? TICKET_CATEGORY_SLUGS[category] : ""} className={inputClass}>
            <option value="">Toutes les catégories</option>
            {TICKET_CATEGORIES.map((value) => (
              <option key={value} value={TICKET_CATEGORY_SLUGS[value]}>
                {TICKET_CATEGORY_LABELS[value]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className={buttonClass}>
          Filtrer
        </button>
      </form>
      {tickets.length ? (
        <TableRegion label={`Demandes ${current.label.toLowerCase()}`}>
        <table className="w-full text-left text-sm">
          <caption className="sr-only">
            Demandes {current.label.toLowerCase()}
            {category ? `, catégorie ${TICKET_CATEGORY_LABELS[category]}` : ""}
          </caption>
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className="py-2 pr-3">Numéro</th>
              <th scope="col" className="py-2 pr-3">Catégorie</th>
              <th scope="col" className="py-2 pr-3">État</th>
              <th scope="col" className="py-2 pr-3">Contact</th>
              <th scope="col" className="py-2 pr-3">Organisation</th>
              <th scope="col" className="py-2">Envoyée le</th>
            </tr>
          </thead>
          <tbody>
            {tickets.map((ticket) => (
              <tr key={ticket.id} className="border-b border-slate-100">
                <td className="py-2 pr-3">
                  <Link href={`/operateur/assistance/${ticket.id}`}>{ticket.number}</Link>
                </td>
                <td className="py-2 pr-3">{TICKET_CATEGORY_LABELS[ticket.category]}</td>
                <td className="py-2 pr-3">
                  {TICKET_STATUS_LABELS[ticket.status]}
                  {ticket.status === "OPEN" && ticket.requesterRepliedAt ? <span className="block font-semibold text-brand-900">Nouvelle réponse du demandeur</span> : null}
                </td>
                <td className="py-2 pr-3">{ticket.contactEmail}</td>
                <td className="py-2 pr-3">{ticket.organisationLabel ?? "—"}</td>
                <td className="py-2">{formatDateTime(ticket.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        </TableRegion>
      ) : (
        <p>Aucune demande dans cette liste.</p>
      )}
      {pageCount > 1 ? (
        <nav aria-label="Pages des demandes" className="flex flex-wrap items-center gap-4">
          {page > 1 ? <Link href={query(current.slug, page - 1)}>Page précédente</Link> : null}
          <span>
            Page {page} sur {pageCount}
          </span>
          {page < pageCount ? <Link href={query(current.slug, page + 1)}>Page suivante</Link> : null}
        </nav>
      ) : null}
    </div>
  );
}
