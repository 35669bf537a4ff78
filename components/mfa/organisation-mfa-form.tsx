"use client";

// MFA-3: the administrator requires a second factor of every account of the organisation.
import { ActionForm } from "@/components/space/action-form";
import { RadioGroupField } from "@/components/ui/field";
import { setOrganisationMfaRequiredAction } from "@/lib/mfa/actions";

export function OrganisationMfaForm({ required }: { required: boolean }) {
  return (
    <ActionForm id="double-authentification" action={setOrganisationMfaRequiredAction} submitLabel="Enregistrer" variant="secondary">
      {({ values, errors }) => (
        <RadioGroupField
          name="required"
          legend="Exiger la double authentification pour tous les comptes de l'organisation"
          hint="Les comptes qui n'en ont pas devront ajouter une application d'authentification ou une clé d'accès avant toute autre action."
          required
          defaultValue={values.required ?? (required ? "oui" : "non")}
          error={errors.required}
          options={[
            { value: "oui", label: "Oui, pour tous les comptes" },
            { value: "non", label: "Non, seulement pour l'administrateur (chacun peut l'ajouter)" },
          ]}
        />
      )}
    </ActionForm>
  );
}
