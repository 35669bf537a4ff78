"use client";

// DEP-3: "Renvoyer" and "Retirer" on one pending invitation. Withdrawing deletes the account
// that was never activated, so it asks first through the portal's one confirmation dialog.
import { useActionState, useId } from "react";
import { ResultMessage, useFocusResult } from "@/components/ui/action-result";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { SubmitButton } from "@/components/ui/submit-button";
import { resendInvitationAction, withdrawInvitationAction } from "@/lib/invitations/actions";
import { IDLE, type FormState } from "@/lib/forms";

/** A form error said as one message (these forms have no visible field of their own). */
function asMessage(state: FormState<object>): FormState<object> {
  if (state.status !== "error" || state.message) return state;
  return { ...state, message: Object.values(state.fieldErrors)[0] };
}

export function InvitationActions({ accountId, personName, canResend }: { accountId: string; personName: string; canResend: boolean }) {
  const [resent, resend] = useActionState<FormState<object>, FormData>(resendInvitationAction, IDLE);
  const [withdrawn, withdraw] = useActionState<FormState<object>, FormData>(withdrawInvitationAction, IDLE);
  const resentId = useId();
  const withdrawnId = useId();
  useFocusResult(resent, resentId);
  useFocusResult(withdrawn, withdrawnId);

  if (withdrawn.status === "success") return <ResultMessage id={withdrawnId} state={withdrawn} />;
  return (
    <div className="space-y-2">
      <ResultMessage id={resentId} state={asMessage(resent)} />
      <ResultMessage id={withdrawnId} state={asMessage(withdrawn)} />
      <div className="flex flex-wrap gap-2">
        {canResend ? (
          <form action={resend}>
            <input type="hidden" name="accountId" value={accountId} />
            <SubmitButton variant="secondary" pendingLabel="Envoi…">
              Renvoyer<span className="sr-only"> l&apos;invitation de {personName}</span>
            </SubmitButton>
          </form>
        ) : null}
        <form action={withdraw}>
          <input type="hidden" name="accountId" value={accountId} />
          <ConfirmButton
            name="confirm"
            value="oui"
            title={`Retirer l'invitation de ${personName} ?`}
            consequence={<p>Son compte, jamais activé, sera supprimé et le lien reçu ne fonctionnera plus.</p>}
            confirmLabel="Retirer l'invitation"
            pendingLabel="Retrait…"
          >
            Retirer<span className="sr-only"> l&apos;invitation de {personName}</span>
          </ConfirmButton>
        </form>
      </div>
    </div>
  );
}
