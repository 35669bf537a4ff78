"use client";

// DEP-3: "Renvoyer" and "Retirer" on one pending invitation. Withdrawing deletes the account
// that was never activated: it asks for a confirmation first, in place, and focus moves to it.
import { useActionState, useEffect, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { secondaryButtonClass, SubmitButton } from "@/components/ui/submit-button";
import { resendInvitationAction, withdrawInvitationAction } from "@/lib/invitations/actions";
import { IDLE, type FormState } from "@/lib/forms";

function problem(state: FormState<object>): string | null {
  return state.status === "error" ? (Object.values(state.fieldErrors)[0] ?? state.message ?? null) : null;
}

export function InvitationActions({ accountId, personName, canResend }: { accountId: string; personName: string; canResend: boolean }) {
  const [resent, resend] = useActionState<FormState<object>, FormData>(resendInvitationAction, IDLE);
  const [withdrawn, withdraw] = useActionState<FormState<object>, FormData>(withdrawInvitationAction, IDLE);
  const [confirming, setConfirming] = useState(false);
  const question = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (confirming) question.current?.focus();
  }, [confirming]);

  if (withdrawn.status === "success") return <Alert kind="success">{withdrawn.message}</Alert>;
  const error = problem(resent) ?? problem(withdrawn);
  return (
    <div className="space-y-2">
      {resent.status === "success" ? <Alert kind="success">{resent.message}</Alert> : null}
      {confirming ? (
        <form action={withdraw} className="space-y-2 rounded border border-amber-700 bg-amber-50 p-3">
          <input type="hidden" name="accountId" value={accountId} />
          <input type="hidden" name="confirm" value="oui" />
          <p ref={question} tabIndex={-1} className="font-medium">
            Retirer l&apos;invitation de {personName} ? Son compte, jamais activé, sera supprimé et le lien reçu ne fonctionnera plus.
          </p>
          <div className="flex flex-wrap gap-2">
            <SubmitButton pendingLabel="Retrait…">
              Confirmer le retrait<span className="sr-only"> de l&apos;invitation de {personName}</span>
            </SubmitButton>
            <button type="button" className={secondaryButtonClass} onClick={() => setConfirming(false)}>
              Annuler<span className="sr-only"> le retrait de l&apos;invitation de {personName}</span>
            </button>
          </div>
        </form>
      ) : (
        <div className="flex flex-wrap gap-2">
          {canResend ? (
            <form action={resend}>
              <input type="hidden" name="accountId" value={accountId} />
              <SubmitButton variant="secondary" pendingLabel="Envoi…">
                Renvoyer<span className="sr-only"> l&apos;invitation de {personName}</span>
              </SubmitButton>
            </form>
          ) : null}
          <button type="button" className={secondaryButtonClass} onClick={() => setConfirming(true)}>
            Retirer<span className="sr-only"> l&apos;invitation de {personName}</span>
          </button>
        </div>
      )}
      {error ? (
        <p role="alert" className="text-sm font-medium text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
