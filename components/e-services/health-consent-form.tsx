"use client";

// ADM-6: the explicit consent asked at the first use of an e-service handling health data.
// Refusing (the link back) keeps the e-service closed; nothing is recorded.
import Link from "next/link";
import { useActionState, useRef } from "react";
import { CheckboxField, RequiredFieldsNote } from "@/components/ui/field";
import { Alert } from "@/components/ui/alert";
import { SubmitButton, secondaryButtonClass } from "@/components/ui/submit-button";
import { useFocusResult } from "@/components/ui/action-result";
import { giveHealthConsentAction } from "@/lib/e-services/access/actions";
import { CONSENT_STATEMENT } from "@/lib/e-services/access/messages";
import { IDLE } from "@/lib/forms";

export function HealthConsentForm({ slug }: { slug: string }) {
  const [state, action] = useActionState(giveHealthConsentAction, IDLE);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusResult(state, "consentement-message", formRef);
  const errors = state.status === "error" ? state.fieldErrors : {};
  return (
    <form ref={formRef} action={action} noValidate className="space-y-4">
      {state.status === "error" && state.message ? (
        <Alert kind="error" id="consentement-message" tabIndex={-1}>
          {state.message}
        </Alert>
      ) : null}
      {state.status === "success" && state.message ? (
        <Alert kind="success" id="consentement-message" tabIndex={-1}>
          {state.message}
        </Alert>
      ) : null}
      <RequiredFieldsNote />
      <input type="hidden" name="slug" value={slug} />
      <CheckboxField
        name="consent"
        label={CONSENT_STATEMENT}
        required
        error={errors.consent}
        hint="Votre consentement est demandé une seule fois pour cet e-service. Il est enregistré avec sa date."
      />
      <div className="flex flex-wrap items-center gap-4">
        <SubmitButton pendingLabel="Enregistrement…">Donner mon consentement</SubmitButton>
        <Link href="/e-services" className={secondaryButtonClass}>
          Refuser
        </Link>
      </div>
    </form>
  );
}
