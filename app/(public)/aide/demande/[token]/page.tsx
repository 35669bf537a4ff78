import type { Metadata } from "next";
import Link from "next/link";
import { RequesterTicket } from "@/components/support/ticket-thread";
import { RequesterReplyForm } from "@/components/support/ticket-forms";
import { Alert } from "@/components/ui/alert";
import { ticketByLink } from "@/lib/support/queries";
import { dashboardContextLine } from "@/lib/support/tickets";

// The link is a credential: never sent on to another site, never indexed.
export const metadata: Metadata = { title: "Suivi de ma demande d'assistance", referrer: "no-referrer", robots: { index: false, follow: false } };

/** The private page of one ticket, opened by the link of its e-mails (HELP-2): that ticket only. */
export default async function TicketLinkPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const ticket = await ticketByLink(token);
  if (!ticket) {
    return (
      <div className="max-w-2xl space-y-4">
        <h1 className="text-3xl font-bold text-brand-900">Suivi de ma demande d&apos;assistance</h1>
        <Alert kind="error" title="Ce lien n'est pas ou plus valable">
          <p>
            Vérifiez que vous avez copié l&apos;adresse en entier depuis le courriel. Si votre demande est ancienne, faites-en
            une nouvelle depuis la <Link href="/aide#assistance">page d&apos;aide</Link>.
          </p>
        </Alert>
      </div>
    );
  }
  const thread = { ...ticket, contextLine: dashboardContextLine(ticket.dashboardContext) };
  return (
    <div className="max-w-3xl space-y-8">
      <RequesterTicket ticket={thread} replyForm={<RequesterReplyForm token={token} />} />
    </div>
  );
}
