"use client";

// Forms of deputy administrators (DEP-1): designate and remove (the administrator's
// console), accept or decline (Mon espace).
import { useActionState, useRef } from "react";
import { Alert } from "@/components/ui/alert";
import { TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFocusFirstError } from "@/components/ui/use-focus-first-error";
import { answerDeputyDesignationAction, designateDeputyAction, removeDeputyAction } from "@/lib/deputies/actions";
import { IDLE, type FormState } from "@/lib/forms";

export function DesignateDeputyForm({ disabled }: { disabled: boolean }) {
  const [state, action] = useActionState<FormState<object>, FormData>(designateDeputyAction, IDLE);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstError(formRef, state, "designation-message");
  const values = state.status === "error" ? state.values : {};
  return (
    <form ref={formRef} action={action} noValidate className="space-y-4">
      <div id="designation-message" tabIndex={-1}>
        {state.status === "success" ? <Alert kind="success">{state.message}</Alert> : null}
        {state.status === "error" && !Object.keys(state.fieldErrors).length ? <Alert kind="error">{state.message}</Alert> : null}
      </div>
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

export function RemoveDeputyForm({ accountId, personName }: { accountId: string; personName: string }) {
  const [state, action] = useActionState<FormState<object>, FormData>(removeDeputyAction, IDLE);
  if (state.status === "success") return <Alert kind="success">{state.message}</Alert>;
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="accountId" value={accountId} />
      <SubmitButton variant="secondary" pendingLabel="…">
        Retirer le rôle<span className="sr-only"> de suppléant à {personName}</span>
      </SubmitButton>
      {state.status === "error" ? <Alert kind="error">{state.message}</Alert> : null}
    </form>
  );
}

export function AnswerDesignationForm({ pending }: { pending: boolean }) {
  const [state, action] = useActionState<FormState<object>, FormData>(answerDeputyDesignationAction, IDLE);
  if (state.status === "success") return <Alert kind="success">{state.message}</Alert>;
  return (
    <form action={action} className="space-y-3">
      {state.status === "error" ? <Alert kind="error">{state.message}</Alert> : null}
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
