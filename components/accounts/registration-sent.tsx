"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { resendActivationAction, type RegistrationResult, type ResendState } from "@/lib/accounts/actions";
import { IDLE } from "@/lib/forms";

/** ACC-2, ACC-3: what the person sees once registered. */
export function RegistrationSent({ identifier, email, resent, resendReference }: RegistrationResult) {
  const [state, action] = useActionState<ResendState, FormData>(resendActivationAction, IDLE);
  return (
    <section aria-labelledby="inscription-envoyee" className="space-y-5">
      <h2 id="inscription-envoyee" tabIndex={-1} className="text-2xl font-semibold text-brand-900">
        {resent ? "Un nouveau courriel d'activation vous a été envoyé" : "Votre inscription est enregistrée"}
      </h2>
      <Alert kind="success" title="Votre identifiant">
        <p>
          <strong className="font-mono text-lg">{identifier}</strong>
        </p>
        <p className="mt-1">Notez-le : c&apos;est lui qui vous servira à vous connecter. Il ne changera jamais.</p>
      </Alert>
      <div className="space-y-2">
        <p>
          Pour activer votre compte, cliquez sur le lien du courriel envoyé à <strong>{email}</strong>. Le lien est
          valable 72 heures.
        </p>
        <p>
          Le courriel peut mettre quelques minutes à arriver. S&apos;il n&apos;est pas dans votre boîte de réception,
          regardez dans le dossier des courriers indésirables (spams).
        </p>
      </div>
      <form action={action} className="space-y-3">
        <input type="hidden" name="reference" value={resendReference} />
        {state.status === "success" ? <Alert kind="success">{state.message}</Alert> : null}
        {state.status === "error" ? <Alert kind="error">{state.message}</Alert> : null}
        <SubmitButton variant="secondary" pendingLabel="Envoi…">
          Renvoyer le courriel d&apos;activation
        </SubmitButton>
      </form>
    </section>
  );
}
