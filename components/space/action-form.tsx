"use client";

// A form whose action answers with a message: the answer above the fields, focused on each
// new answer (or the first invalid field), values kept. Used across the portal.
import { useActionState, useRef, type ReactNode } from "react";
import { FormResult, useInOutlet, useOutletAction } from "@/components/ui/action-result";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { SubmitButton } from "@/components/ui/submit-button";
import { IDLE, type FieldErrors, type FormState, type FormValues } from "@/lib/forms";

export function ActionForm({
  id,
  action: serverAction,
  submitLabel,
  variant = "primary",
  confirm,
  children,
}: {
  id: string;
  action: (previous: FormState<object>, formData: FormData) => Promise<FormState<object>>;
  submitLabel: string;
  variant?: "primary" | "secondary";
  /** For an action that ends something for others: ask first, naming the consequence. */
  confirm?: { title: string; consequence: ReactNode; confirmLabel: string };
  /** `answer` changes identity with each answer of the action. */
  children: (state: { values: FormValues; errors: FieldErrors; answer: FormState<object> }) => ReactNode;
}) {
  const [state, action] = useActionState(useOutletAction(serverAction), IDLE);
  const inOutlet = useInOutlet();
  const formRef = useRef<HTMLFormElement>(null);
  // Inside a ResultOutlet (the form may be replaced by another once it succeeds), the outlet
  // says the answer; problems of fields stay with the form.
  const fieldProblem = state.status === "error" && Object.keys(state.fieldErrors).length > 0;
  const shown = inOutlet && !fieldProblem ? IDLE : state;
  const values = state.status === "error" ? state.values : state.status === "success" ? (state.values ?? {}) : {};
  const errors = state.status === "error" ? state.fieldErrors : {};

  return (
    <form ref={formRef} action={action} noValidate className="space-y-4">
      <FormResult id={`${id}-message`} state={shown} form={formRef} />
      {children({ values, errors, answer: state })}
      {confirm ? (
        <ConfirmButton variant={variant} title={confirm.title} consequence={confirm.consequence} confirmLabel={confirm.confirmLabel}>
          {submitLabel}
        </ConfirmButton>
      ) : (
        <SubmitButton variant={variant}>{submitLabel}</SubmitButton>
      )}
    </form>
  );
}
