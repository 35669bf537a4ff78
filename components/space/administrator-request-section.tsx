"use client";

import { useActionState, useId } from "react";
import { FormResult } from "@/components/ui/action-result";
import { SubmitButton } from "@/components/ui/submit-button";
import { becomeAdministratorAction, requestNewLetterAction } from "@/lib/admin-requests/actions";
import { IDLE, type FormState } from "@/lib/forms";

function ActionButton({ action: serverAction, label }: { action: (previous: FormState<object>, data: FormData) => Promise<FormState<object>>; label: string }) {
  const [state, action] = useActionState(serverAction, IDLE);
  const id = useId();
  return (
    <form action={action} className="space-y-3">
      <FormResult id={id} state={state} />
      <SubmitButton variant="secondary">{label}</SubmitButton>
    </form>
  );
}

export function BecomeAdministratorButton() {
  return <ActionButton action={becomeAdministratorAction} label="Devenir administrateur" />;
}

export function NewLetterButton() {
  return <ActionButton action={requestNewLetterAction} label="Demander un nouveau courrier" />;
}
