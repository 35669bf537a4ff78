"use client";

// A one-field form whose answer is the same whether an account matches or not
// (resend activation link, forgotten password, forgotten identifier).
import { useActionState, useRef } from "react";
import { Alert } from "@/components/ui/alert";
import { TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFocusResult } from "@/components/ui/action-result";
import { IDLE, type FormState } from "@/lib/forms";

export function LoginRequestForm({
  action: serverAction,
  name,
  label,
  type = "text",
  autoComplete,
  hint,
}: {
  action: (previous: FormState<object>, formData: FormData) => Promise<FormState<object>>;
  name: string;
  label: string;
  type?: "text" | "email";
  autoComplete?: string;
  hint?: string;
}) {
  const [state, action] = useActionState(serverAction, IDLE);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusResult(state, `${name}-message`, formRef);
  const values = state.status === "error" ? state.values : {};

  return (
    <form ref={formRef} action={action} noValidate className="space-y-5">
      {state.status === "success" ? (
        <Alert kind="success" id={`${name}-message`} tabIndex={-1} title="Demande enregistrée">
          {state.message}
        </Alert>
      ) : null}
      {state.status === "error" && state.message && !Object.keys(state.fieldErrors).length ? (
        <Alert kind="error" id={`${name}-message`} tabIndex={-1}>
          {state.message}
        </Alert>
      ) : null}
      <TextField
        name={name}
        type={type}
        label={label}
        required
        autoComplete={autoComplete}
        autoCapitalize="none"
        spellCheck={false}
        hint={hint}
        defaultValue={values[name]}
        error={state.status === "error" ? state.fieldErrors[name] : undefined}
      />
      <SubmitButton>Envoyer</SubmitButton>
    </form>
  );
}
