import type { Metadata } from "next";
import { TOKEN_PROBLEM_TEXT } from "@/components/accounts/token-problem-text";
import { EmailChangeConfirm } from "@/components/space/email-change-confirm";
import { Alert } from "@/components/ui/alert";
import { emailChangeLink } from "@/lib/accounts/queries";

export const metadata: Metadata = { title: "Confirmer ma nouvelle adresse", referrer: "no-referrer" };

// Public: the link itself proves the new address works, whatever browser opens it.
export default async function EmailChangePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const check = await emailChangeLink(token);
  return (
    <div className="mx-auto max-w-lg space-y-6">
      <h1 className="text-3xl font-bold text-brand-900">Confirmer ma nouvelle adresse</h1>
      {check.ok && check.token.email ? (
        <EmailChangeConfirm token={token} email={check.token.email} />
      ) : (
        <Alert kind="error" title="Ce lien ne fonctionne plus">
          {TOKEN_PROBLEM_TEXT[check.ok ? "unknown" : check.problem]}
        </Alert>
      )}
    </div>
  );
}
