"use client";

// The buttons of the portal's interaction page (SSO-3). Once the server stored the decision,
// the browser loads the provider's page itself (not a client navigation): the provider answers
// with a redirect to the e-service.
import { useActionState, useEffect, useRef, useState } from "react";
import { PasswordInput } from "@/components/accounts/password-input";
import { HealthConsentField } from "@/components/e-services/health-consent-form";
import { SubmitButton } from "@/components/ui/submit-button";
import { FormResult } from "@/components/ui/action-result";
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
  useLeaveOnSuccess(state);
  const errors = state.status === "error" ? state.fieldErrors : {};
  return (
    <form ref={formRef} action={action} noValidate className="space-y-4">
      <FormResult id="interaction-message" state={state} form={formRef} />
      <input type="hidden" name="uid" value={uid} />
      {consentNeeded ? (
        <HealthConsentField error={errors.consent} />
      ) : null}
      <SubmitButton pendingLabel="Connexion…">{label}</SubmitButton>
    </form>
  );
}

/** An account of the person that may use the e-service (ORG-5), as the page offers it. */
export interface AccountOption {
  accountId: string;
  identifier: string;
  organisationName: string;
  current: boolean;
  passwordNeeded: boolean;
  consentNeeded: boolean;
}

/**
 * SSO-3, ORG-5: the person chooses the organisation they act for among their accounts that
 * may use the e-service (one offered: no question, just that account). Another account's
 * password is asked only when this browser session does not hold it yet, as in Mon espace.
 */
export function ChooseAccountForm({ uid, options, label }: { uid: string; options: AccountOption[]; label: string }) {
  const [state, action] = useActionState(continueInteractionAction, IDLE as InteractionState);
  const [selectedId, setSelectedId] = useState(options[0].accountId);
  const formRef = useRef<HTMLFormElement>(null);
  useLeaveOnSuccess(state);
  const errors = state.status === "error" ? state.fieldErrors : {};
  const selected = options.find((option) => option.accountId === selectedId) ?? options[0];
  return (
    <form ref={formRef} action={action} noValidate className="space-y-4">
      <FormResult id="interaction-message" state={state} form={formRef} />
      <input type="hidden" name="uid" value={uid} />
      {options.length > 1 ? (
        <fieldset className="space-y-2">
          <legend className="font-medium text-slate-900">Pour quelle organisation vous connectez-vous ?</legend>
          {options.map((option) => (
            <label key={option.accountId} className="flex items-start gap-2">
              <input
                type="radio"
                name="accountId"
                value={option.accountId}
                checked={option.accountId === selected.accountId}
                onChange={() => setSelectedId(option.accountId)}
                className="mt-1 h-4 w-4 accent-brand-700"
              />
              <span>
                {option.organisationName} <span className="text-slate-700">(compte {option.identifier}{option.current ? ", celui de votre session" : ""})</span>
              </span>
            </label>
          ))}
        </fieldset>
      ) : (
        <input type="hidden" name="accountId" value={selected.accountId} />
      )}
      {selected.passwordNeeded ? (
        <PasswordInput
          key={selected.accountId}
          name="password"
          id="interaction-mot-de-passe"
          label={`Mot de passe du compte ${selected.identifier}`}
          required
          autoComplete="current-password"
          hint="Demandé une seule fois pendant votre session, comme pour changer de compte dans Mon espace."
          error={errors.password}
        />
      ) : null}
      {selected.consentNeeded ? (
        <HealthConsentField key={`consentement-${selected.accountId}`} error={errors.consent} />
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
