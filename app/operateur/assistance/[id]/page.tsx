import type { Metadata } from "next";
import { ResultOutlet } from "@/components/ui/action-result";
import { notFound } from "next/navigation";
import { cache } from "react";
import { BackLink } from "@/components/ui/back-link";
import { OperatorAnswerForm, OperatorStatusForm, ReactivateAccountForm, ResetSecondFactorForm } from "@/components/support/ticket-forms";
import { TicketMessages, TicketSummary } from "@/components/support/ticket-thread";
import { requireOperator } from "@/lib/auth/guards";
import { ticketForOperator } from "@/lib/support/queries";
import { reactivationRefusal } from "@/lib/support/reactivate-requester-account";
import { dashboardContextLine } from "@/lib/support/tickets";

// One read for the title and the page (issue 16 item 9: each ticket's page has its own title).
const loadTicket = cache(async (id: string) => ticketForOperator(await requireOperator(`/operateur/assistance/${encodeURIComponent(id)}`), id));

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const ticket = await loadTicket((await params).id);
  return { title: ticket ? `Demande d'assistance n° ${ticket.number}` : "Demande d'assistance introuvable" };
}

const STATUS_LABELS = {
  PENDING_ACTIVATION: "Adresse non confirmée",
  PENDING_VALIDATION: "En attente de validation par l'administrateur",
  ACTIVE: "Actif",
  DEACTIVATED: "Désactivé",
} as const;

const REASON_LABELS = {
  INACTIVITY: "inactivité (16 mois sans connexion)",
  NEVER_ACTIVATED: "jamais activé",
  INVALIDATED: "désactivé par l'administrateur",
  CLOSED_BY_OWNER: "fermé par son titulaire",
} as const;

export default async function OperatorTicketPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const ticket = await loadTicket(id);
  if (!ticket) notFound();
  const thread = { ...ticket, contextLine: dashboardContextLine(ticket.dashboardContext), requesterLabel: ticket.contactEmail };

  return (
    <div className="max-w-4xl space-y-8">
      <BackLink href="/operateur/assistance">Retour aux demandes d&apos;assistance</BackLink>
      <h1 className="text-3xl font-bold text-brand-900">Demande n° {ticket.number}</h1>
      <TicketSummary ticket={thread} />
      <p>
        Contact : <a href={`mailto:${ticket.contactEmail}`}>{ticket.contactEmail}</a>
        {ticket.account ? ` · envoyée depuis le compte ${ticket.account.identifier}` : " · envoyée sans être connecté"}
      </p>

      <section aria-labelledby="titre-messages" className="space-y-4">
        <h2 id="titre-messages" className="text-xl font-semibold text-brand-900">
          Échanges
        </h2>
        <TicketMessages ticket={thread} />
      </section>

      <section aria-labelledby="titre-traiter" className="space-y-4">
        <h2 id="titre-traiter" className="text-xl font-semibold text-brand-900">
          Traiter la demande
        </h2>
        {ticket.status === "CLOSED" ? <p>Cette demande est close : rouvrez-la pour y répondre.</p> : <OperatorAnswerForm ticketId={ticket.id} />}
        {/* Same place in both states, so that its confirmation survives the change of state. */}
        <OperatorStatusForm ticketId={ticket.id} action={ticket.status === "CLOSED" ? "reopen" : "close"} />
      </section>

      <section aria-labelledby="titre-comptes" className="space-y-4">
        <h2 id="titre-comptes" className="text-xl font-semibold text-brand-900">
          Comptes de la personne
        </h2>
        <p className="text-slate-700">
          Le compte qui a envoyé la demande et ceux qui utilisent l&apos;adresse de contact. Une réactivation ne rend pas les
          e-services : l&apos;administrateur de l&apos;organisation les attribue de nouveau.
        </p>
        {ticket.accounts.length ? (
          // A reactivation or a reset removes its own form: the answer is said above the list.
          <ResultOutlet id="compte-message">
          <ul className="space-y-4">
            {ticket.accounts.map((account) => {
              const refusal = reactivationRefusal(account);
              return (
                <li key={account.id} className="space-y-3 rounded border border-slate-200 p-4">
                  <p>
                    <span className="font-mono font-semibold">{account.identifier}</span> · {account.firstName} {account.lastName} ·{" "}
                    {account.organisation?.name ?? "Opérateur du portail"}
                  </p>
                  <p>
                    État : <strong>{STATUS_LABELS[account.status]}</strong>
                    {account.deactivationReason ? ` (${REASON_LABELS[account.deactivationReason]})` : ""}
                  </p>
                  {account.status === "DEACTIVATED" ? (
                    refusal ? (
                      <p className="text-slate-700">{refusal}</p>
                    ) : (
                      <>
                        <p className="text-sm text-slate-700">
                          {account.canSignIn
                            ? "Le compte redeviendra actif aussitôt ; la personne en est informée par courriel."
                            : "L'adresse n'a jamais été confirmée : un nouveau lien d'activation sera envoyé à la personne."}
                        </p>
                        <ReactivateAccountForm ticketId={ticket.id} accountId={account.id} identifier={account.identifier} />
                      </>
                    )
                  ) : null}
                  {account.hasSecondFactor ? (
                    <>
                      <p className="text-sm text-slate-700">
                        Double authentification active. Si la personne a perdu son téléphone, ses clés d&apos;accès et ses
                        codes de secours, vérifiez son identité puis réinitialisez-la : toutes ses sessions seront fermées et
                        elle en sera informée par courriel.
                      </p>
                      <ResetSecondFactorForm ticketId={ticket.id} accountId={account.id} identifier={account.identifier} />
                    </>
                  ) : null}
                </li>
              );
            })}
          </ul>
          </ResultOutlet>
        ) : (
          <p>Aucun compte n&apos;utilise cette adresse.</p>
        )}
      </section>
    </div>
  );
}
