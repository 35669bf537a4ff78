import type { Metadata } from "next";
import { LoginRequestForm } from "@/components/accounts/login-request-form";
import { resendActivationAction } from "@/lib/accounts/actions";

export const metadata: Metadata = { title: "Recevoir un nouveau lien d'activation" };

export default function ResendActivationPage() {
  return (
    <div className="mx-auto max-w-lg space-y-6">
      <h1 className="text-3xl font-bold text-brand-900">Recevoir un nouveau lien d&apos;activation</h1>
      <p className="text-slate-700">
        Pour un compte pas encore activé, ou désactivé faute d&apos;utilisation. Le nouveau lien remplace les
        précédents, qui ne fonctionneront plus.
      </p>
      <LoginRequestForm
        action={resendActivationAction}
        name="login"
        label="Identifiant ou adresse électronique"
        autoComplete="username"
      />
    </div>
  );
}
