"use client";

import Link from "next/link";
import { useActionState, useRef } from "react";
import { Alert } from "@/components/ui/alert";
import { TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFocusResult } from "@/components/ui/action-result";
import { loginAction, type LoginState } from "@/lib/auth/actions";
import { ACTIVATION_LINK_HELPS } from "@/lib/auth/login-messages";
import { IDLE } from "@/lib/forms";
import { BecomeAdministratorForm, NewLetterForm } from "./new-letter-form";

export function LoginForm({ callbackUrl }: { callbackUrl?: string }) {
  const [state, action] = useActionState<LoginState, FormData>(loginAction, IDLE);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusResult(state, "connexion-message", formRef);
  const values = state.status === "error" ? state.values : {};
  const errors = state.status === "error" ? state.fieldErrors : {};

  return (
    <>
    <form ref={formRef} action={action} noValidate className="space-y-5">
      {state.status === "error" && state.message ? (
        <Alert kind="error" id="connexion-message" tabIndex={-1}>
          <p>{state.message}</p>
          {state.reason && ACTIVATION_LINK_HELPS.includes(state.reason) ? (
            <p className="mt-2">
              <Link href="/activation/renvoyer">Recevoir un nouveau lien d&apos;activation</Link>
            </p>
          ) : null}
          {state.reason === "invalid" ? (
            <p className="mt-2">
              Vérifiez les majuscules et minuscules du mot de passe, ou utilisez{" "}
              <Link href="/mot-de-passe-oublie">Mot de passe oublié</Link>.
            </p>
          ) : null}
        </Alert>
      ) : null}
      <input type="hidden" name="callbackUrl" value={values.callbackUrl ?? callbackUrl ?? ""} />
      <TextField
        name="identifier"
        label="Identifiant"
        required
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        defaultValue={values.identifier}
        error={errors.identifier}
        hint="Par exemple : claire-martin. Il figure dans le courriel reçu à l'inscription."
      />
      <TextField
        name="password"
        type="password"
        label="Mot de passe"
        required
        autoComplete="current-password"
        error={errors.password}
      />
      <div className="flex flex-wrap items-center gap-x-6 gap-y-3">
        <SubmitButton pendingLabel="Connexion…">Se connecter</SubmitButton>
        <Link href="/mot-de-passe-oublie">Mot de passe oublié ?</Link>
        <Link href="/identifiant-oublie">Identifiant oublié ?</Link>
      </div>
    </form>
    {state.status === "error" && state.reason === "pending_legal_representative" ? <NewLetterForm identifier={values.identifier ?? ""} /> : null}
    {state.status === "error" && state.reason === "pending_validation_unmanaged" ? (
      <BecomeAdministratorForm identifier={values.identifier ?? ""} />
    ) : null}
    </>
  );
}
