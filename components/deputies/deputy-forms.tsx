"use client";

// Forms of deputy administrators (DEP-1): designate and remove (the administrator's
// console), accept or decline (Mon espace).
import { useActionState, useId, useRef } from "react";
import { FormResult, useOutletAction } from "@/components/ui/action-result";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { answerDeputyDesignationAction, designateDeputyAction, removeDeputyAction } from "@/lib/deputies/actions";
import { IDLE, type FormState } from "@/lib/forms";

export function DesignateDeputyForm({ disabled }: { disabled: boolean }) {
  const [state, action] = useActionState<FormState<object>, FormData>(designateDeputyAction, IDLE);
  const formRef = useRef<HTMLFormElement>(null);
  const values = state.status === "error" ? state.values : {};
  return (
    <form ref={formRef} action={action} noValidate className="space-y-4">
      <FormResult id="designation-message" state={state} form={formRef} />
      <TextField
        name="login"
        label="Identifiant ou adresse électronique de la personne"
        hint="Un compte actif de votre organisation, qui n'est pas déjà suppléant."
        required
        autoComplete="off"
        maxLength={254}
        defaultValue={values.login ?? ""}
        error={state.status === "error" ? state.fieldErrors.login : undefined}
      />
      {disabled ? (
        <p className="text-slate-700">Votre organisation a déjà trois suppléants : retirez-en un pour en désigner un autre.</p>
      ) : (
        <SubmitButton>Désigner un suppléant</SubmitButton>
      )}
    </form>
  );
}

/** Inside the deputies list (a ResultOutlet): the answer is said above the list, which the removal refreshes. */
export function RemoveDeputyForm({ accountId, personName }: { accountId: string; personName: string }) {
  const [, action] = useActionState<FormState<object>, FormData>(useOutletAction(removeDeputyAction), IDLE);
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="accountId" value={accountId} />
      <ConfirmButton
        title={`Retirer le rôle de suppléant à ${personName} ?`}
        consequence={<p>{personName} ne pourra plus administrer l&apos;organisation ; un courriel l&apos;en informe.</p>}
        confirmLabel="Retirer le rôle"
        pendingLabel="Retrait…"
      >
        Retirer le rôle<span className="sr-only"> de suppléant à {personName}</span>
      </ConfirmButton>
    </form>
  );
}

export function AnswerDesignationForm({ pending }: { pending: boolean }) {
  const [state, action] = useActionState<FormState<object>, FormData>(answerDeputyDesignationAction, IDLE);
  const messageId = useId();
  if (state.status === "success") return <FormResult id={messageId} state={state} />;
  return (
    <form action={action} className="space-y-3">
      <FormResult id={messageId} state={state} />
      <div className="flex flex-wrap gap-3">
        {pending ? (
          <>
            <SubmitButton name="answer" value="accept">
              Accepter le rôle de suppléant
            </SubmitButton>
            <SubmitButton name="answer" value="decline" variant="secondary">
              Décliner
            </SubmitButton>
          </>
        ) : (
          <SubmitButton name="answer" value="decline" variant="secondary">
            Renoncer au rôle de suppléant
          </SubmitButton>
        )}
      </div>
    </form>
  );
}
