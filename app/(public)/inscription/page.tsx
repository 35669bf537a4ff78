import type { Metadata } from "next";
import Link from "next/link";
import { RegistrationForm } from "@/components/accounts/registration-form";

export const metadata: Metadata = { title: "Créer un compte" };

export default function RegistrationPage() {
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <div className="space-y-2">
        <h1 className="text-3xl font-bold text-brand-900">Créer un compte</h1>
        <p className="text-slate-700">
          Un compte vaut pour une organisation. Si vous travaillez pour plusieurs organisations, créez un compte pour
          chacune : vous passerez de l&apos;un à l&apos;autre sans vous déconnecter.
        </p>
        <p className="text-slate-700">
          Déjà inscrit ? <Link href="/connexion">Se connecter</Link>
        </p>
      </div>
      <RegistrationForm />
    </div>
  );
}
