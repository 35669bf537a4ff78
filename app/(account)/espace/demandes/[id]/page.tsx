import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { RequesterTicket } from "@/components/support/ticket-thread";
import { RequesterReplyForm } from "@/components/support/ticket-forms";
import { requireViewer } from "@/lib/auth/guards";
import { ownTicket } from "@/lib/support/queries";
import { dashboardContextLine } from "@/lib/support/tickets";

export const metadata: Metadata = { title: "Ma demande d'assistance" };

/** One of the signed-in person's tickets; another person's ticket id is a 404, like an unknown one. */
export default async function MyTicketPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const viewer = await requireViewer(`/espace/demandes/${encodeURIComponent(id)}`);
  const ticket = await ownTicket(viewer, id);
  if (!ticket) notFound();
  const thread = { ...ticket, contextLine: dashboardContextLine(ticket.dashboardContext) };
  return (
    <div className="max-w-3xl space-y-8">
      <p>
        <Link href="/espace#demandes">Retour à mon espace</Link>
      </p>
      <RequesterTicket ticket={thread} replyForm={<RequesterReplyForm ticketId={ticket.id} />} />
    </div>
  );
}
