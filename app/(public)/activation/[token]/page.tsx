import type { Metadata } from "next";
import Link from "next/link";
import { ActivationConfirm } from "@/components/accounts/activation-confirm";
import { ActivationPasswordForm } from "@/components/accounts/activation-password-form";
import { TOKEN_PROBLEM_TEXT } from "@/components/accounts/token-problem-text";
import { Alert } from "@/components/ui/alert";
import { activationLink } from "@/lib/accounts/queries";

export const metadata: Metadata = { title: "Activer mon compte", referrer: "no-referrer" };

// The link only shows a button: the address is confirmed by a POST, so that mail scanners
// that open links do not use the single-use token.
export default async function ActivationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  // An account created by an import has no password yet: it is chosen here (BULK-3).
  const { check, needsPassword } = await activationLink(token);
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <h1 className="text-3xl font-bold text-brand-900">Activer mon compte</h1>
      {check.ok && needsPassword ? (
        <ActivationPasswordForm
          token={token}
          identifier={needsPassword.identifier}
          context={{ firstName: needsPassword.firstName, lastName: needsPassword.lastName, identifier: needsPassword.identifier, email: needsPassword.email }}
        />
      ) : check.ok ? (
        <ActivationConfirm token={token} />
      ) : (
        <Alert kind="error" title="Ce lien d'activation ne fonctionne pas">
          <p>{TOKEN_PROBLEM_TEXT[check.problem]}</p>
          {check.problem === "used" ? (
            <p className="mt-2">
              Si votre adresse est déjà confirmée, <Link href="/connexion">connectez-vous</Link>.
            </p>
          ) : null}
          <p className="mt-2">
            <Link href="/activation/renvoyer">Recevoir un nouveau lien d&apos;activation</Link>
          </p>
        </Alert>
      )}
    </div>
  );
}
