// "Mes demandes d'assistance" in the personal space (HELP-2): the signed-in account's
// tickets, each with a link to follow it and reply.
import Link from "next/link";
import type { TicketCategory, TicketStatus } from "@/lib/generated/prisma/enums";
import { TICKET_CATEGORY_LABELS, TICKET_STATUS_LABELS } from "@/lib/support/categories";
import { formatDate } from "@/lib/calendar";


export function MyTicketsSection({
  tickets,
}: {
  tickets: { id: string; number: string; category: TicketCategory; status: TicketStatus; createdAt: Date }[];
}) {
  return (
    <section aria-labelledby="titre-demandes" id="demandes" className="space-y-4 rounded-lg border border-slate-200 p-5">
      <h2 id="titre-demandes" className="text-xl font-semibold text-brand-900">
        Mes demandes d&apos;assistance
      </h2>
      {tickets.length ? (
        <ul className="space-y-2">
          {tickets.map((ticket) => (
            <li key={ticket.id}>
              <Link href={`/espace/demandes/${ticket.id}`}>Demande n° {ticket.number}</Link>{" "}
              <span className="text-slate-700">
                · {TICKET_CATEGORY_LABELS[ticket.category]} · {TICKET_STATUS_LABELS[ticket.status]} · envoyée le {formatDate(ticket.createdAt)}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p>Vous n&apos;avez fait aucune demande d&apos;assistance depuis ce compte.</p>
      )}
      <p>
        <Link href="/aide">Consulter l&apos;aide</Link> ou <Link href="/aide#assistance">faire une demande d&apos;assistance</Link>.
      </p>
    </section>
  );
}
