import type { Metadata } from "next";
import { OrganisationForm } from "@/components/organisations/organisation-form";
import { requireOperator } from "@/lib/auth/guards";
import { BackLink } from "@/components/ui/back-link";

export const metadata: Metadata = { title: "Créer une organisation" };

export default async function NewOrganisationPage() {
  await requireOperator("/operateur/organisations");
  return (
    <div className="max-w-3xl space-y-6">
      <BackLink href="/operateur/organisations">Retour à la liste des organisations</BackLink>
      <div className="space-y-2">
        <h1 className="text-3xl font-bold text-brand-900">Créer une organisation</h1>
        <p className="text-slate-700">
          Vérifiez d&apos;abord dans la liste qu&apos;elle n&apos;existe pas déjà : les communes et les intercommunalités
          y sont toutes, avec leur code INSEE ou leur SIREN.
        </p>
      </div>
      <OrganisationForm />
    </div>
  );
}
