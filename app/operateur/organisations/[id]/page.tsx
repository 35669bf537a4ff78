import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { BackLink } from "@/components/ui/back-link";
import { OrganisationForm } from "@/components/organisations/organisation-form";
import { Alert } from "@/components/ui/alert";
import { requireOperator } from "@/lib/auth/guards";
import { KIND_LABELS } from "@/lib/organisations/organisation-codes";
import { formatAddressBlock } from "@/lib/letters/address-block";
import { missingAddressParts } from "@/lib/organisations/postal-address";
import { organisationFormValues } from "@/lib/organisations/form-values";
import { getOrganisationForOperator, type OrganisationDetail } from "@/lib/organisations/queries";
import { ORGANISATION_FIELD_LABELS, type OrganisationField } from "@/lib/organisations/schemas";
import { Section } from "@/components/ui/section";
import { TableRegion } from "@/components/ui/table-region";
import { formatDateTime } from "@/lib/calendar";

// One read for the title and the page (issue 16 item 9: each organisation's page has its own title).
const loadOrganisation = cache(async (id: string) => getOrganisationForOperator(await requireOperator("/operateur/organisations"), id));

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const detail = await loadOrganisation((await params).id);
  return { title: detail ? `${detail.organisation.name} (organisation)` : "Organisation introuvable" };
}


// The events of this organisation's accounts appear too; an action without a label here
// shows its code.
const ACTION_LABELS: Record<string, string> = {
  "organisation.created": "Création de l'organisation",
  "organisation.updated": "Modification de l'organisation",
  "account.registered": "Inscription d'un compte",
  "account.activated": "Activation d'un compte",
  "account.profile_updated": "Mise à jour d'un profil",
  "account.email_changed": "Changement d'adresse électronique",
  "account.password_changed": "Changement de mot de passe",
  "account.password_reset": "Réinitialisation de mot de passe",
  "account.closed_by_owner": "Fermeture d'un compte par son titulaire",
  "account.switched_to": "Passage à un autre compte",
  "account.signed_out_everywhere": "Déconnexion de toutes les sessions d'un compte",
  "admin_request.created": "Demande d'administration",
  "admin_request.confirmed": "Confirmation d'un administrateur",
  "letter.posted": "Courrier posté",
  "letter.downloaded": "Courrier téléchargé",
  "import.previewed": "Aperçu d'un import de comptes",
  "import.confirmed": "Import de comptes confirmé",
  "import.completed": "Import de comptes terminé",
};


/** "Champs modifiés : Nom, Ville" for an edit; the target otherwise. */
function eventDetail(event: OrganisationDetail["events"][number]): string {
  const details = event.details;
  if (event.action === "organisation.updated" && details && typeof details === "object" && !Array.isArray(details)) {
    const changes = details.changes;
    if (changes && typeof changes === "object" && !Array.isArray(changes)) {
      const fields = Object.keys(changes).map((field) => ORGANISATION_FIELD_LABELS[field as OrganisationField] ?? field);
      if (fields.length) return `Champs modifiés : ${fields.join(", ")}`;
    }
  }
  if (event.action === "organisation.created") return "";
  return event.targetLabel && event.targetType !== "organisation" ? event.targetLabel : "";
}

function AddressPreview({ organisation }: { organisation: OrganisationDetail["organisation"] }) {
  const { lines, complete } = formatAddressBlock(organisation);
  if (!complete) {
    return (
      <Alert kind="warning" title="Adresse incomplète">
        Aucun courrier ne peut être envoyé à cette organisation tant qu&apos;il manque {missingAddressParts(organisation).join(", ")}.
        Complétez l&apos;adresse postale dans le formulaire ci-dessous.
      </Alert>
    );
  }
  return (
    <>
      <p className="text-slate-700">
        Telle qu&apos;elle apparaîtra dans la fenêtre de l&apos;enveloppe ; le courrier s&apos;adresse au représentant
        légal : {organisation.legalRepresentativeTitle}.
      </p>
      <address className="w-fit rounded border border-slate-300 bg-slate-50 px-5 py-4 font-mono text-sm not-italic leading-6 text-slate-900">
        {lines.map((line, index) => (
          <span key={index} className="block">
            {line}
          </span>
        ))}
      </address>
    </>
  );
}

export default async function OrganisationPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const detail = await loadOrganisation(id);
  if (!detail) notFound();
  const { organisation, events } = detail;

  return (
    <div className="max-w-3xl space-y-6">
      <BackLink href="/operateur/organisations">Retour à la liste des organisations</BackLink>
      <div className="space-y-1">
        <h1 className="text-3xl font-bold text-brand-900">{organisation.name}</h1>
        <p className="text-slate-700">
          {KIND_LABELS[organisation.kind]} · code <span className="font-mono">{organisation.code}</span>
          {organisation.inseeCode && organisation.inseeCode !== organisation.code ? ` · code INSEE ${organisation.inseeCode}` : ""}
        </p>
      </div>
      {query.info === "creee" ? <Alert kind="success">L&apos;organisation est créée. Vous pouvez la modifier ci-dessous.</Alert> : null}

      <Section id="adresse-courriers" title="Adresse utilisée pour les courriers">
        <AddressPreview organisation={organisation} />
      </Section>

      <Section id="modifier" title="Modifier l'organisation">
        <OrganisationForm
          organisationId={organisation.id}
          organisation={organisationFormValues(organisation)}
        />
      </Section>

      <Section id="imports" title="Imports de comptes">
        <p>
          Créez les comptes de cette organisation à partir d&apos;un export de son logiciel de gestion :{" "}
          <Link href={`/operateur/organisations/${organisation.id}/imports`}>imports de comptes</Link>.
        </p>
      </Section>

      <Section id="journal" title="Dernières actions sur cette organisation">
        {events.length ? (
          <TableRegion label="Tableau des dernières actions">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Les {events.length} dernières actions enregistrées au journal pour cette organisation</caption>
              <thead>
                <tr className="border-b border-slate-300">
                  <th scope="col" className="py-2 pr-4">Date</th>
                  <th scope="col" className="py-2 pr-4">Auteur</th>
                  <th scope="col" className="py-2 pr-4">Action</th>
                  <th scope="col" className="py-2">Détail</th>
                </tr>
              </thead>
              <tbody>
                {events.map((event) => (
                  <tr key={event.id} className="border-b border-slate-100 align-top">
                    <td className="py-2 pr-4 whitespace-nowrap">{formatDateTime(event.createdAt)}</td>
                    <td className="py-2 pr-4">{event.actorLabel}</td>
                    <td className="py-2 pr-4">{ACTION_LABELS[event.action] ?? <code>{event.action}</code>}</td>
                    <td className="py-2">{eventDetail(event) || "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
        ) : (
          <p>Aucune action enregistrée pour cette organisation.</p>
        )}
      </Section>
    </div>
  );
}
