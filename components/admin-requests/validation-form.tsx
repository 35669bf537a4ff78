"use client";

import { useActionState, useEffect, useRef } from "react";
import { Alert } from "@/components/ui/alert";
import { RequiredFieldsNote, TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFocusResult } from "@/components/ui/action-result";
import { letterJobTitle } from "@/lib/accounts/job-titles";
import { checkCodeAction, confirmCodeAction, type ValidationState } from "@/lib/admin-requests/actions";
import type { RequestSummary } from "@/lib/admin-requests/confirm-admin-request";
import { IDLE } from "@/lib/forms";

const CIVILITY = { MADAME: "Madame", MONSIEUR: "Monsieur" } as Record<string, string>;

function Summary({ summary }: { summary: RequestSummary }) {
  const { requester } = summary;
  // As in the letter: only a title of the closed list, never the requester's free text.
  const jobTitle = letterJobTitle(requester.jobTitle, requester.civility);
  return (
    <dl className="grid gap-x-6 gap-y-2 rounded border border-slate-300 p-4 sm:grid-cols-[max-content_1fr]">
      <dt className="font-medium">Organisation</dt>
      <dd>{summary.organisationName}</dd>
      <dt className="font-medium">Futur administrateur</dt>
      <dd>
        {CIVILITY[requester.civility] ?? ""} {requester.firstName} {requester.lastName}
        {jobTitle ? `, ${jobTitle}` : ""} ({requester.email})
      </dd>
      <dt className="font-medium">Administrateur actuel</dt>
      <dd>
        {summary.currentAdministrator
          ? `${summary.currentAdministrator.firstName} ${summary.currentAdministrator.lastName}, qui deviendra simple utilisateur`
          : "Aucun"}
      </dd>
      <dt className="font-medium">Numéro de demande</dt>
      <dd className="font-mono">{summary.number}</dd>
    </dl>
  );
}

function ConfirmStep({ state }: { state: Extract<ValidationState, { status: "check_ok" }> }) {
  const [answer, confirm] = useActionState<ValidationState, FormData>(confirmCodeAction, IDLE);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), [answer.status]);

  if (answer.status === "confirmed") {
    return (
      <section aria-labelledby="validation-faite" className="space-y-4">
        <h2 id="validation-faite" ref={headingRef} tabIndex={-1} className="text-2xl font-semibold text-brand-900">
          Administrateur confirmé
        </h2>
        <Alert kind="success">
          {answer.summary.requester.firstName} {answer.summary.requester.lastName} est désormais l&apos;administrateur de{" "}
          {answer.summary.organisationName} sur le portail. Un courriel l&apos;en informe.
        </Alert>
        <p>Vous pouvez fermer cette page. Conservez le courrier jusqu&apos;à la fin de la démarche.</p>
      </section>
    );
  }
  return (
    <section aria-labelledby="validation-verification" className="space-y-4">
      <h2 id="validation-verification" ref={headingRef} tabIndex={-1} className="text-2xl font-semibold text-brand-900">
        Vérifiez la demande avant de la confirmer
      </h2>
      {answer.status === "error" ? <Alert kind="error">{answer.message}</Alert> : null}
      <Summary summary={state.summary} />
      <p>
        En confirmant, vous donnez à cette personne la gestion des accès de votre organisation au portail : abonnements
        aux e-services, validation des comptes de vos collègues et attribution des e-services.
      </p>
      <form action={confirm} className="flex flex-wrap items-center gap-4">
        <input type="hidden" name="number" value={state.number} />
        <input type="hidden" name="code" value={state.code} />
        <SubmitButton pendingLabel="Confirmation…">Confirmer cet administrateur</SubmitButton>
        <a href="/validation-administrateur">Ne pas confirmer</a>
      </form>
    </section>
  );
}

export function ValidationForm() {
  const [state, check] = useActionState<ValidationState, FormData>(checkCodeAction, IDLE);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusResult(state.status === "error" ? state : { status: "idle" }, "validation-message", formRef);
  if (state.status === "check_ok") return <ConfirmStep state={state} />;
  const values = state.status === "error" ? state.values : {};
  const errors = state.status === "error" ? state.fieldErrors : {};

  return (
    <form ref={formRef} action={check} noValidate className="space-y-5">
      {state.status === "error" && state.message ? (
        <Alert kind="error" id="validation-message" tabIndex={-1}>
          {state.message}
        </Alert>
      ) : null}
      <RequiredFieldsNote />
      <TextField
        name="number"
        label="Numéro de demande"
        required
        autoComplete="off"
        spellCheck={false}
        hint="Par exemple : DA-1234-5678."
        defaultValue={values.number}
        error={errors.number}
      />
      <TextField
        name="code"
        label="Code de confirmation"
        required
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        hint="Les 12 caractères du courrier. Majuscules, espaces et tirets sont sans importance."
        defaultValue={values.code}
        error={errors.code}
      />
      <SubmitButton pendingLabel="Vérification…">Valider</SubmitButton>
    </form>
  );
}
