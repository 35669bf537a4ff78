"use client";

import Link from "next/link";
import { useActionState } from "react";
import { TOKEN_PROBLEM_TEXT } from "@/components/accounts/token-problem-text";
import { useFocusResult } from "@/components/ui/action-result";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { confirmEmailChangeAction, type EmailConfirmState } from "@/lib/accounts/actions";

export function EmailChangeConfirm({ token, email }: { token: string; email: string }) {
  const [state, action] = useActionState<EmailConfirmState, FormData>(confirmEmailChangeAction, { status: "idle" });
  useFocusResult(state, "adresse-resultat");
  if (state.status === "done") {
    const { outcome } = state;
    return <div id="adresse-resultat" tabIndex={-1} className="focus:outline-none">{outcome.ok ? (
      <Alert kind="success" title="Adresse électronique modifiée">
        <p>Votre compte utilise désormais l&apos;adresse {outcome.email}.</p>
        <p className="mt-2">
          <Link href="/espace">Retour à mon espace</Link>
        </p>
      </Alert>
    ) : (
      <Alert kind="error" title="L'adresse n'a pas été modifiée">
        {outcome.problem === "taken" ? "Un autre compte de votre organisation utilise déjà cette adresse." : TOKEN_PROBLEM_TEXT[outcome.problem]}
      </Alert>
    )}</div>;
  }
  return (
    <form action={action} className="space-y-4">
      <input type="hidden" name="token" value={token} />
      <p>
        Confirmez que <strong>{email}</strong> devient l&apos;adresse électronique de votre compte.
      </p>
      <SubmitButton pendingLabel="Confirmation…">Confirmer ma nouvelle adresse</SubmitButton>
    </form>
  );
}
