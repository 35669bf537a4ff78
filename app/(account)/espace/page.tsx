import type { Metadata } from "next";
import Link from "next/link";
import { BecomeAdministratorButton, NewLetterButton } from "@/components/space/administrator-request-section";
import { SPACE_PAGES } from "@/components/space/space-page";
import { Alert } from "@/components/ui/alert";
import { personalSpace } from "@/lib/accounts/queries";
import { ownAdministratorRequest } from "@/lib/admin-requests/queries";
import { CIVILITY_LABELS, ROLE_LABELS } from "@/lib/accounts/schemas";
import { requireViewer } from "@/lib/auth/guards";
import { supportContacts } from "@/lib/support-contacts";
import { MyTicketsSection } from "@/components/support/my-tickets-section";
import { ownTickets } from "@/lib/support/queries";
import { Section } from "@/components/ui/section";
import { DeputySpaceSection } from "@/components/deputies/deputy-space-section";
import { deNom } from "@/lib/french/names";
import { formatDate } from "@/lib/calendar";

export const metadata: Metadata = { title: "Mon espace" };


// The index of Mon espace (ACC-9, issue 16 item 5): who the account is, its sub-pages with a
// line each, and what concerns the person here (the administrator role, e-services, tickets).
// The settings themselves live on the short sub-pages (components/space/space-page.tsx).
export default async function PersonalSpacePage() {
  const viewer = await requireViewer("/espace");
  const [space, adminRequest, tickets] = await Promise.all([personalSpace(viewer), ownAdministratorRequest(viewer), ownTickets(viewer)]);
  const support = supportContacts();

  return (
    <div className="space-y-8">
      {/* Notices that ask something of the person (e.g. a role to accept) come here, above the title. */}
      <div className="space-y-2">
        <h1 className="text-3xl font-bold text-brand-900">Mon espace</h1>
        <p className="text-slate-700">
          {CIVILITY_LABELS[space.civility]} {space.firstName} {space.lastName}
          {space.organisation ? ` · ${space.organisation.name}` : ""}
        </p>
      </div>

      <Section id="compte" title="Mon compte">
        <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
          <dt className="font-medium">Identifiant</dt>
          <dd className="font-mono">{space.identifier}</dd>
          <dt className="font-medium">Organisation</dt>
          <dd>{space.organisation ? `${space.organisation.name} (code ${space.organisation.code})` : "Aucune : compte de l'équipe du portail"}</dd>
          <dt className="font-medium">Rôle</dt>
          <dd>{ROLE_LABELS[space.role]}</dd>
          <dt className="font-medium">Adresse électronique</dt>
          <dd className="break-all">{space.email}</dd>
          <dt className="font-medium">Inscription</dt>
          <dd>{formatDate(space.createdAt)}</dd>
        </dl>
      </Section>

      <DeputySpaceSection viewer={viewer} />

      <nav aria-labelledby="titre-rubriques" className="space-y-4">
        <h2 id="titre-rubriques" className="text-xl font-semibold text-brand-900">
          Mes réglages
        </h2>
        <ul className="grid gap-3 sm:grid-cols-2">
          {SPACE_PAGES.map((page) => (
            <li key={page.href} className="rounded-lg border border-slate-200 p-4">
              <Link href={page.href} className="font-semibold">
                {page.title}
              </Link>
              <p className="mt-1 text-sm text-slate-700">{page.summary}</p>
            </li>
          ))}
        </ul>
      </nav>

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

      <MyTicketsSection tickets={tickets} />
    </div>
  );
}
