"use client";

import { CivilityField } from "@/components/accounts/civility-field";
import { NewPasswordFields } from "@/components/accounts/new-password-fields";
import { PasswordInput } from "@/components/accounts/password-input";
import { JOB_TITLE_HINT, JOB_TITLE_LIST_ID, JobTitleSuggestions } from "@/components/accounts/job-title-suggestions";
import { CheckboxField, TextField } from "@/components/ui/field";
import {
  changePasswordAction,
  closeAccountAction,
  requestEmailChangeAction,
  signOutEverywhereAction,
  switchAccountAction,
  updateProfileAction,
} from "@/lib/accounts/actions";
import { ActionForm } from "./action-form";

export interface ProfileDefaults {
  civility: string;
  firstName: string;
  lastName: string;
  phone: string;
  jobTitle: string;
}

export function ProfileForm({ profile }: { profile: ProfileDefaults }) {
  return (
    <ActionForm id="profil" action={updateProfileAction} submitLabel="Enregistrer mes informations">
      {({ values, errors }) => {
        const value = (name: keyof ProfileDefaults) => values[name] ?? profile[name];
        return (
          <div className="grid gap-4 sm:grid-cols-2">
            <div className="sm:col-span-2">
              <CivilityField defaultValue={value("civility")} error={errors.civility} />
            </div>
            <TextField name="firstName" label="Prénom" required autoComplete="given-name" defaultValue={value("firstName")} error={errors.firstName} />
            <TextField name="lastName" label="Nom" required autoComplete="family-name" defaultValue={value("lastName")} error={errors.lastName} />
            <TextField name="phone" type="tel" label="Téléphone" autoComplete="tel" defaultValue={value("phone")} error={errors.phone} />
            <TextField name="jobTitle" label="Fonction" autoComplete="organization-title" list={JOB_TITLE_LIST_ID} hint={JOB_TITLE_HINT} defaultValue={value("jobTitle")} error={errors.jobTitle} />
            <JobTitleSuggestions />
          </div>
        );
      }}
    </ActionForm>
  );
}

export function EmailChangeForm() {
  return (
    <ActionForm id="adresse" action={requestEmailChangeAction} submitLabel="Changer d'adresse" variant="secondary">
      {({ values, errors }) => (
        <>
          <TextField name="email" type="email" label="Nouvelle adresse électronique" required autoComplete="email" defaultValue={values.email} error={errors.email} />
          <PasswordInput id="adresse-mot-de-passe-actuel" name="currentPassword" label="Mot de passe actuel" required autoComplete="current-password" error={errors.currentPassword} />
        </>
      )}
    </ActionForm>
  );
}

export function PasswordChangeForm({ context }: { context: { firstName: string; lastName: string; identifier: string; email: string } }) {
  return (
    <ActionForm id="mot-de-passe" action={changePasswordAction} submitLabel="Changer mon mot de passe" variant="secondary">
      {({ errors, answer }) => (
        <>
          <PasswordInput id="changement-mot-de-passe-actuel" name="currentPassword" label="Mot de passe actuel" required autoComplete="current-password" error={errors.currentPassword} />
          <NewPasswordFields label="Nouveau mot de passe" context={context} errors={errors} resetKey={answer} />
        </>
      )}
    </ActionForm>
  );
}

export function CloseAccountForm({ isAdministrator }: { isAdministrator: boolean }) {
  return (
    <ActionForm id="fermeture" action={closeAccountAction} submitLabel="Fermer mon compte" variant="secondary">
      {({ errors }) => (
        <>
          {isAdministrator ? (
            <p className="font-medium text-amber-900">
              Vous êtes l&apos;administrateur de votre organisation : après la fermeture, elle n&apos;aura plus
              d&apos;administrateur tant qu&apos;un collègue n&apos;aura pas été confirmé par le représentant légal. Vos
              suppléants, s&apos;il y en a, continueront d&apos;ici là à valider les comptes et à attribuer les e-services.
            </p>
          ) : null}
          <PasswordInput id="fermeture-mot-de-passe-actuel" name="currentPassword" label="Mot de passe actuel" required autoComplete="current-password" error={errors.currentPassword} />
          <CheckboxField name="confirmClose" label="Je confirme vouloir fermer mon compte" required error={errors.confirmClose} />
        </>
      )}
    </ActionForm>
  );
}

export function SignOutEverywhereForm() {
  return (
    <ActionForm id="sessions" action={signOutEverywhereAction} submitLabel="Se déconnecter partout" variant="secondary">
      {() => null}
    </ActionForm>
  );
}

export function SwitchAccountForm({ account, unlocked }: { account: { id: string; identifier: string; organisationName: string }; unlocked: boolean }) {
  return (
    <ActionForm id={`bascule-${account.id}`} action={switchAccountAction} submitLabel={`Passer au compte ${account.identifier}`} variant="secondary">
      {({ errors }) => (
        <>
          <input type="hidden" name="targetAccountId" value={account.id} />
          {unlocked ? (
            <p className="text-sm text-slate-700">Déjà déverrouillé pendant cette session : pas de mot de passe à saisir.</p>
          ) : (
            <PasswordInput
              name="password"
              id={`mot-de-passe-${account.id}`}
              label={`Mot de passe du compte ${account.identifier}`}
              required
              autoComplete="current-password"
              error={errors.password}
            />
          )}
        </>
      )}
    </ActionForm>
  );
}
