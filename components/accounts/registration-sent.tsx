"use client";

import { useActionState, useEffect, useRef } from "react";
import { FormResult } from "@/components/ui/action-result";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { resendActivationAction, type RegistrationResult, type ResendState } from "@/lib/accounts/actions";
import { IDLE } from "@/lib/forms";

/**
 * ACC-2, ACC-3, SEC-8: what the person sees once registered. The same page whatever already
 * existed for this address in this organisation (a new account, a registration waiting for
 * its activation, an active account): the e-mail tells the rest, identifier included, to the
 * owner of the address only.
 */
export function RegistrationSent({ identifier, email, resendReference }: RegistrationResult) {
  const [state, action] = useActionState<ResendState, FormData>(resendActivationAction, IDLE);
  // The form the person just sent is gone: the focus goes to what replaced it, its title.
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <section aria-labelledby="inscription-envoyee" className="space-y-5">
      <h2 id="inscription-envoyee" ref={headingRef} tabIndex={-1} className="text-2xl font-semibold text-brand-900">
        Votre inscription est enregistrée
      </h2>
      <Alert kind="success" title="Votre identifiant">
        <p>
          <strong className="font-mono text-lg">{identifier}</strong>
        </p>
        <p className="mt-1">Notez-le : c&apos;est lui qui vous servira à vous connecter. Il ne changera jamais.</p>
      </Alert>
      <Alert kind="info" title="Consultez votre messagerie">
        <p>
          Un courriel vient d&apos;être envoyé à <strong>{email}</strong>. Il vous donne votre identifiant et le lien
          pour activer votre compte, valable 72 heures.
        </p>
        <p className="mt-1">
          Si cette adresse a déjà un compte pour cette organisation, le courriel vous rappelle son identifiant à la
          place : aucun second compte n&apos;est créé, et c&apos;est l&apos;identifiant du courriel qui fait foi.
        </p>
      </Alert>
      <div className="space-y-2">
        <p>
          Le courriel peut mettre quelques minutes à arriver. S&apos;il n&apos;est pas dans votre boîte de réception,
          regardez dans le dossier des courriers indésirables (spams).
        </p>
      </div>
      <form action={action} className="space-y-3">
        <input type="hidden" name="reference" value={resendReference} />
        <FormResult id="renvoi-message" state={state} />
        <SubmitButton variant="secondary" pendingLabel="Envoi…">
          Renvoyer le courriel d&apos;activation
        </SubmitButton>
      </form>
    </section>
  );
}
