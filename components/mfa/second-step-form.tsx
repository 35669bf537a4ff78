"use client";

// MFA-2: the second step of the sign-in: a code (authenticator app or recovery code) or a
// passkey. The passkey's answer goes through the same action as a code.
import { startAuthentication } from "@simplewebauthn/browser";
import Link from "next/link";
import { startTransition, useActionState, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { TextField } from "@/components/ui/field";
import { secondaryButtonClass, SubmitButton } from "@/components/ui/submit-button";
import { useFocusResult } from "@/components/ui/action-result";
import { IDLE, type FormState } from "@/lib/forms";
import { passkeySignInOptionsAction, verifySecondStepAction } from "@/lib/mfa/actions";

type StepState = FormState<never> & { expired?: boolean };

export function SecondStepForm({ callbackUrl, factors }: { callbackUrl?: string; factors: { totp: boolean; passkey: boolean } }) {
  const [state, action, pending] = useActionState<StepState, FormData>(verifySecondStepAction, IDLE);
  const [passkeyProblem, setPasskeyProblem] = useState<string | null>(null);
  const [waiting, setWaiting] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusResult(state, "verification-message", formRef);
  const errors = state.status === "error" ? state.fieldErrors : {};

  async function usePasskey() {
    setPasskeyProblem(null);
    setWaiting(true);
    try {
      const answer = await passkeySignInOptionsAction({ status: "idle" }, new FormData());
      if (!("options" in answer)) {
        setPasskeyProblem(answer.status === "error" ? (answer.message ?? null) : null);
        return;
      }
      const response = await startAuthentication({ optionsJSON: answer.options });
      const data = new FormData();
      data.set("passkey", JSON.stringify(response));
      data.set("callbackUrl", callbackUrl ?? "");
      startTransition(() => action(data));
    } catch {
      setPasskeyProblem("La clé d'accès n'a pas répondu ou la demande a été annulée : réessayez, ou saisissez un code.");
    } finally {
      setWaiting(false);
    }
  }

  return (
    <div className="space-y-6">
      <form ref={formRef} action={action} noValidate className="space-y-5">
        {state.status === "error" && state.message ? (
          <Alert kind="error" id="verification-message" tabIndex={-1}>
            <p>{state.message}</p>
            {state.expired ? (
              <p className="mt-2">
                <Link href="/connexion">Revenir à la connexion</Link>
              </p>
            ) : null}
          </Alert>
        ) : null}
        <input type="hidden" name="callbackUrl" value={callbackUrl ?? ""} />
        <TextField
          name="code"
          label="Code de vérification"
          required
          autoComplete="one-time-code"
          autoCapitalize="none"
          spellCheck={false}
          autoFocus
          error={errors.code}
          hint={
            factors.totp
              ? "Le code à 6 chiffres affiché par votre application d'authentification, ou l'un de vos codes de secours (par exemple K7M2P-QX9RT)."
              : "L'un de vos codes de secours (par exemple K7M2P-QX9RT)."
          }
        />
        <SubmitButton pendingLabel="Vérification…">Vérifier</SubmitButton>
      </form>
      {factors.passkey ? (
        <div className="space-y-3 border-t border-slate-200 pt-4">
          <p>Vous avez enregistré une clé d&apos;accès (empreinte, visage, code de l&apos;appareil ou clé de sécurité) :</p>
          <button type="button" onClick={usePasskey} disabled={waiting || pending} aria-disabled={waiting || pending} className={secondaryButtonClass}>
            {waiting ? "En attente de la clé d'accès…" : "Utiliser une clé d'accès"}
          </button>
          <div role="status" aria-live="polite">
            {passkeyProblem ? <p className="font-medium text-red-700">{passkeyProblem}</p> : null}
          </div>
        </div>
      ) : null}
    </div>
  );
}
