import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { TicketMessages, TicketSummary } from "@/components/support/ticket-thread";
import { RequesterReplyForm } from "@/components/support/ticket-forms";
import { requireViewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { ticketOfAccount } from "@/lib/support/queries";
import { dashboardContextLine } from "@/lib/support/tickets";

export const metadata: Metadata = { title: "Ma demande d'assistance" };

/** One of the signed-in person's tickets; another person's ticket id is a 404, like an unknown one. */
export default async function MyTicketPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const viewer = await requireViewer(`/espace/demandes/${encodeURIComponent(id)}`);
  const ticket = await ticketOfAccount(db, viewer.accountId, id);
  if (!ticket) notFound();
  const thread = { ...ticket, contextLine: dashboardContextLine(ticket.dashboardContext) };
  return (
    <div className="max-w-3xl space-y-8">
      <p>
        <Link href="/espace#demandes">Retour à mon espace</Link>
      </p>
      <h1 className="text-3xl font-bold text-brand-900">Demande n° {ticket.number}</h1>
      <TicketSummary ticket={thread} />
      <section aria-labelledby="titre-messages" className="space-y-4">
        <h2 id="titre-messages" className="text-xl font-semibold text-brand-900">
          Échanges
        </h2>
        <TicketMessages ticket={thread} />
      </section>
      <section aria-labelledby="titre-repondre" className="space-y-4">
        <h2 id="titre-repondre" className="text-xl font-semibold text-brand-900">
          Ajouter un message
        </h2>
        {ticket.status === "CLOSED" ? (
          <p>Cette demande est close. Si le problème revient, faites une nouvelle demande depuis la <Link href="/aide#assistance">page d&apos;aide</Link>.</p>
        ) : (
          <RequesterReplyForm ticketId={ticket.id} />
        )}
      </section>
    </div>
  );
}
