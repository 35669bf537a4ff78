import type { Metadata } from "next";
import { administrationOverview } from "@/lib/administration/queries";
import { OrganisationMfaForm } from "@/components/mfa/organisation-mfa-form";
import { requireOrganisationManager } from "@/lib/auth/guards";
import { TableRegion } from "@/components/ui/table-region";
import { OrganisationManagersTable } from "@/components/deputies/organisation-managers";
import { organisationManagers } from "@/lib/deputies/queries";
import { formatDate } from "@/lib/calendar";

export const metadata: Metadata = { title: "Administration" };

const STATUS_LABELS = {
  PENDING_ACTIVATION: "Adresse à confirmer",
  PENDING_VALIDATION: "À valider",
  ACTIVE: "Actifs",
  DEACTIVATED: "Désactivés",
} as const;


// The administrator's console (ADM), also open to accepted deputies (DEP-1): everything is
// scoped to the organisation taken from the session, never from the request.
export default async function AdministrationPage() {
  const viewer = await requireOrganisationManager();
  const [{ byStatus, pending, subscriptions, organisation }, managers] = await Promise.all([administrationOverview(viewer), organisationManagers(viewer)]);
  const isAdministrator = viewer.role === "ADMINISTRATOR";
  const count = (status: keyof typeof STATUS_LABELS) => byStatus[status];

  return (
    <div className="space-y-8">
      <div className="space-y-1">
        <h1 className="text-3xl font-bold text-brand-900">Administration</h1>
        <p className="text-slate-700">
          {viewer.organisationName}
          {isAdministrator ? "" : " · vous êtes administrateur suppléant"}
        </p>
      </div>

      <section aria-labelledby="titre-administrent" className="space-y-3">
        <h2 id="titre-administrent" className="text-xl font-semibold text-brand-900">
          Qui administre l&apos;organisation
        </h2>
        <OrganisationManagersTable managers={managers} />
      </section>

      <section aria-labelledby="titre-comptes" className="space-y-3">
        <h2 id="titre-comptes" className="text-xl font-semibold text-brand-900">
          Comptes de l&apos;organisation
        </h2>
        <ul className="grid gap-3 sm:grid-cols-4">
          {(Object.keys(STATUS_LABELS) as (keyof typeof STATUS_LABELS)[]).map((status) => (
            <li key={status} className="rounded-lg border border-slate-200 p-4">
              <p className="text-2xl font-bold">{count(status)}</p>
              <p className="text-slate-700">{STATUS_LABELS[status]}</p>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="titre-a-valider" className="space-y-3">
        <h2 id="titre-a-valider" className="text-xl font-semibold text-brand-900">
          Comptes en attente de votre validation
        </h2>
        {pending.length ? (
          <TableRegion label="Tableau des comptes à valider">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Les comptes dont l&apos;adresse est confirmée et qui attendent votre validation</caption>
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="py-2 pr-3">Nom</th>
                <th scope="col" className="py-2 pr-3">Identifiant</th>
                <th scope="col" className="py-2 pr-3">Fonction</th>
                <th scope="col" className="py-2">Adresse confirmée le</th>
              </tr>
            </thead>
            <tbody>
              {pending.map((account) => (
                <tr key={account.id} className="border-b border-slate-100">
                  <td className="py-2 pr-3">
                    {account.firstName} {account.lastName}
                  </td>
                  <td className="py-2 pr-3 font-mono">{account.identifier}</td>
                  <td className="py-2 pr-3">{account.jobTitle ?? "—"}</td>
                  <td className="py-2">{account.activatedAt ? formatDate(account.activatedAt) : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
          </TableRegion>
        ) : (
          <p>Aucun compte n&apos;attend votre validation.</p>
        )}
      </section>

      <section aria-labelledby="titre-abonnements" className="space-y-3">
        <h2 id="titre-abonnements" className="text-xl font-semibold text-brand-900">
          Abonnements aux e-services
        </h2>
        {subscriptions.length ? (
          <ul className="list-inside list-disc">
            {subscriptions.map((subscription) => (
              <li key={subscription.id}>
                {subscription.eService.name} : depuis le {formatDate(subscription.startDate)}
                {subscription.endDate ? `, jusqu'au ${formatDate(subscription.endDate)}` : ""}
              </li>
            ))}
          </ul>
        ) : (
          <p>L&apos;organisation n&apos;est abonnée à aucun e-service.</p>
        )}
      </section>

      <section aria-labelledby="titre-double-authentification" className="space-y-3">
        <h2 id="titre-double-authentification" className="text-xl font-semibold text-brand-900">
          Double authentification
        </h2>
        <p>
          Après le mot de passe, un code d&apos;application ou une clé d&apos;accès est demandé : un mot de passe volé ne suffit
          plus. Elle est obligatoire pour l&apos;administrateur (14 jours après sa prise de fonction).
        </p>
        {isAdministrator ? (
          <OrganisationMfaForm required={organisation.mfaRequired} />
        ) : (
          <p>
            {organisation.mfaRequired
              ? "L'administrateur l'exige de tous les comptes de l'organisation."
              : "L'administrateur ne l'exige pas encore de tous les comptes de l'organisation."}{" "}
            Ce choix lui revient.
          </p>
        )}
      </section>
    </div>
  );
}
