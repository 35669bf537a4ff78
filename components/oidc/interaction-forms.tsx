"use client";

// The buttons of the portal's interaction page (SSO-3). Once the server stored the decision,
// the browser loads the provider's page itself (not a client navigation): the provider answers
// with a redirect to the e-service.
import { useActionState, useEffect, useRef } from "react";
import { Alert } from "@/components/ui/alert";
import { CheckboxField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { FormResult, useFocusResult } from "@/components/ui/action-result";
import { CONSENT_STATEMENT } from "@/lib/e-services/access/messages";
import { IDLE } from "@/lib/forms";
import { continueInteractionAction, declineInteractionAction, type InteractionState } from "@/lib/oidc/actions";

function useLeaveOnSuccess(state: InteractionState) {
  useEffect(() => {
    if (state.status === "success") window.location.assign(state.result.next);
  }, [state]);
}

export function ContinueForm({ uid, label, consentNeeded }: { uid: string; label: string; consentNeeded: boolean }) {
  const [state, action] = useActionState(continueInteractionAction, IDLE as InteractionState);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusResult(state, "interaction-message", formRef);
  useLeaveOnSuccess(state);
  const errors = state.status === "error" ? state.fieldErrors : {};
  return (
    <form ref={formRef} action={action} noValidate className="space-y-4">
      {state.status === "error" && state.message ? (
        <Alert kind="error" id="interaction-message" tabIndex={-1}>
          {state.message}
        </Alert>
      ) : null}
      <input type="hidden" name="uid" value={uid} />
      {consentNeeded ? (
        <CheckboxField
          name="consent"
          label={CONSENT_STATEMENT}
          required
          error={errors.consent}
          hint="Votre consentement est demandé une seule fois pour cet e-service. Il est enregistré avec sa date."
        />
      ) : null}
      <SubmitButton pendingLabel="Connexion…">{label}</SubmitButton>
    </form>
  );
}

export function DeclineForm({ uid, label }: { uid: string; label: string }) {
  const [state, action] = useActionState(declineInteractionAction, IDLE as InteractionState);
  useLeaveOnSuccess(state);
  return (
    <form action={action} className="space-y-3">
      <FormResult id="interaction-retour-message" state={state} />
      <input type="hidden" name="uid" value={uid} />
      <SubmitButton pendingLabel="Retour…" variant="secondary">
        {label}
      </SubmitButton>
    </form>
  );
}
