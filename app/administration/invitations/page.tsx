import type { Metadata } from "next";
import { formatDateTime } from "@/lib/calendar";
import Link from "next/link";
import { InvitationActions } from "@/components/invitations/invitation-actions";
import { InvitationForm } from "@/components/invitations/invitation-form";
import { Section } from "@/components/ui/section";
import { requireOrganisationManager } from "@/lib/auth/guards";
import { formatDay, parisDayKey } from "@/lib/calendar";
import { invitableEServices, listPendingInvitations, type PendingInvitation } from "@/lib/invitations/queries";

export const metadata: Metadata = { title: "Invitations" };


function stateOf(invitation: PendingInvitation, today: string): { text: string; canResend: boolean } {
  if (invitation.status === "DEACTIVATED") return { text: "Lien expiré sans être utilisé : renvoyez l'invitation pour en envoyer un nouveau.", canResend: true };
  if (invitation.welcomeSentAt) return { text: `Courriel de bienvenue envoyé le ${formatDateTime(invitation.welcomeSentAt)}, compte pas encore activé.`, canResend: true };
  if (invitation.openingDate && invitation.openingDate.toISOString().slice(0, 10) > today) {
    return { text: `Ouverture le ${formatDay(invitation.openingDate)} : le courriel de bienvenue partira ce jour-là.`, canResend: false };
  }
  return { text: "Courriel de bienvenue en cours d'envoi.", canResend: true };
}

// DEP-3: invite one person (the imports' machinery, for one person) and follow the
// invitations not yet accepted. The organisation comes from the session only.
export default async function InvitationsPage() {
  const administrator = await requireOrganisationManager("/administration/invitations");
  const today = parisDayKey();
  const [eServices, { invitations, total }] = await Promise.all([invitableEServices(administrator), listPendingInvitations(administrator)]);

  return (
    <div className="space-y-8">
      <div className="space-y-2">
        <h1 className="text-3xl font-bold text-brand-900">Invitations</h1>
        <p className="text-slate-700">
          Invitez une personne à rejoindre {administrator.organisationName} : son compte est créé et validé, elle reçoit un courriel de bienvenue avec son
          identifiant et un lien pour choisir son mot de passe (jamais de mot de passe par courriel). Pour toute une équipe, utilisez plutôt un{" "}
          <Link href="/administration/imports">import de fichier</Link>.
        </p>
      </div>

      <Section id="inviter-une-personne" title="Inviter une personne">
        <InvitationForm eServices={eServices} today={today} />
      </Section>

      <Section id="invitations-en-attente" title="Invitations en attente">
        {invitations.length === 0 ? (
          <p>Aucune invitation n&apos;attend d&apos;être acceptée.</p>
        ) : (
          <>
            <p>
              {total} invitation{total > 1 ? "s" : ""} en attente : la personne n&apos;a pas encore choisi son mot de passe.
              {total > invitations.length ? ` Les ${invitations.length} plus récentes sont affichées.` : ""}
            </p>
            <ul className="divide-y divide-slate-200">
              {invitations.map((invitation) => {
                const name = `${invitation.firstName} ${invitation.lastName}`;
                const state = stateOf(invitation, today);
                const eServiceNames = invitation.permissions.map((permission) => permission.eService.name);
                return (
                  <li key={invitation.id} className="space-y-2 py-4">
                    <h3 className="font-semibold">
                      {name} <span className="font-normal text-slate-700">({invitation.identifier})</span>
                    </h3>
                    <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
                      <dt className="font-medium">Adresse électronique</dt>
                      <dd>{invitation.email}</dd>
                      <dt className="font-medium">Invitée le</dt>
                      <dd>
                        {invitation.invitedAt ? formatDateTime(invitation.invitedAt) : ""}
                        {invitation.invitedBy ? ` par ${invitation.invitedBy.identifier}` : ""}
                      </dd>
                      <dt className="font-medium">E-services</dt>
                      <dd>{eServiceNames.length ? eServiceNames.join(", ") : "aucun pour le moment"}</dd>
                      <dt className="font-medium">État</dt>
                      <dd>{state.text}</dd>
                    </dl>
                    <InvitationActions accountId={invitation.id} personName={name} canResend={state.canResend} />
                  </li>
                );
              })}
            </ul>
          </>
        )}
      </Section>
    </div>
  );
}
