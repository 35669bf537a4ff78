"use client";

// BULK-3: the activation of an account created by an import: the person chooses their
// password here (never sent by e-mail), with the live checklist of the password policy.
import Link from "next/link";
import { useActionState, useEffect, useRef } from "react";
import { Alert } from "@/components/ui/alert";
import { RequiredFieldsNote } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFocusResult } from "@/components/ui/action-result";
import { activateWithPasswordAction, type PasswordActivationState } from "@/lib/accounts/actions";
import { IDLE } from "@/lib/forms";
import type { PasswordContext } from "@/lib/password-policy";
import { NewPasswordFields } from "./new-password-fields";
import { TOKEN_PROBLEM_TEXT } from "./token-problem-text";

export function ActivationPasswordForm({ token, identifier, context }: { token: string; identifier: string; context: PasswordContext }) {
  const [state, action] = useActionState<PasswordActivationState, FormData>(activateWithPasswordAction, IDLE);
  const formRef = useRef<HTMLFormElement>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  useFocusResult(state.status === "link_problem" ? { status: "idle" } : state, "activation-message", formRef);
  useEffect(() => {
    if (state.status === "success" || state.status === "link_problem") resultRef.current?.focus();
  }, [state]);

  if (state.status === "link_problem") {
    return (
      <div ref={resultRef} tabIndex={-1} className="focus:outline-none">
        <Alert kind="error" title="Votre compte n'a pas pu être activé">
          <p>{state.problem === "not_applicable" ? "Ce compte ne peut pas être activé par ce lien : contactez l'assistance." : TOKEN_PROBLEM_TEXT[state.problem]}</p>
          <p className="mt-2">
            <Link href="/activation/renvoyer">Recevoir un nouveau lien d&apos;activation</Link>
          </p>
        </Alert>
      </div>
    );
  }
  if (state.status === "success") {
    return (
      <div ref={resultRef} tabIndex={-1} className="focus:outline-none">
        <Alert kind="success" title="Votre compte est activé">
          <p>
            Vous pouvez vous connecter au portail avec l&apos;identifiant <strong>{state.result.identifier}</strong> et le mot de passe
            que vous venez de choisir ({state.result.organisationName}).
          </p>
          <p className="mt-2">
            <Link href="/connexion">Se connecter</Link>
          </p>
        </Alert>
      </div>
    );
  }
  const errors = state.status === "error" ? state.fieldErrors : {};
  return (
    <form ref={formRef} action={action} noValidate className="space-y-5">
      {state.status === "error" && state.message ? (
        <Alert kind="error" id="activation-message" tabIndex={-1}>
          {state.message}
        </Alert>
      ) : null}
      <p>
        Votre organisation vous a ouvert un compte. Choisissez votre mot de passe pour l&apos;activer. Votre identifiant :{" "}
        <strong className="font-mono">{identifier}</strong>
      </p>
      <RequiredFieldsNote />
      <input type="hidden" name="token" value={token} />
      <input type="text" name="username" autoComplete="username" value={identifier} readOnly hidden />
      <NewPasswordFields label="Mot de passe" context={context} errors={errors} resetKey={state} />
      <SubmitButton pendingLabel="Activation…">Activer mon compte</SubmitButton>
    </form>
  );
}
