"use client";

import { useActionState, useId, useRef } from "react";
import { ResultMessage, useFocusResult, useInOutlet, useOutletAction } from "@/components/ui/action-result";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { SubmitButton } from "@/components/ui/submit-button";
import { decideOnAccountAction } from "@/lib/administration/actions";
import { IDLE, type FormState } from "@/lib/forms";
import type { AccountDecision } from "@/lib/administration/manage-accounts";

export type Decision = AccountDecision;

const LABELS: Record<Decision, string> = {
  validate: "Valider",
  refuse: "Refuser",
  invalidate: "Désactiver",
  reactivate: "Réactiver",
};

/** What refusing or deactivating ends for the person, said before it happens. */
function consequence(decision: "refuse" | "invalidate", personName: string) {
  return decision === "refuse" ? (
    <p>
      {personName} ne pourra pas se connecter au portail. Un courriel l&apos;en informe avec le motif que vous avez indiqué.
    </p>
  ) : (
    <>
      <p>
        {personName} ne pourra plus se connecter ni utiliser aucun e-service : ses sessions en cours prennent fin et ses
        permissions sont retirées.
      </p>
      <p>Si vous réactivez ce compte plus tard, ses permissions ne reviendront pas d&apos;elles-mêmes. Un courriel l&apos;informe avec votre motif.</p>
    </>
  );
}

/**
 * One decision on one account; refusing and deactivating ask for the reason given to the
 * person, then for confirmation. Inside the accounts list (a ResultOutlet) the answer is said
 * above the list, since a decided account leaves its tab.
 */
export function AccountDecisionForm({ accountId, personName, decision }: { accountId: string; personName: string; decision: Decision }) {
  const [state, action] = useActionState<FormState<object>, FormData>(useOutletAction(decideOnAccountAction), IDLE);
  const inOutlet = useInOutlet();
  const formRef = useRef<HTMLFormElement>(null);
  const noteId = useId();
  const messageId = `${noteId}-message`;
  const needsNote = decision === "refuse" || decision === "invalidate";
  const noteError = state.status === "error" ? state.fieldErrors.note : undefined;
  // Inside a list the outlet says the answer; a missing reason is still said at its field.
  const shown = inOutlet && !noteError ? IDLE : state;
  useFocusResult(shown, messageId, formRef);
  return (
    <form ref={formRef} action={action} className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="accountId" value={accountId} />
      <input type="hidden" name="decision" value={decision} />
      {needsNote ? (
        <div>
          <label htmlFor={noteId} className="block text-sm">
            Motif <span className="sr-only">pour {personName}</span>
          </label>
          <input
            id={noteId}
            name="note"
            required
            maxLength={500}
            aria-invalid={noteError ? true : undefined}
            aria-describedby={noteError ? `${noteId}-error` : undefined}
            className="w-48 rounded border border-slate-500 px-2 py-1 text-sm"
          />
          {noteError ? (
            <p id={`${noteId}-error`} className="text-sm font-medium text-red-700">
              {noteError}
            </p>
          ) : null}
        </div>
      ) : null}
      {decision === "refuse" || decision === "invalidate" ? (
        <ConfirmButton
          title={decision === "refuse" ? `Refuser l'inscription de ${personName} ?` : `Désactiver le compte de ${personName} ?`}
          // A function: the text is built only when the dialog opens, not for every row of a list.
          consequence={() => consequence(decision, personName)}
          confirmLabel={decision === "refuse" ? "Refuser l'inscription" : "Désactiver le compte"}
          pendingLabel="…"
        >
          {LABELS[decision]}
          <span className="sr-only"> {personName}</span>
        </ConfirmButton>
      ) : (
        <SubmitButton variant="primary" pendingLabel="…">
          {LABELS[decision]}
          <span className="sr-only"> {personName}</span>
        </SubmitButton>
      )}
      {/* Inside a list the outlet above it says the answer: no empty message box per row. */}
      {noteError || inOutlet ? null : (
        <div className="w-full empty:hidden">
          <ResultMessage id={messageId} state={shown} />
        </div>
      )}
    </form>
  );
}
