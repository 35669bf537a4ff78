"use client";

// The forms around a ticket: the requester's reply (from "Mon espace" or the private link)
// and the operator's answer, close and reopen (HELP-2), and the operator's reactivation of
// the requester's account (LIFE-4).
import { TextAreaField } from "@/components/help/textarea-field";
import { ActionForm } from "@/components/space/action-form";
import { TextField } from "@/components/ui/field";
import {
  operatorTicketAction,
  reactivateRequesterAccountAction,
  replyAsAccountAction,
  replyByLinkAction,
} from "@/lib/support/actions";
import { resetSecondFactorAction } from "@/lib/mfa/actions";

export function RequesterReplyForm({ ticketId, token }: { ticketId?: string; token?: string }) {
  return (
    <ActionForm id="reponse" action={token ? replyByLinkAction : replyAsAccountAction} submitLabel="Envoyer mon message">
      {({ values, errors }) => (
        <>
          {token ? <input type="hidden" name="token" value={token} /> : <input type="hidden" name="ticketId" value={ticketId} />}
          <TextAreaField
            key={values.body === undefined ? "vide" : "saisi"}
            name="body"
            label="Votre message"
            required
            hint="Ajoutez une précision ou répondez à l'assistance. N'écrivez jamais votre mot de passe."
            maxLength={5000}
            defaultValue={values.body ?? ""}
            error={errors.body}
          />
        </>
      )}
    </ActionForm>
  );
}

export function OperatorAnswerForm({ ticketId }: { ticketId: string }) {
  return (
    <ActionForm id="reponse-operateur" action={operatorTicketAction} submitLabel="Envoyer la réponse">
      {({ values, errors }) => (
        <>
          <input type="hidden" name="ticketId" value={ticketId} />
          <input type="hidden" name="action" value="answer" />
          <TextAreaField
            name="body"
            label="Réponse"
            required
            hint="Elle est envoyée par courriel à l'adresse de contact de la demande."
            rows={6}
            maxLength={5000}
            defaultValue={values.body ?? ""}
            error={errors.body}
          />
        </>
      )}
    </ActionForm>
  );
}

export function OperatorStatusForm({ ticketId, action }: { ticketId: string; action: "close" | "reopen" }) {
  return (
    <ActionForm
      id={`etat-${action}`}
      action={operatorTicketAction}
      submitLabel={action === "close" ? "Clore la demande" : "Rouvrir la demande"}
      variant="secondary"
    >
      {() => (
        <>
          <input type="hidden" name="ticketId" value={ticketId} />
          <input type="hidden" name="action" value={action} />
        </>
      )}
    </ActionForm>
  );
}

export function ReactivateAccountForm({ ticketId, accountId, identifier }: { ticketId: string; accountId: string; identifier: string }) {
  return (
    <ActionForm id={`reactivation-${accountId}`} action={reactivateRequesterAccountAction} submitLabel={`Réactiver ${identifier}`} variant="secondary">
      {({ values, errors }) => (
        <>
          <input type="hidden" name="ticketId" value={ticketId} />
          <input type="hidden" name="accountId" value={accountId} />
          <TextField
            id={`champ-note-${accountId}`}
            name="note"
            label={`Note de réactivation du compte ${identifier}`}
            required
            hint="Ce qui justifie la réactivation (vérification faite, échange avec la personne) : conservée au journal."
            maxLength={500}
            defaultValue={values.note ?? ""}
            error={errors.note}
          />
        </>
      )}
    </ActionForm>
  );
}

/** MFA-4: the requester lost every second factor; the operator resets them after a check. */
export function ResetSecondFactorForm({ ticketId, accountId, identifier }: { ticketId: string; accountId: string; identifier: string }) {
  return (
    <ActionForm
      id={`double-authentification-${accountId}`}
      action={resetSecondFactorAction}
      submitLabel={`Réinitialiser la double authentification de ${identifier}`}
      variant="secondary"
      // Issue 16 item 6: it ends something for someone else (their factors and sessions).
      confirm={{
        title: `Réinitialiser la double authentification de ${identifier} ?`,
        consequence: (
          <>
            <p>
              Son application d&apos;authentification, ses clés d&apos;accès et ses codes de secours seront supprimés, et toutes ses
              sessions fermées, y compris dans les e-services.
            </p>
            <p>
              À sa prochaine connexion, avec son mot de passe, {identifier} devra configurer une nouvelle double authentification. Un
              courriel l&apos;en informe.
            </p>
          </>
        ),
        confirmLabel: "Réinitialiser la double authentification",
      }}
    >
      {({ values, errors }) => (
        <>
          <input type="hidden" name="ticketId" value={ticketId} />
          <input type="hidden" name="accountId" value={accountId} />
          <TextField
            id={`champ-verification-${accountId}`}
            name="note"
            label={`Vérification d'identité faite pour ${identifier}`}
            required
            hint="Comment l'identité de la personne a été confirmée (rappel au numéro de la mairie, échange avec l'administrateur…) : conservée au journal."
            maxLength={1000}
            defaultValue={values.note ?? ""}
            error={errors.note}
          />
        </>
      )}
    </ActionForm>
  );
}
