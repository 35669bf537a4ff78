import type { Metadata } from "next";
import { RecordsHeading, RecordsTable } from "@/components/operator/records";
import { requireOperator } from "@/lib/auth/guards";
import { listEServicesForOperator } from "@/lib/catalogue/queries";
import { RotateKeysForm } from "@/components/oidc/rotate-keys-form";
import { formatDay } from "@/lib/calendar";
import { signingKeysForOperator } from "@/lib/oidc/queries";

export const metadata: Metadata = { title: "Catalogue des e-services" };

const count = new Intl.NumberFormat("fr-FR");

export default async function CataloguePage() {
  const operator = await requireOperator("/operateur/catalogue");
  const rows = await listEServicesForOperator(operator);
  const active = rows.filter((row) => row.active).length;
  const keys = await signingKeysForOperator(operator);

  return (
    <div className="space-y-6">
      <RecordsHeading title="Catalogue des e-services" createHref="/operateur/catalogue/nouveau" createLabel="Ajouter un e-service" />
      <p className="text-slate-700">
        {rows.length
          ? `${count.format(rows.length)} e-service${rows.length > 1 ? "s" : ""}, dont ${count.format(active)} proposé${active > 1 ? "s" : ""} aux organisations. Un e-service retiré du catalogue garde ses abonnements et ses droits.`
          : "Aucun e-service dans le catalogue."}
      </p>

      <RecordsTable
        caption="E-services du catalogue"
        rows={rows}
        editHref={(eService) => `/operateur/catalogue/${eService.id}`}
        columns={[
          { header: "Identifiant technique", cell: (eService) => eService.slug, mono: true },
          { header: "Données de santé", cell: (eService) => (eService.handlesHealthData ? "Oui" : "Non") },
          { header: "Double authentification", cell: (eService) => (eService.requiresSecondFactor ? "Exigée" : "Non") },
          { header: "Proposé aux organisations", cell: (eService) => (eService.active ? "Oui" : "Non") },
          { header: "Organisations abonnées", cell: (eService) => count.format(eService.organisations) },
        ]}
      />

      <section aria-labelledby="titre-cles" className="space-y-3 rounded-lg border border-slate-200 p-5">
        <h2 id="titre-cles" className="text-xl font-semibold text-brand-900">
          Clé de signature OpenID Connect
        </h2>
        <p className="text-slate-700">
          {keys.current
            ? `Clé en service depuis le ${formatDay(keys.current.createdAt)} (identifiant ${keys.current.id}).`
            : "Aucune clé pour l'instant : le portail en crée une à la première connexion à un e-service."}
          {keys.retiredStillPublished
            ? keys.retiredStillPublished > 1
              ? ` ${keys.retiredStillPublished} anciennes clés restent publiées le temps que leurs jetons expirent.`
              : " L'ancienne clé reste publiée le temps que ses jetons expirent."
            : ""}
        </p>
        <p className="text-slate-700">
          Changez de clé si elle a pu être exposée, ou régulièrement : les e-services la retrouvent d&apos;eux-mêmes dans
          les clés publiques du portail, sans rien changer chez eux.
        </p>
        <RotateKeysForm />
      </section>
    </div>
  );
}
