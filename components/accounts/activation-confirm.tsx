"use client";

import Link from "next/link";
import { useActionState } from "react";
import { useFocusResult } from "@/components/ui/action-result";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { activateAction, type ActivationState } from "@/lib/accounts/actions";
import type { ActivationOutcome } from "@/lib/accounts/activate-account";
import { TOKEN_PROBLEM_TEXT } from "./token-problem-text";
import { deNom } from "@/lib/french/names";
import { BecomeAdministratorForm } from "./new-letter-form";

function Outcome({ outcome }: { outcome: ActivationOutcome }) {
  if (!outcome.ok) {
    return (
      <Alert kind="error" title="Votre adresse n'a pas pu être confirmée">
        <p>{outcome.problem === "not_applicable" ? "Ce compte ne peut pas être réactivé par ce lien : contactez l'assistance." : TOKEN_PROBLEM_TEXT[outcome.problem]}</p>
        <p className="mt-2">
          <Link href="/activation/renvoyer">Recevoir un nouveau lien d&apos;activation</Link>
        </p>
      </Alert>
    );
  }
  if (outcome.status === "ACTIVE") {
    return (
      <Alert kind="success" title="Votre compte est de nouveau actif">
        <p>
          Vous pouvez vous connecter avec l&apos;identifiant <strong>{outcome.identifier}</strong>. Vos accès aux
          e-services doivent être attribués à nouveau par l&apos;administrateur {deNom({ name: outcome.organisationName, typeLiaison: outcome.organisationTypeLiaison })}.
        </p>
        <p className="mt-2">
          <Link href="/connexion">Se connecter</Link>
        </p>
      </Alert>
    );
  }
  if (outcome.administratorRequested) {
    return (
      <Alert kind="success" title="Votre adresse électronique est confirmée">
        <p>
          Votre demande pour devenir administrateur <strong>{deNom({ name: outcome.organisationName, typeLiaison: outcome.organisationTypeLiaison })}</strong> est enregistrée.
          Un courrier contenant un numéro de demande et un code de confirmation va être envoyé par la poste au
          représentant légal de l&apos;organisation (maire, président). Dès qu&apos;il les aura saisis sur le portail,
          vous deviendrez administrateur et en serez informé par courriel.
        </p>
        <p className="mt-2">Votre identifiant : <strong>{outcome.identifier}</strong></p>
      </Alert>
    );
  }
  const ofOrganisation = deNom({ name: outcome.organisationName, typeLiaison: outcome.organisationTypeLiaison });
  if (!outcome.organisationHasAdministrator) {
    // Issue 16 item 4: nobody can validate this account yet; its owner may take the role.
    return (
      <>
        <Alert kind="warning" title="Votre adresse électronique est confirmée">
          <p>
            Votre compte doit être validé par l&apos;administrateur {ofOrganisation}, mais votre organisation n&apos;a pas
            encore d&apos;administrateur sur le portail : vous ne pouvez pas encore vous connecter. Vous pouvez demander à
            devenir administrateur vous-même, ou attendre qu&apos;un collègue le devienne.
          </p>
          <p className="mt-2">Votre identifiant : <strong>{outcome.identifier}</strong></p>
        </Alert>
        <BecomeAdministratorForm identifier={outcome.identifier} />
      </>
    );
  }
  return (
    <Alert kind="success" title="Votre adresse électronique est confirmée">
      <p>
        Votre compte attend maintenant la validation de l&apos;administrateur <strong>{ofOrganisation}</strong>.
        Vous recevrez un courriel dès qu&apos;il l&apos;aura validé.
      </p>
      <p className="mt-2">Votre identifiant : <strong>{outcome.identifier}</strong></p>
    </Alert>
  );
}

export function ActivationConfirm({ token }: { token: string }) {
  const [state, action] = useActionState<ActivationState, FormData>(activateAction, { status: "idle" });
  useFocusResult(state, "activation-resultat");

  if (state.status === "done") {
    return (
      <div id="activation-resultat" tabIndex={-1} className="focus:outline-none">
        <Outcome outcome={state.outcome} />
      </div>
    );
  }
  return (
    <form action={action} className="space-y-4">
      <input type="hidden" name="token" value={token} />
      <p>Cliquez sur le bouton pour confirmer votre adresse électronique et activer votre compte.</p>
      <SubmitButton pendingLabel="Confirmation…">Confirmer mon adresse électronique</SubmitButton>
    </form>
  );
}
