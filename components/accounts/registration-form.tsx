"use client";

import Link from "next/link";
import { useActionState, useRef, useState } from "react";
import { JOB_TITLE_HINT, JOB_TITLE_LIST_ID, JobTitleSuggestions } from "@/components/accounts/job-title-suggestions";
import { OrganisationCombobox, type OrganisationOption } from "@/components/organisations/organisation-combobox";
import { Alert } from "@/components/ui/alert";
import { CheckboxField, RadioGroupField, RequiredFieldsNote, TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFocusResult } from "@/components/ui/action-result";
import { registerAction, type RegistrationState } from "@/lib/accounts/actions";
import { IDLE } from "@/lib/forms";
import { IdentifierPreview, previewIdentifier } from "./identifier-preview";
import { CivilityField } from "./civility-field";
import { NewPasswordFields } from "./new-password-fields";
import { RegistrationSent } from "./registration-sent";

export function RegistrationForm() {
  const [state, action] = useActionState<RegistrationState, FormData>(registerAction, IDLE);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusResult(state, "inscription-message", formRef);
  const values = state.status === "error" ? state.values : {};
  const errors = state.status === "error" ? state.fieldErrors : {};
  const [chosen, setChosen] = useState<OrganisationOption | null>(null);
  const [names, setNames] = useState({ firstName: values.firstName ?? "", lastName: values.lastName ?? "", email: values.email ?? "" });

  if (state.status === "success") return <RegistrationSent {...state.result} />;

  const withoutAdministrator = chosen !== null && chosen.hasAdministrator === false;
  const identifier = previewIdentifier(names.firstName, names.lastName) ?? undefined;
  return (
    <form
      ref={formRef}
      action={action}
      noValidate
      className="space-y-6"
      onInput={(event) => {
        const target = event.target as HTMLInputElement;
        if (target.name === "firstName" || target.name === "lastName" || target.name === "email") {
          setNames((current) => ({ ...current, [target.name]: target.value }));
        }
      }}
    >
      {state.status === "error" && state.message ? (
        <Alert kind="error" id="inscription-message" tabIndex={-1}>
          {state.message}
        </Alert>
      ) : null}
      <RequiredFieldsNote />

      <OrganisationCombobox
        required
        error={errors.organisationId}
        defaultValue={values.organisationId ? { id: values.organisationId, label: values.organisationLabel ?? "" } : undefined}
        onChoose={setChosen}
      />
      {withoutAdministrator && chosen ? (
        <Alert kind="info" title={`${chosen.name} n'a pas encore d'administrateur sur le portail`}>
          <p>
            Personne ne peut encore y valider les comptes des utilisateurs. Si vous vous inscrivez comme administrateur, un
            courrier avec un code sera envoyé au représentant légal (le maire, le président…) ; dès qu&apos;il l&apos;aura
            saisi, vous pourrez vous connecter et valider les comptes de vos collègues. Le choix « Administrateur » est
            proposé ci-dessous.
          </p>
        </Alert>
      ) : null}

      <fieldset className="grid gap-5 sm:grid-cols-2">
        <legend className="mb-2 text-lg font-semibold text-brand-900">Vous</legend>
        <div className="sm:col-span-2">
          <CivilityField defaultValue={values.civility} error={errors.civility} />
        </div>
        <TextField name="firstName" label="Prénom" required autoComplete="given-name" defaultValue={values.firstName} error={errors.firstName} maxLength={60} />
        <TextField name="lastName" label="Nom" required autoComplete="family-name" defaultValue={values.lastName} error={errors.lastName} maxLength={60} />
        <IdentifierPreview firstName={names.firstName} lastName={names.lastName} />
        <TextField
          name="email"
          type="email"
          label="Adresse électronique"
          required
          autoComplete="email"
          defaultValue={values.email}
          error={errors.email}
          hint="Votre adresse professionnelle : le lien d'activation y sera envoyé."
          maxLength={254}
        />
        <TextField
          name="phone"
          type="tel"
          label="Téléphone"
          autoComplete="tel"
          defaultValue={values.phone}
          error={errors.phone}
          hint="Facultatif. Par exemple : 01 23 45 67 89."
          maxLength={25}
        />
        <TextField
          name="jobTitle"
          label="Fonction"
          autoComplete="organization-title"
          list={JOB_TITLE_LIST_ID}
          defaultValue={values.jobTitle}
          error={errors.jobTitle}
          hint={JOB_TITLE_HINT}
          maxLength={100}
        />
        <JobTitleSuggestions />
      </fieldset>

      <fieldset className="space-y-5">
        <legend className="mb-2 text-lg font-semibold text-brand-900">Votre mot de passe</legend>
        <NewPasswordFields context={{ ...names, identifier }} errors={errors} resetKey={state} />
      </fieldset>

      <RadioGroupField
        // A new organisation without administrator proposes the role; the person can still change it.
        key={withoutAdministrator ? "sans-administrateur" : "avec-administrateur"}
        name="requestedRole"
        legend="Je m'inscris en tant que"
        required
        options={[
          { value: "USER", label: "Utilisateur" },
          { value: "ADMINISTRATOR", label: "Administrateur" },
        ]}
        defaultValue={values.requestedRole ?? (withoutAdministrator ? "ADMINISTRATOR" : undefined)}
        error={errors.requestedRole}
        hint="L'administrateur abonne l'organisation aux e-services et valide les comptes de ses collègues. Il est confirmé par le représentant légal (maire, président), qui reçoit un courrier avec des codes."
      />

      <CheckboxField
        name="acceptTerms"
        label={
          <>
            J&apos;accepte les conditions générales d&apos;utilisation
          </>
        }
        hint={
          <>
            À lire : <Link href="/conditions-generales">conditions générales d&apos;utilisation</Link>.
          </>
        }
        required
        defaultChecked={values.acceptTerms === "on"}
        error={errors.acceptTerms}
      />

      <SubmitButton pendingLabel="Inscription en cours…">Valider</SubmitButton>
    </form>
  );
}
