"use client";

import { useActionState, useRef } from "react";
import { FormResult } from "@/components/ui/action-result";
import { SubmitButton } from "@/components/ui/submit-button";
import { becomeAdministratorWithPasswordAction, requestNewLetterWithPasswordAction } from "@/lib/admin-requests/actions";
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

/**
 * Issue 16 item 4, from the login page: the account waits for an administrator's validation in
 * an organisation that has none; its owner asks for the role (a letter to the legal representative).
 */
export function BecomeAdministratorForm({ identifier }: { identifier: string }) {
  const [state, action] = useActionState<FormState<object>, FormData>(becomeAdministratorWithPasswordAction, IDLE);
  const formRef = useRef<HTMLFormElement>(null);
  return (
    <form ref={formRef} action={action} className="mt-3 space-y-3 rounded border border-slate-300 bg-white p-3 text-slate-900">
      <p className="font-medium">Devenir administrateur de votre organisation</p>
      <p className="text-sm">
        Un courrier avec un code de confirmation sera envoyé au représentant légal de votre organisation (le maire, le
        président…), à l&apos;adresse de l&apos;annuaire. Une fois le code saisi, vous validerez vous-même les comptes de vos collègues.
      </p>
      <FormResult id="devenir-administrateur-message" state={state} form={formRef} />
      {state.status === "success" ? null : (
        <>
          <input type="hidden" name="identifier" value={identifier} />
          <PasswordInput id="devenir-administrateur-mot-de-passe" name="password" label="Confirmez votre mot de passe" required autoComplete="current-password" />
          <SubmitButton variant="secondary">Demander à devenir administrateur</SubmitButton>
        </>
      )}
    </form>
  );
}
