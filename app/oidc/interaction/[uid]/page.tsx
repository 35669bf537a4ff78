// The portal's page for an e-service's authorization request (SSO-3): the portal session is
// the single sign-on session (signed out → the login page, then back here). ADM-4 is decided
// for the account signed in and for the person's other accounts (ORG-5): when several may use
// the e-service, the person chooses the organisation they act for (another account's password
// once per browser session, as the switcher asks); when one may, no question. An e-service
// requiring a second factor (MFA-6) is refused, with the way to get one, to a sign-in made
// without it.
import type { Metadata } from "next";
import Link from "next/link";
import { WhomToAsk } from "@/components/e-services/whom-to-ask";
import { ChooseAccountForm, ContinueForm, DeclineForm } from "@/components/oidc/interaction-forms";
import { Alert } from "@/components/ui/alert";
import { requireViewer } from "@/lib/auth/guards";
import { HOLDER_ONLY_STATEMENT, REFUSAL_MESSAGES, REFUSAL_TITLES } from "@/lib/e-services/access/messages";
import { EXPIRED_INTERACTION, SECOND_FACTOR_REQUIRED_TITLE } from "@/lib/oidc/interactions";
import { interactionForViewer } from "@/lib/oidc/queries";
import { supportContacts } from "@/lib/support-contacts";
import { deNom } from "@/lib/french/names";

export const metadata: Metadata = { title: "Connexion à un e-service" };

export default async function InteractionPage({ params }: { params: Promise<{ uid: string }> }) {
  const { uid } = await params;
  const viewer = await requireViewer(`/oidc/interaction/${encodeURIComponent(uid)}`);
  const view = await interactionForViewer(viewer, uid);

  if (!view) {
    return (
      <div className="mx-auto max-w-2xl space-y-6">
        <h1 className="text-3xl font-bold text-brand-900">Connexion à l&apos;e-service impossible</h1>
        <Alert kind="error">{EXPIRED_INTERACTION}</Alert>
        <p>
          <Link href="/e-services">Voir mes e-services</Link>
        </p>
      </div>
    );
  }
  const { interaction, access, secondFactorMissing, choices, otherAccounts } = view;
  const name = interaction.eService.name;
  const sharedData = (
    <p>
      L&apos;e-service recevra votre nom, l&apos;identifiant du compte choisi, votre adresse électronique et
      l&apos;organisation.
    </p>
  );

  return (
    <div className="mx-auto max-w-2xl space-y-8">
      <div className="space-y-2">
        <h1 className="text-3xl font-bold text-brand-900">Connexion à {name}</h1>
        <p className="text-slate-700">
          L&apos;e-service demande à vous reconnaître grâce à votre compte du portail : aucun autre mot de passe ne vous
          sera demandé.
        </p>
      </div>

      {access.service?.handlesHealthData ? (
        <Alert kind="warning" title="Données de santé">
          {HOLDER_ONLY_STATEMENT}
        </Alert>
      ) : null}

      {choices.length > 1 ? (
        <section aria-labelledby="titre-connexion" className="space-y-4 rounded-lg border border-slate-200 p-5">
          <h2 id="titre-connexion" className="text-xl font-semibold text-brand-900">
            Choisir l&apos;organisation
          </h2>
          <p>Plusieurs de vos comptes peuvent utiliser cet e-service : choisissez l&apos;organisation pour laquelle vous agissez.</p>
          {sharedData}
          <ChooseAccountForm uid={uid} options={choices} label="Continuer vers l'e-service" />
          <DeclineForm uid={uid} label="Ne pas me connecter" />
        </section>
      ) : access.ok && secondFactorMissing ? (
        <section aria-labelledby="titre-refus" className="space-y-4">
          <Alert kind="error" title={<span id="titre-refus">{SECOND_FACTOR_REQUIRED_TITLE}</span>}>
            <p>
              Cet e-service exige une double authentification : ajoutez une application d&apos;authentification ou une
              clé d&apos;accès dans <Link href="/espace/securite">Mon espace › Sécurité</Link>, puis reconnectez-vous.
            </p>
          </Alert>
          <p>
            Si vous en avez déjà une, déconnectez-vous du portail puis reconnectez-vous en l&apos;utilisant, et
            recommencez la connexion depuis l&apos;e-service.
          </p>
          <ContinueForm uid={uid} label="Retourner à l'e-service" consentNeeded={false} />
        </section>
      ) : access.ok ? (
        <section aria-labelledby="titre-connexion" className="space-y-4 rounded-lg border border-slate-200 p-5">
          <h2 id="titre-connexion" className="text-xl font-semibold text-brand-900">
            Vous connecter au nom {deNom({ name: viewer.organisationName ?? "", typeLiaison: viewer.organisationTypeLiaison })}
          </h2>
          <p>
            L&apos;e-service recevra votre nom, votre identifiant <strong>{viewer.identifier}</strong>, votre adresse
            électronique et votre organisation.
          </p>
          <ContinueForm uid={uid} label="Continuer vers l'e-service" consentNeeded={access.consentNeeded} />
          <DeclineForm uid={uid} label="Ne pas me connecter" />
        </section>
      ) : (
        <section aria-labelledby="titre-refus" className="space-y-4">
          <Alert kind="error" title={<span id="titre-refus">{REFUSAL_TITLES[access.reason]}</span>}>
            <p>{REFUSAL_MESSAGES[access.reason]}</p>
          </Alert>
          {access.reason === "no_permission" || access.reason === "no_subscription" ? (
            <WhomToAsk administrator={access.administrator} viewerIsAdministrator={viewer.role === "ADMINISTRATOR"} support={supportContacts()} />
          ) : null}
          <ContinueForm uid={uid} label="Retourner à l'e-service" consentNeeded={false} />
        </section>
      )}

      {choices.length === 1 && !choices[0].current ? (
        <section aria-labelledby="titre-autre-compte" className="space-y-4 rounded-lg border border-slate-200 p-5">
          <h2 id="titre-autre-compte" className="text-xl font-semibold text-brand-900">
            Vous connecter au nom de {choices[0].organisationName}
          </h2>
          <p>
            Votre compte {choices[0].identifier} de cette organisation peut utiliser cet e-service.
          </p>
          {sharedData}
          <ChooseAccountForm uid={uid} options={choices} label={`Continuer au nom de ${choices[0].organisationName}`} />
        </section>
      ) : null}

      {otherAccounts.length ? (
        <section aria-labelledby="titre-autres" className="space-y-3">
          <h2 id="titre-autres" className="text-xl font-semibold text-brand-900">
            Agir pour une autre organisation
          </h2>
          <p>
            Vos comptes de ces organisations peuvent aussi utiliser cet e-service, mais ils ne peuvent pas être choisis
            ici : leur connexion demande une double authentification.
          </p>
          <ul className="list-disc pl-6">
            {otherAccounts.map((account) => (
              <li key={account.accountId}>
                {account.organisationName} (identifiant {account.identifier})
              </li>
            ))}
          </ul>
          <p>
            Déconnectez-vous, connectez-vous directement au compte de l&apos;organisation voulue, puis recommencez la
            connexion depuis l&apos;e-service.
          </p>
        </section>
      ) : null}
    </div>
  );
}
