import type { Metadata } from "next";
import { RecordsHeading, RecordsTable } from "@/components/operator/records";
import { requireOperator } from "@/lib/auth/guards";
import { listEServicesForOperator } from "@/lib/catalogue/queries";

export const metadata: Metadata = { title: "Catalogue des e-services" };

const count = new Intl.NumberFormat("fr-FR");

export default async function CataloguePage() {
  const operator = await requireOperator("/operateur/catalogue");
  const rows = await listEServicesForOperator(operator);
  const active = rows.filter((row) => row.active).length;

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
    </div>
  );
}
