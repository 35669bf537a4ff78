"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { becomeAdministratorAction, requestNewLetterAction } from "@/lib/admin-requests/actions";
import { IDLE, type FormState } from "@/lib/forms";

function ActionButton({ action: serverAction, label }: { action: (previous: FormState<object>, data: FormData) => Promise<FormState<object>>; label: string }) {
  const [state, action] = useActionState(serverAction, IDLE);
  return (
    <form action={action} className="space-y-3">
      {state.status === "success" ? <Alert kind="success">{state.message}</Alert> : null}
      {state.status === "error" ? <Alert kind="error">{state.message}</Alert> : null}
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
