import type { Metadata } from "next";
import Link from "next/link";
import { EServiceForm } from "@/components/catalogue/e-service-form";
import { requireOperator } from "@/lib/auth/guards";

export const metadata: Metadata = { title: "Ajouter un e-service" };

export default async function NewEServicePage() {
  await requireOperator("/operateur/catalogue");
  return (
    <div className="max-w-3xl space-y-6">
      <p>
        <Link href="/operateur/catalogue">Retour au catalogue</Link>
      </p>
      <h1 className="text-3xl font-bold text-brand-900">Ajouter un e-service</h1>
      <EServiceForm />
    </div>
  );
}
