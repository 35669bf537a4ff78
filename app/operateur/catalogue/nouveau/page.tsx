import type { Metadata } from "next";
import { EServiceForm } from "@/components/catalogue/e-service-form";
import { requireOperator } from "@/lib/auth/guards";
import { BackLink } from "@/components/ui/back-link";

export const metadata: Metadata = { title: "Ajouter un e-service" };

export default async function NewEServicePage() {
  await requireOperator("/operateur/catalogue");
  return (
    <div className="max-w-3xl space-y-6">
      <BackLink href="/operateur/catalogue">Retour au catalogue</BackLink>
      <h1 className="text-3xl font-bold text-brand-900">Ajouter un e-service</h1>
      <EServiceForm />
    </div>
  );
}
