import type { Metadata } from "next";
import Link from "next/link";
import { LoginRequestForm } from "@/components/accounts/login-request-form";
import { requestPasswordResetAction } from "@/lib/accounts/actions";

export const metadata: Metadata = { title: "Mot de passe oublié" };

export default function ForgottenPasswordPage() {
  return (
    <div className="mx-auto max-w-lg space-y-6">
      <h1 className="text-3xl font-bold text-brand-900">Mot de passe oublié</h1>
      <p className="text-slate-700">
        Indiquez votre identifiant ou votre adresse électronique : vous recevrez un lien pour choisir un nouveau mot
        de passe. Le portail ne vous envoie jamais votre mot de passe.
      </p>
      <LoginRequestForm
        action={requestPasswordResetAction}
        name="login"
        label="Identifiant ou adresse électronique"
        autoComplete="username"
      />
      <p>
        Identifiant oublié lui aussi ? <Link href="/identifiant-oublie">Le retrouver avec votre adresse électronique</Link>
      </p>
    </div>
  );
}
