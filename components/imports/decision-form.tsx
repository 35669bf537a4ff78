"use client";

// Confirming, abandoning or resuming an import: one button, its refusal shown above it.
import { useActionState } from "react";
import { FormResult } from "@/components/ui/action-result";
import { SubmitButton } from "@/components/ui/submit-button";
import { IDLE, type FormState } from "@/lib/forms";
import { cancelImportAction, confirmImportAction, resumeImportAction } from "@/lib/imports/actions";

const ACTIONS = { confirm: confirmImportAction, cancel: cancelImportAction, resume: resumeImportAction };

export function ImportDecisionForm({
  kind,
  importId,
  organisationId,
  label,
  pendingLabel,
  variant = "primary",
}: {
  kind: keyof typeof ACTIONS;
  importId: string;
  organisationId?: string;
  label: string;
  pendingLabel: string;
  variant?: "primary" | "secondary";
}) {
  const [state, action] = useActionState<FormState<object>, FormData>(ACTIONS[kind], IDLE);
  return (
    <form action={action} className="space-y-2">
      <FormResult id={`import-${kind}-${importId}-message`} state={state} />
      <input type="hidden" name="importId" value={importId} />
      {organisationId ? <input type="hidden" name="organisationId" value={organisationId} /> : null}
      <SubmitButton variant={variant} pendingLabel={pendingLabel}>
        {label}
      </SubmitButton>
    </form>
  );
}
