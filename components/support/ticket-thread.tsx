// One assistance request as its requester and operators read it: number, category, status,
// dashboard context (DASH-5) and the messages in order.
import Link from "next/link";
import type { ReactNode } from "react";
import { TICKET_CATEGORY_LABELS, TICKET_STATUS_LABELS } from "@/lib/support/categories";
import type { TicketCategory, TicketStatus } from "@/lib/generated/prisma/enums";
import { formatDateTime } from "@/lib/calendar";


export interface ThreadProps {
  number: string;
  category: TicketCategory;
  status: TicketStatus;
  createdAt: Date;
  organisationLabel: string | null;
  stepsTried: string | null;
  contextLine: string | null;
  messages: { id: string; author: "REQUESTER" | "OPERATOR"; body: string; createdAt: Date }[];
  /** Operators see who wrote; requesters see "Assistance du portail". */
  requesterLabel?: string;
}

export function TicketSummary({ ticket }: { ticket: ThreadProps }) {
  return (
    <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
      <dt className="font-medium">Catégorie</dt>
      <dd>{TICKET_CATEGORY_LABELS[ticket.category]}</dd>
      <dt className="font-medium">État</dt>
      <dd>{TICKET_STATUS_LABELS[ticket.status]}</dd>
      <dt className="font-medium">Envoyée le</dt>
      <dd>{formatDateTime(ticket.createdAt)}</dd>
      {ticket.organisationLabel ? (
        <>
          <dt className="font-medium">Organisation</dt>
          <dd>{ticket.organisationLabel}</dd>
        </>
      ) : null}
      {ticket.contextLine ? (
        <>
          <dt className="font-medium">Chiffres signalés</dt>
          <dd>{ticket.contextLine}</dd>
        </>
      ) : null}
      {ticket.stepsTried ? (
        <>
          <dt className="font-medium">Démarches déjà effectuées</dt>
          <dd className="whitespace-pre-line">{ticket.stepsTried}</dd>
        </>
      ) : null}
    </dl>
  );
}

export function TicketMessages({ ticket }: { ticket: ThreadProps }) {
  return (
    <ol className="space-y-4" aria-label="Messages de la demande">
      {ticket.messages.map((message) => (
        <li
          key={message.id}
          className={`rounded-lg border p-4 ${message.author === "OPERATOR" ? "border-brand-700 bg-brand-50" : "border-slate-200"}`}
        >
          <p className="mb-2 text-sm font-semibold text-slate-700">
            {message.author === "OPERATOR" ? "Assistance du portail" : (ticket.requesterLabel ?? "Vous")} · {formatDateTime(message.createdAt)}
          </p>
          <p className="whitespace-pre-line text-slate-900">{message.body}</p>
        </li>
      ))}
    </ol>
  );
}

/** A ticket as its requester sees it (from "Mon espace" or from the private link): the thread and, until it is closed, a reply form. */
export function RequesterTicket({ ticket, replyForm }: { ticket: ThreadProps; replyForm: ReactNode }) {
  return (
    <>
      <h1 className="text-3xl font-bold text-brand-900">Demande n° {ticket.number}</h1>
      <TicketSummary ticket={ticket} />
      <section aria-labelledby="titre-messages" className="space-y-4">
        <h2 id="titre-messages" className="text-xl font-semibold text-brand-900">
          Échanges
        </h2>
        <TicketMessages ticket={ticket} />
      </section>
      <section aria-labelledby="titre-repondre" className="space-y-4">
        <h2 id="titre-repondre" className="text-xl font-semibold text-brand-900">
          Ajouter un message
        </h2>
        {ticket.status === "CLOSED" ? (
          <p>
            Cette demande est close. Si le problème revient, faites une nouvelle demande depuis la <Link href="/aide#assistance">page d&apos;aide</Link>.
          </p>
        ) : (
          replyForm
        )}
      </section>
    </>
  );
}
