"use client";

// DEP-3: invite one person. The fields of a CSV row of an import, typed in a form: the
// person receives the same welcome e-mail and chooses their password through its link.
import { CivilityField } from "@/components/accounts/civility-field";
import { ActionForm } from "@/components/space/action-form";
import { useState } from "react";
import { describedBy, FieldError, RequiredFieldsNote, TextField } from "@/components/ui/field";
import { inviteAction } from "@/lib/invitations/actions";

export function InvitationForm({ eServices, today }: { eServices: { id: string; name: string }[]; today: string }) {
  return (
    <ActionForm id="inviter" action={inviteAction} submitLabel="Inviter une personne">
      {({ values, errors, answer }) => (
        <div className="space-y-4">
          <RequiredFieldsNote />
          <CivilityField defaultValue={values.civility} error={errors.civility} />
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField name="firstName" label="Prénom" required autoComplete="off" maxLength={60} defaultValue={values.firstName} error={errors.firstName} />
            <TextField name="lastName" label="Nom" required autoComplete="off" maxLength={60} defaultValue={values.lastName} error={errors.lastName} />
          </div>
          <TextField
            name="email"
            type="email"
            label="Adresse électronique"
            required
            autoComplete="off"
            hint="Le courriel de bienvenue y sera envoyé, avec l'identifiant et le lien pour choisir un mot de passe."
            defaultValue={values.email}
            error={errors.email}
          />
          {/* Keyed by the answer: a success starts from no ticked box; an error keeps the ticks. */}
          <EServiceChoices key={answer.status === "success" ? JSON.stringify(answer) : "choix"} eServices={eServices} error={errors.eServiceIds} />
          <TextField
            name="openingDate"
            type="date"
            label="Date d'ouverture (facultative)"
            min={today}
            className="max-w-xs"
            hint="Laissez vide pour envoyer l'invitation maintenant ; sinon le courriel de bienvenue partira ce jour-là."
            defaultValue={values.openingDate}
            error={errors.openingDate}
          />
        </div>
      )}
    </ActionForm>
  );
}

/**
 * One checkbox per subscribed e-service. Controlled: React resets a form after its action, and
 * the echoed values hold one value per field, so the ticks live in this component's state.
 */
function EServiceChoices({ eServices, error }: { eServices: { id: string; name: string }[]; error?: string }) {
  const [checked, setChecked] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string) =>
    setChecked((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const id = "champ-eServiceIds";
  const hint = eServices.length ? undefined : "Votre organisation n'est abonnée à aucun e-service : vous pourrez accorder des permissions plus tard.";
  return (
    <fieldset id={id} className="space-y-2" aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)}>
      <legend className="font-medium text-slate-900">E-services accordés</legend>
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-slate-600">
          {hint}
        </p>
      ) : (
        <ul className="space-y-1">
          {eServices.map((eService) => (
            <li key={eService.id} className="flex items-center gap-2">
              <input
                id={`eService-${eService.id}`}
                type="checkbox"
                name="eServiceIds"
                value={eService.id}
                checked={checked.has(eService.id)}
                onChange={() => toggle(eService.id)}
                className="h-4 w-4 accent-brand-700"
              />
              <label htmlFor={`eService-${eService.id}`}>{eService.name}</label>
            </li>
          ))}
        </ul>
      )}
      <FieldError id={id} error={error} />
    </fieldset>
  );
}
