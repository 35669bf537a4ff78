import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { BackLink } from "@/components/ui/back-link";
import { RequesterTicket } from "@/components/support/ticket-thread";
import { RequesterReplyForm } from "@/components/support/ticket-forms";
import { requireViewer } from "@/lib/auth/guards";
import { ownTicket } from "@/lib/support/queries";
import { dashboardContextLine } from "@/lib/support/tickets";

// One read for the title and the page (issue 16 item 9: each ticket's page has its own title).
const loadTicket = cache(async (id: string) => ownTicket(await requireViewer(`/espace/demandes/${encodeURIComponent(id)}`), id));

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const ticket = await loadTicket((await params).id);
  return { title: ticket ? `Ma demande d'assistance n° ${ticket.number}` : "Demande d'assistance introuvable" };
}

/** One of the signed-in person's tickets; another person's ticket id is a 404, like an unknown one. */
export default async function MyTicketPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const ticket = await loadTicket(id);
  if (!ticket) notFound();
  const thread = { ...ticket, contextLine: dashboardContextLine(ticket.dashboardContext) };
  return (
    <div className="max-w-3xl space-y-8">
      <BackLink href="/espace#demandes">Retour à mon espace</BackLink>
      <RequesterTicket ticket={thread} replyForm={<RequesterReplyForm ticketId={ticket.id} />} />
    </div>
  );
}
