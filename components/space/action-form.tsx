"use client";

// A form of "Mon espace": its action's success or error message above the fields, focus
// on the first error, values kept.
import { useActionState, useRef, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFocusFirstError } from "@/components/ui/use-focus-first-error";
import { IDLE, type FieldErrors, type FormState, type FormValues } from "@/lib/forms";

export function ActionForm({
  id,
  action: serverAction,
  submitLabel,
  variant = "primary",
  children,
}: {
  id: string;
  action: (previous: FormState<object>, formData: FormData) => Promise<FormState<object>>;
  submitLabel: string;
  variant?: "primary" | "secondary";
  /** `answer` changes identity with each answer of the action. */
  children: (state: { values: FormValues; errors: FieldErrors; answer: FormState<object> }) => ReactNode;
}) {
  const [state, action] = useActionState(serverAction, IDLE);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstError(formRef, state, `${id}-message`);
  const values = state.status === "error" ? state.values : state.status === "success" ? (state.values ?? {}) : {};
  const errors = state.status === "error" ? state.fieldErrors : {};

  return (
    <form ref={formRef} action={action} noValidate className="space-y-4">
      {state.status === "success" && state.message ? <Alert kind="success">{state.message}</Alert> : null}
      {state.status === "error" && state.message ? (
        <Alert kind="error" id={`${id}-message`} tabIndex={-1}>
          {state.message}
        </Alert>
      ) : null}
      {children({ values, errors, answer: state })}
      <SubmitButton variant={variant}>{submitLabel}</SubmitButton>
    </form>
  );
}
