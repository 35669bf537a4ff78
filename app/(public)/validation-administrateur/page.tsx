import type { Metadata } from "next";
import { ValidationForm } from "@/components/admin-requests/validation-form";

export const metadata: Metadata = { title: "Confirmer un administrateur" };

export default function AdminValidationPage() {
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <div className="space-y-2">
        <h1 className="text-3xl font-bold text-brand-900">Confirmer l&apos;administrateur de votre organisation</h1>
        <p className="text-slate-700">
          Cette page est destinée au représentant légal (maire, président) qui a reçu un courrier du Portail
          e-services. Saisissez le numéro de demande et le code de confirmation qu&apos;il contient : vous verrez qui
          deviendra administrateur de quelle organisation avant de confirmer.
        </p>
        <p className="text-slate-700">
          Vous ne reconnaissez pas cette demande ? Ne faites rien : sans le code, personne ne devient administrateur.
        </p>
      </div>
      <ValidationForm />
    </div>
  );
}
