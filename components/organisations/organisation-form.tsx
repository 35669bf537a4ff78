"use client";

// The operator's organisation form (ORG-3, ORG-4): creation and edition, the postal address
// letters are sent to included. The code's expected format follows the chosen kind.
import { useState } from "react";
import { ActionForm } from "@/components/space/action-form";
import { RequiredFieldsNote, SelectField, TextField } from "@/components/ui/field";
import type { FieldErrors } from "@/lib/forms";
import type { OrganisationKind } from "@/lib/generated/prisma/enums";
import { createOrganisationAction, updateOrganisationAction } from "@/lib/organisations/actions";
import { codeHint, KIND_LABELS, ORGANISATION_KINDS } from "@/lib/organisations/organisation-codes";
import { ORGANISATION_FIELD_LABELS as LABELS } from "@/lib/organisations/schemas";
import { TYPE_LIAISON_LABELS, TYPE_LIAISON_VALUES } from "@/lib/french/names";

export interface OrganisationDefaults {
  name: string;
  typeLiaison: string;
  kind: string;
  code: string;
  siren: string;
  siret: string;
  postalCodes: string;
  legalRepresentativeTitle: string;
  addressRecipient: string;
  addressComplement: string;
  addressStreet: string;
  addressPostalCode: string;
  addressCity: string;
}

const EMPTY: OrganisationDefaults = {
  name: "",
  typeLiaison: "",
  kind: "",
  code: "",
  siren: "",
  siret: "",
  postalCodes: "",
  legalRepresentativeTitle: "",
  addressRecipient: "",
  addressComplement: "",
  addressStreet: "",
  addressPostalCode: "",
  addressCity: "",
};

const LIAISON_OPTIONS = TYPE_LIAISON_VALUES.map((type) => ({ value: String(type), label: TYPE_LIAISON_LABELS[type] }));

const KIND_OPTIONS = ORGANISATION_KINDS.map((kind) => ({ value: kind, label: KIND_LABELS[kind] }));

function isKind(value: string): value is OrganisationKind {
  return (ORGANISATION_KINDS as readonly string[]).includes(value);
}

/** The kind, and the code whose hint states the format expected for that kind. */
function KindAndCode({ kind: initialKind, code, errors }: { kind: string; code: string; errors: FieldErrors }) {
  const [kind, setKind] = useState(initialKind);
  const [seenInitial, setSeenInitial] = useState(initialKind);
  if (seenInitial !== initialKind) {
    setSeenInitial(initialKind);
    setKind(initialKind);
  }
  return (
    <>
      <SelectField
        name="kind"
        label={LABELS.kind}
        required
        options={KIND_OPTIONS}
        placeholder={isKind(initialKind) ? undefined : "Choisissez un type"}
        defaultValue={initialKind}
        onChange={(event) => setKind(event.target.value)}
        error={errors.kind}
      />
      <TextField
        name="code"
        label={LABELS.code}
        required
        autoComplete="off"
        spellCheck={false}
        maxLength={40}
        hint={isKind(kind) ? codeHint(kind) : "Son format dépend du type d'organisation : choisissez d'abord le type."}
        defaultValue={code}
        error={errors.code}
      />
    </>
  );
}

export function OrganisationForm({ organisationId, organisation }: { organisationId?: string; organisation?: OrganisationDefaults }) {
  const editing = Boolean(organisationId);
  return (
    <ActionForm
      id={editing ? "organisation-modification" : "organisation-creation"}
      action={editing ? updateOrganisationAction : createOrganisationAction}
      submitLabel={editing ? "Enregistrer" : "Créer l'organisation"}
    >
      {({ values, errors }) => {
        const value = (name: keyof OrganisationDefaults) => values[name] ?? (organisation ?? EMPTY)[name];
        const text = (name: keyof OrganisationDefaults, extra: { required?: boolean; hint?: string; maxLength: number; inputMode?: "numeric" }) => (
          <TextField
            name={name}
            label={LABELS[name]}
            autoComplete="off"
            defaultValue={value(name)}
            error={errors[name]}
            {...extra}
          />
        );
        return (
          <>
            <RequiredFieldsNote />
            {organisationId ? <input type="hidden" name="organisationId" value={organisationId} /> : null}
            <fieldset className="space-y-4 rounded-lg border border-slate-200 p-5">
              <legend className="px-1 text-lg font-semibold text-brand-900">Identification</legend>
              {text("name", { required: true, maxLength: 150 })}
              <SelectField
                name="typeLiaison"
                label={LABELS.typeLiaison}
                options={LIAISON_OPTIONS}
                placeholder="Déduit du nom"
                defaultValue={value("typeLiaison")}
                error={errors.typeLiaison}
                hint="Comment le portail écrit « l'administrateur de… » ou « Mairie de… » avec ce nom. Sans choix, il le déduit du nom."
              />
              <div className="grid gap-4 sm:grid-cols-2">
                <KindAndCode kind={value("kind")} code={value("code")} errors={errors} />
              </div>
              <div className="grid gap-4 sm:grid-cols-2">
                {text("siren", { maxLength: 30, inputMode: "numeric", hint: "9 chiffres, si l'organisation en a un." })}
                {text("siret", { maxLength: 40, inputMode: "numeric", hint: "14 chiffres : le SIREN suivi du numéro d'établissement." })}
              </div>
              {text("postalCodes", {
                maxLength: 4_000,
                hint: "Les codes postaux de son territoire, séparés par une virgule ou une espace, par exemple 42000, 42100. Ils servent à la retrouver lors de l'inscription.",
              })}
              {text("legalRepresentativeTitle", {
                required: true,
                maxLength: 80,
                hint: "Par exemple Maire, Président, Directrice générale.",
              })}
            </fieldset>
            <fieldset className="space-y-4 rounded-lg border border-slate-200 p-5">
              <legend className="px-1 text-lg font-semibold text-brand-900">Adresse postale</legend>
              <p className="text-sm text-slate-700">
                Les courriers de confirmation sont envoyés uniquement à cette adresse, jamais à une adresse saisie lors
                d&apos;une inscription. Sans destinataire, code postal et ville, aucun courrier ne peut partir.
              </p>
              {text("addressRecipient", { maxLength: 120, hint: "Par exemple « Mairie de Saint-Étienne »." })}
              {text("addressComplement", { maxLength: 120, hint: "Service, bâtiment, boîte postale…" })}
              {text("addressStreet", { maxLength: 120, hint: "Par exemple « 2 place de l'Hôtel de Ville »." })}
              <div className="grid gap-4 sm:grid-cols-[12rem_1fr]">
                {text("addressPostalCode", { maxLength: 10, inputMode: "numeric" })}
                {text("addressCity", { maxLength: 80, hint: "Écrite en capitales sans accents à l'enregistrement, comme le veut La Poste." })}
              </div>
            </fieldset>
          </>
        );
      }}
    </ActionForm>
  );
}
