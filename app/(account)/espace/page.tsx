import type { Metadata } from "next";
import Link from "next/link";
import { BecomeAdministratorButton, NewLetterButton } from "@/components/space/administrator-request-section";
import {
  CloseAccountForm,
  EmailChangeForm,
  PasswordChangeForm,
  ProfileForm,
  SignOutEverywhereForm,
  SwitchAccountForm,
} from "@/components/space/space-forms";
import { Alert } from "@/components/ui/alert";
import { personalSpace, switchableAccounts } from "@/lib/accounts/queries";
import { ownAdministratorRequest } from "@/lib/admin-requests/queries";
import { CIVILITY_LABELS } from "@/lib/accounts/schemas";
import { unlockKey } from "@/lib/accounts/switch-account";
import { requireViewer } from "@/lib/auth/guards";
import { supportContacts } from "@/lib/support-contacts";
import { MyTicketsSection } from "@/components/support/my-tickets-section";
import { ownTickets } from "@/lib/support/queries";
import { Section } from "@/components/ui/section";
import { deNom } from "@/lib/french/names";
import { formatDate, formatDateTime } from "@/lib/calendar";

export const metadata: Metadata = { title: "Mon espace" };

const ROLE_LABELS = { USER: "Utilisateur", ADMINISTRATOR: "Administrateur", OPERATOR: "Opérateur du portail" } as const;



function browserName(userAgent: string | null): string {
  if (!userAgent) return "Navigateur inconnu";
  const match = /(Edg|Firefox|Chrome|Safari)\/[\d.]+/.exec(userAgent);
  const names: Record<string, string> = { Edg: "Edge", Firefox: "Firefox", Chrome: "Chrome", Safari: "Safari" };
  return match ? names[match[1]] : "Autre navigateur";
}

export default async function PersonalSpacePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requireViewer("/espace");
  const [space, others, adminRequest, params] = await Promise.all([
    personalSpace(viewer),
    switchableAccounts(viewer),
    ownAdministratorRequest(viewer),
    searchParams,
  ]);
  const support = supportContacts();

  return (
    <div className="space-y-8">
      <div className="space-y-2">
        <h1 className="text-3xl font-bold text-brand-900">Mon espace</h1>
        <p className="text-slate-700">
          {CIVILITY_LABELS[space.civility]} {space.firstName} {space.lastName}
          {space.organisation ? ` · ${space.organisation.name}` : ""}
        </p>
      </div>
      {params.info === "compte-change" ? (
        <Alert kind="success">
          Vous utilisez maintenant le compte <strong>{space.identifier}</strong>
          {space.organisation ? ` ${deNom(space.organisation)}` : ""}.
        </Alert>
      ) : null}

      <Section id="compte" title="Mon compte">
        <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
          <dt className="font-medium">Identifiant</dt>
          <dd className="font-mono">{space.identifier}</dd>
          <dt className="font-medium">Organisation</dt>
          <dd>{space.organisation ? `${space.organisation.name} (code ${space.organisation.code})` : "Aucune : compte de l'équipe du portail"}</dd>
          <dt className="font-medium">Rôle</dt>
          <dd>{ROLE_LABELS[space.role]}</dd>
          <dt className="font-medium">Adresse électronique</dt>
          <dd>{space.email}</dd>
          <dt className="font-medium">Inscription</dt>
          <dd>{formatDate(space.createdAt)}</dd>
        </dl>
      </Section>

      {space.organisation ? (
        <Section id="administration" title="Administrateur de mon organisation">
          {space.role === "ADMINISTRATOR" ? (
            <p>
              Vous êtes l&apos;administrateur {deNom(space.organisation)}. <Link href="/administration">Ouvrir la console d&apos;administration</Link>
            </p>
          ) : adminRequest ? (
            <>
              <Alert kind="info" title={`Demande n° ${adminRequest.number} en cours`}>
                <p>
                  Demandée le {formatDate(adminRequest.createdAt)}.{" "}
                  {adminRequest.postedAt
                    ? `Le courrier a été posté le ${formatDate(adminRequest.postedAt)} au représentant légal de votre organisation.`
                    : "Le courrier au représentant légal de votre organisation est en cours d'impression."}{" "}
                  Le code est valable jusqu&apos;au {formatDate(adminRequest.expiresAt)}.
                </p>
              </Alert>
              {adminRequest.overdue ? (
                <Alert kind="warning" title="Le courrier n'est toujours pas confirmé">
                  <p>
                    Plus de 5 jours ouvrables ont passé depuis l&apos;envoi. Vérifiez auprès du représentant légal qu&apos;il
                    a bien reçu le courrier. Sinon, demandez un nouveau courrier, ou contactez l&apos;assistance :{" "}
                    <a href={`mailto:${support.email}`}>{support.email}</a>, {support.phone} ({support.hours}).
                  </p>
                  <div className="mt-3">
                    <NewLetterButton />
                  </div>
                </Alert>
              ) : null}
            </>
          ) : (
            <>
              <p>
                L&apos;administrateur abonne l&apos;organisation aux e-services, valide les comptes et attribue les
                e-services. Votre demande sera confirmée par le représentant légal (maire, président), qui recevra un
                courrier avec un code.
              </p>
              <BecomeAdministratorButton />
            </>
          )}
        </Section>
      ) : null}

      {others.length ? (
        <Section id="comptes" title="Mes autres comptes">
          <p className="text-slate-700">
            Ces comptes utilisent la même adresse électronique, dans d&apos;autres organisations. Le mot de passe de
            chacun n&apos;est demandé qu&apos;une fois pendant la session de votre navigateur.
          </p>
          <ul className="space-y-4">
            {others.map((account) => (
              <li key={account.id} className="rounded border border-slate-200 p-4">
                <p className="mb-2 font-medium">
                  {account.organisation?.name} · <span className="font-mono">{account.identifier}</span> · {ROLE_LABELS[account.role]}
                </p>
                <SwitchAccountForm
                  account={{ id: account.id, identifier: account.identifier, organisationName: account.organisation?.name ?? "" }}
                  unlocked={viewer.unlockedAccountIds.includes(unlockKey(account.id, account.sessionVersion))}
                />
              </li>
            ))}
          </ul>
        </Section>
      ) : null}

      <Section id="e-services" title="Mes e-services">
        <p>
          <Link href="/e-services">Ouvrir mes e-services</Link>
        </p>
        {space.permissions.length ? (
          <ul className="list-inside list-disc">
            {space.permissions.map((permission) => (
              <li key={permission.eService.slug}>
                {permission.eService.name} <span className="text-slate-600">(attribué le {formatDate(permission.createdAt)})</span>
              </li>
            ))}
          </ul>
        ) : (
          <p>
            Aucun e-service ne vous est encore attribué. L&apos;administrateur de votre organisation les attribue à
            chaque utilisateur, lui-même compris.
          </p>
        )}
      </Section>

      <MyTicketsSection tickets={await ownTickets(viewer)} />

      <Section id="informations" title="Mes informations">
        <p className="text-sm text-slate-700">Votre identifiant ne change pas si vous modifiez votre nom.</p>
        <ProfileForm
          profile={{
            civility: space.civility,
            firstName: space.firstName,
            lastName: space.lastName,
            phone: space.phone ?? "",
            jobTitle: space.jobTitle ?? "",
          }}
        />
      </Section>

      <Section id="adresse" title="Mon adresse électronique">
        <p>
          Adresse actuelle : <strong>{space.email}</strong>
        </p>
        {space.pendingEmail ? (
          <p className="text-sm text-slate-700">
            Changement en attente vers {space.pendingEmail} : cliquez sur le lien reçu à cette adresse pour le confirmer.
          </p>
        ) : null}
        <EmailChangeForm />
      </Section>

      <Section id="securite" title="Sécurité">
        <p>
          La double authentification protège votre compte même si votre mot de passe est connu d&apos;un tiers.{" "}
          <Link href="/espace/securite">Gérer ma double authentification</Link>
        </p>
      </Section>

      <Section id="mot-de-passe" title="Mon mot de passe">
        <PasswordChangeForm context={{ firstName: space.firstName, lastName: space.lastName, identifier: space.identifier, email: space.email }} />
      </Section>

      <Section id="connexions" title="Mes dernières connexions">
        {space.loginEvents.length ? (
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Les dix dernières connexions à ce compte</caption>
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="py-2 pr-4">Date</th>
                <th scope="col" className="py-2 pr-4">Navigateur</th>
                <th scope="col" className="py-2">Adresse réseau</th>
              </tr>
            </thead>
            <tbody>
              {space.loginEvents.map((event) => (
                <tr key={event.createdAt.toISOString()} className="border-b border-slate-100">
                  <td className="py-2 pr-4">{formatDateTime(event.createdAt)}</td>
                  <td className="py-2 pr-4">{browserName(event.userAgent)}</td>
                  <td className="py-2">{event.ipAddress ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p>Aucune connexion enregistrée.</p>
        )}
        <div className="space-y-3 border-t border-slate-200 pt-4">
          <p>
            Une connexion que vous ne reconnaissez pas, un ordinateur partagé resté connecté ? Fermez toutes les
            sessions de ce compte, sur cet appareil et sur tous les autres : il faudra ensuite vous reconnecter
            partout.
          </p>
          <SignOutEverywhereForm />
        </div>
      </Section>

      <Section id="donnees" title="Mes données">
        <p>
          Téléchargez tout ce que le portail conserve sur votre compte : identité, organisation, e-services,
          connexions, événements.
        </p>
        <p>
          <Link href="/espace/mes-donnees" prefetch={false} download>
            Télécharger mes données (JSON)
          </Link>
        </p>
      </Section>

      <Section id="fermeture" title="Fermer mon compte">
        <p>
          La fermeture est immédiate : vous ne pourrez plus vous connecter et vos accès aux e-services sont retirés.
        </p>
        <CloseAccountForm isAdministrator={space.role === "ADMINISTRATOR"} />
      </Section>
    </div>
  );
}
