"use client";

import { useActionState, useRef } from "react";
import { FormResult } from "@/components/ui/action-result";
import { SubmitButton } from "@/components/ui/submit-button";
import { requestNewLetterWithPasswordAction } from "@/lib/admin-requests/actions";
import { IDLE, type FormState } from "@/lib/forms";
import { PasswordInput } from "./password-input";

/** LR-7 from the login page, for a registration still waiting for the legal representative. */
export function NewLetterForm({ identifier }: { identifier: string }) {
  const [state, action] = useActionState<FormState<object>, FormData>(requestNewLetterWithPasswordAction, IDLE);
  const formRef = useRef<HTMLFormElement>(null);
  return (
    <form ref={formRef} action={action} className="mt-3 space-y-3 rounded border border-slate-300 bg-white p-3 text-slate-900">
      <p className="font-medium">Le courrier n&apos;est pas arrivé 5 jours ouvrables après son envoi ?</p>
      <FormResult id="nouveau-courrier-message" state={state} form={formRef} />
      <input type="hidden" name="identifier" value={identifier} />
      <PasswordInput id="nouveau-courrier-mot-de-passe" name="password" label="Confirmez votre mot de passe" required autoComplete="current-password" />
      <SubmitButton variant="secondary">Demander un nouveau courrier</SubmitButton>
    </form>
  );
}
