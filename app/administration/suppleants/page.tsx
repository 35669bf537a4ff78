import type { Metadata } from "next";
import { DesignateDeputyForm } from "@/components/deputies/deputy-forms";
import { OrganisationManagersTable } from "@/components/deputies/organisation-managers";
import { Section } from "@/components/ui/section";
import { requireAdministrator } from "@/lib/auth/guards";
import { organisationManagers } from "@/lib/deputies/queries";

export const metadata: Metadata = { title: "Suppléants" };

// DEP-1: the choice of deputies stays with the administrator (a deputy gets the 403 page).
export default async function DeputiesPage() {
  const administrator = await requireAdministrator("/administration/suppleants");
  const managers = await organisationManagers(administrator);
  const full = managers.deputies.length >= managers.max;

  return (
    <div className="space-y-8">
      <div className="space-y-2">
        <h1 className="text-3xl font-bold text-brand-900">Suppléants</h1>
        <p className="text-slate-700">
          Jusqu&apos;à {managers.max} personnes de {administrator.organisationName} peuvent vous suppléer : elles valident,
          refusent et désactivent les comptes, attribuent et retirent les e-services, importent des comptes et consultent
          le journal. Les abonnements et le choix des suppléants restent à vous. Si votre compte est désactivé, les
          suppléants continuent, et l&apos;un d&apos;eux peut demander à devenir administrateur (courrier au représentant légal).
        </p>
      </div>

      <Section id="administrent" title="Qui administre l'organisation">
        <OrganisationManagersTable managers={managers} removable />
      </Section>

      <Section id="designer" title="Désigner un suppléant">
        <p>
          La personne est prévenue par courriel et accepte (ou décline) depuis son espace ; d&apos;ici là, sa désignation
          est en attente. {managers.deputies.length} sur {managers.max} désigné{managers.deputies.length > 1 ? "s" : ""}.
        </p>
        <DesignateDeputyForm disabled={full} />
      </Section>
    </div>
  );
}
