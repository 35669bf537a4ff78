"use client";

import Link from "next/link";
import { useActionState, useRef } from "react";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFocusResult } from "@/components/ui/action-result";
import { resetPasswordAction, type ResetState } from "@/lib/accounts/actions";
import { IDLE } from "@/lib/forms";
import type { PasswordContext } from "@/lib/password-policy";
import { NewPasswordFields } from "./new-password-fields";
import { TOKEN_PROBLEM_TEXT } from "./token-problem-text";

export function ResetPasswordForm({ token, identifier, context }: { token: string; identifier: string; context: PasswordContext }) {
  const [state, action] = useActionState<ResetState, FormData>(resetPasswordAction, IDLE);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusResult(state.status === "link_problem" ? { status: "error" } : state, "reinitialisation-message", formRef);
  const errors = state.status === "error" ? state.fieldErrors : {};

  if (state.status === "link_problem") {
    return (
      <Alert kind="error" id="reinitialisation-message" tabIndex={-1} title="Ce lien ne fonctionne plus">
        <p>{TOKEN_PROBLEM_TEXT[state.problem]}</p>
        <p className="mt-2">
          <Link href="/mot-de-passe-oublie">Demander un nouveau lien</Link>
        </p>
      </Alert>
    );
  }
  return (
    <form ref={formRef} action={action} noValidate className="space-y-5">
      {state.status === "error" && state.message ? (
        <Alert kind="error" id="reinitialisation-message" tabIndex={-1}>
          {state.message}
        </Alert>
      ) : null}
      <p>
        Compte : <strong className="font-mono">{identifier}</strong>
      </p>
      <input type="hidden" name="token" value={token} />
      <input type="text" name="username" autoComplete="username" value={identifier} readOnly hidden />
      <NewPasswordFields label="Nouveau mot de passe" context={context} errors={errors} resetKey={state} />
      <SubmitButton pendingLabel="Enregistrement…">Enregistrer le nouveau mot de passe</SubmitButton>
    </form>
  );
}
