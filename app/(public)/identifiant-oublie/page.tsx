import type { Metadata } from "next";
import { LoginRequestForm } from "@/components/accounts/login-request-form";
import { remindIdentifiersAction } from "@/lib/accounts/actions";

export const metadata: Metadata = { title: "Identifiant oublié" };

export default function ForgottenIdentifierPage() {
  return (
    <div className="mx-auto max-w-lg space-y-6">
      <h1 className="text-3xl font-bold text-brand-900">Identifiant oublié</h1>
      <p className="text-slate-700">
        Indiquez l&apos;adresse électronique de votre compte : vous recevrez les identifiants de tous les comptes qui
        l&apos;utilisent, avec leur organisation.
      </p>
      <LoginRequestForm action={remindIdentifiersAction} name="email" type="email" label="Adresse électronique" autoComplete="email" />
    </div>
  );
}
