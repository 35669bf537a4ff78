import type { Metadata } from "next";
import Link from "next/link";
import { ResetPasswordForm } from "@/components/accounts/reset-password-form";
import { TOKEN_PROBLEM_TEXT } from "@/components/accounts/token-problem-text";
import { Alert } from "@/components/ui/alert";
import { passwordResetLink } from "@/lib/accounts/queries";

export const metadata: Metadata = { title: "Choisir un nouveau mot de passe", referrer: "no-referrer" };

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const { check, account } = await passwordResetLink(token);
  return (
    <div className="mx-auto max-w-lg space-y-6">
      <h1 className="text-3xl font-bold text-brand-900">Choisir un nouveau mot de passe</h1>
      {check.ok && account ? (
        <ResetPasswordForm
          token={token}
          identifier={account.identifier}
          context={{ firstName: account.firstName, lastName: account.lastName, identifier: account.identifier, email: account.email }}
        />
      ) : (
        <Alert kind="error" title="Ce lien ne fonctionne plus">
          <p>{TOKEN_PROBLEM_TEXT[check.ok ? "unknown" : check.problem]}</p>
          <p className="mt-2">
            <Link href="/mot-de-passe-oublie">Demander un nouveau lien</Link>
          </p>
        </Alert>
      )}
    </div>
  );
}
