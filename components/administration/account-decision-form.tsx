"use client";

import { useActionState, useId } from "react";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { decideOnAccountAction } from "@/lib/administration/actions";
import { IDLE, type FormState } from "@/lib/forms";

type Decision = "validate" | "refuse" | "invalidate" | "reactivate";

const LABELS: Record<Decision, string> = {
  validate: "Valider",
  refuse: "Refuser",
  invalidate: "Désactiver",
  reactivate: "Réactiver",
};

/** One decision on one account; refusing and deactivating ask for the reason given to the person. */
export function AccountDecisionForm({ accountId, personName, decision }: { accountId: string; personName: string; decision: Decision }) {
  const [state, action] = useActionState<FormState<object>, FormData>(decideOnAccountAction, IDLE);
  const noteId = useId();
  const needsNote = decision === "refuse" || decision === "invalidate";
  if (state.status === "success") return <Alert kind="success">{state.message}</Alert>;
  return (
    <form action={action} className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="accountId" value={accountId} />
      <input type="hidden" name="decision" value={decision} />
      {needsNote ? (
        <div>
          <label htmlFor={noteId} className="block text-sm">
            Motif <span className="sr-only">pour {personName}</span>
          </label>
          <input id={noteId} name="note" required maxLength={500} className="w-48 rounded border border-slate-500 px-2 py-1 text-sm" />
        </div>
      ) : null}
      <SubmitButton variant={decision === "validate" || decision === "reactivate" ? "primary" : "secondary"} pendingLabel="…">
        {LABELS[decision]}
        <span className="sr-only"> {personName}</span>
      </SubmitButton>
      {state.status === "error" ? (
        <p role="alert" className="w-full text-sm font-medium text-red-700">
          {Object.values(state.fieldErrors)[0] ?? state.message}
        </p>
      ) : null}
    </form>
  );
}
