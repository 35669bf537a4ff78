"use client";

// The assistance form (HELP-2): category, organisation (directory search), steps already
// tried, message, contact e-mail. Pre-filled for a signed-in person, and by the dashboards'
// "Signaler une erreur dans mes chiffres" link (DASH-5), whose context is shown read-only
// and sent along. Errors are shown next to their fields, focus goes to the first one, and
// what was typed is kept.
import { useActionState, useRef } from "react";
import { OrganisationCombobox } from "@/components/organisations/organisation-combobox";
import { Alert } from "@/components/ui/alert";
import { RequiredFieldsNote, SelectField, TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFocusResult } from "@/components/ui/action-result";
import { IDLE, type FormState } from "@/lib/forms";
import { submitTicketAction } from "@/lib/support/actions";
import { TICKET_CATEGORIES, TICKET_CATEGORY_LABELS } from "@/lib/support/categories";
import type { TicketCategory } from "@/lib/generated/prisma/enums";
import { TextAreaField } from "./textarea-field";

export interface AssistanceDefaults {
  category: TicketCategory | null;
  contactEmail: string;
  organisation: { id: string; label: string } | null;
  /** DASH-5: the dashboard and period, already validated by the page. */
  dashboard: { tableau: string; periode: string | null; line: string } | null;
}

const OPTIONS = TICKET_CATEGORIES.map((category) => ({ value: category, label: TICKET_CATEGORY_LABELS[category] }));

export function AssistanceForm({ defaults }: { defaults: AssistanceDefaults }) {
  const [state, action] = useActionState<FormState<{ number: string }>, FormData>(submitTicketAction, IDLE);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusResult(state, "assistance-message", formRef);
  const values = state.status === "error" ? state.values : {};
  const errors = state.status === "error" ? state.fieldErrors : {};
  const sent = state.status === "success";

  return (
    <form ref={formRef} action={action} noValidate className="space-y-5">
      {sent ? (
        <Alert kind="success" id="assistance-message" tabIndex={-1} title={`Demande n° ${state.result.number} enregistrée`}>
          <p>{state.message}</p>
          <p>Gardez ce numéro : il vous sera demandé si vous nous contactez à ce sujet.</p>
        </Alert>
      ) : null}
      {state.status === "error" && state.message ? (
        <Alert kind="error" id="assistance-message" tabIndex={-1}>
          {state.message}
        </Alert>
      ) : null}
      <RequiredFieldsNote />
      <SelectField
        name="category"
        label="Catégorie"
        required
        placeholder="Choisissez…"
        options={OPTIONS}
        defaultValue={values.category ?? (sent ? "" : (defaults.category ?? ""))}
        error={errors.category}
      />
      {defaults.dashboard ? (
        <div className="rounded border-l-4 border-brand-700 bg-brand-50 px-4 py-3" id="assistance-contexte">
          <p className="font-medium">Chiffres signalés</p>
          <p>{defaults.dashboard.line}</p>
          <input type="hidden" name="tableau" value={defaults.dashboard.tableau} />
          {defaults.dashboard.periode ? <input type="hidden" name="periode" value={defaults.dashboard.periode} /> : null}
        </div>
      ) : null}
      <OrganisationCombobox
        key={`${state.status}-${values.organisationId ?? ""}`}
        label="Organisation concernée"
        error={errors.organisationId}
        defaultValue={
          values.organisationLabel !== undefined
            ? { id: values.organisationId ?? "", label: values.organisationLabel }
            : (defaults.organisation ?? undefined)
        }
      />
      <TextAreaField
        name="stepsTried"
        label="Démarches déjà effectuées"
        hint="Par exemple : vérifié le dossier des indésirables, demandé un nouveau lien, contacté l'administrateur."
        rows={3}
        maxLength={2000}
        defaultValue={values.stepsTried ?? ""}
        error={errors.stepsTried}
      />
      <TextAreaField
        name="message"
        label="Votre message"
        required
        hint="Décrivez ce que vous cherchiez à faire et ce qui s'est passé. N'écrivez jamais votre mot de passe."
        rows={6}
        maxLength={5000}
        defaultValue={values.message ?? ""}
        error={errors.message}
      />
      <TextField
        name="contactEmail"
        type="email"
        label="Adresse électronique de contact"
        required
        autoComplete="email"
        hint="La réponse et l'accusé de réception y seront envoyés."
        defaultValue={values.contactEmail ?? defaults.contactEmail}
        error={errors.contactEmail}
      />
      <SubmitButton>Envoyer ma demande</SubmitButton>
    </form>
  );
}
