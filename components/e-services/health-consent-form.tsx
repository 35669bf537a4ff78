"use client";

// ADM-6: the explicit consent asked at the first use of an e-service handling health data.
// Refusing (the link back) keeps the e-service closed; nothing is recorded.
import Link from "next/link";
import { useActionState, useRef } from "react";
import { CheckboxField, RequiredFieldsNote } from "@/components/ui/field";
import { SubmitButton, secondaryButtonClass } from "@/components/ui/submit-button";
import { FormResult } from "@/components/ui/action-result";
import { giveHealthConsentAction } from "@/lib/e-services/access/actions";
import { CONSENT_STATEMENT } from "@/lib/e-services/access/messages";
import { IDLE } from "@/lib/forms";

/** The ADM-6 consent box, the same here and in the single sign-on interaction page (SSO-3). */
export function HealthConsentField({ error }: { error?: string }) {
  return (
    <CheckboxField
      name="consent"
      label={CONSENT_STATEMENT}
      required
      error={error}
      hint="Votre consentement est demandé une seule fois pour cet e-service. Il est enregistré avec sa date."
    />
  );
}

export function HealthConsentForm({ slug }: { slug: string }) {
  const [state, action] = useActionState(giveHealthConsentAction, IDLE);
  const formRef = useRef<HTMLFormElement>(null);
  const errors = state.status === "error" ? state.fieldErrors : {};
  return (
    <form ref={formRef} action={action} noValidate className="space-y-4">
      <FormResult id="consentement-message" state={state} form={formRef} />
      <RequiredFieldsNote />
      <input type="hidden" name="slug" value={slug} />
      <HealthConsentField error={errors.consent} />
      <div className="flex flex-wrap items-center gap-4">
        <SubmitButton pendingLabel="Enregistrement…">Donner mon consentement</SubmitButton>
        <Link href="/e-services" className={secondaryButtonClass}>
          Refuser
        </Link>
      </div>
    </form>
  );
}
