"use client";

// The operator's e-service form: creation and edition of an e-service of the catalogue.
import { ActionForm } from "@/components/space/action-form";
import { CheckboxField, describedBy, FieldShell, inputClass, RequiredFieldsNote, TextField } from "@/components/ui/field";
import { createEServiceAction, updateEServiceAction } from "@/lib/catalogue/actions";
import { E_SERVICE_FIELD_LABELS as LABELS } from "@/lib/catalogue/schemas";

export interface EServiceDefaults {
  name: string;
  slug: string;
  description: string;
  url: string;
  termsText: string;
  /** "on" when ticked. */
  handlesHealthData: string;
  requiresSecondFactor: string;
  active: string;
}

const EMPTY: EServiceDefaults = { name: "", slug: "", description: "", url: "", termsText: "", handlesHealthData: "", requiresSecondFactor: "", active: "on" };

function TextArea({
  name,
  hint,
  error,
  defaultValue,
  maxLength,
  rows,
}: {
  name: "description" | "termsText";
  hint: string;
  error?: string;
  defaultValue: string;
  maxLength: number;
  rows: number;
}) {
  const id = `champ-${name}`;
  return (
    <FieldShell id={id} label={LABELS[name]} required hint={hint} error={error}>
      <textarea
        id={id}
        name={name}
        required
        rows={rows}
        maxLength={maxLength}
        defaultValue={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        className={inputClass}
      />
    </FieldShell>
  );
}

export function EServiceForm({ eServiceId, eService }: { eServiceId?: string; eService?: EServiceDefaults }) {
  const editing = Boolean(eServiceId);
  return (
    <ActionForm
      id={editing ? "e-service-modification" : "e-service-creation"}
      action={editing ? updateEServiceAction : createEServiceAction}
      submitLabel={editing ? "Enregistrer" : "Ajouter l'e-service"}
    >
      {({ values, errors, answer }) => {
        const defaults = eService ?? EMPTY;
        // After an answer, the values sent back win; an unticked box is absent from them.
        const answered = answer.status !== "idle" && Object.keys(values).length > 0;
        const value = (name: keyof EServiceDefaults) => (answered ? (values[name] ?? "") : defaults[name]);
        const ticked = (name: "handlesHealthData" | "requiresSecondFactor" | "active") => value(name) === "on";
        return (
          <>
            <RequiredFieldsNote />
            {eServiceId ? <input type="hidden" name="eServiceId" value={eServiceId} /> : null}
            <TextField name="name" label={LABELS.name} required maxLength={100} autoComplete="off" defaultValue={value("name")} error={errors.name} />
            <TextField
              name="slug"
              label={LABELS.slug}
              required
              maxLength={50}
              autoComplete="off"
              spellCheck={false}
              hint="Lettres minuscules sans accents, chiffres et tirets, par exemple « etat-civil ». Il sert dans les adresses et les échanges techniques : évitez de le changer."
              defaultValue={value("slug")}
              error={errors.slug}
            />
            <TextArea
              name="description"
              rows={3}
              maxLength={500}
              hint="De 10 à 500 caractères, affichés dans le catalogue."
              defaultValue={value("description")}
              error={errors.description}
            />
            <TextField
              name="url"
              type="url"
              label={LABELS.url}
              required
              maxLength={2_000}
              autoComplete="off"
              spellCheck={false}
              hint="Adresse complète en https, par exemple https://e-service.example.fr."
              defaultValue={value("url")}
              error={errors.url}
            />
            <TextArea
              name="termsText"
              rows={10}
              maxLength={10_000}
              hint="Le texte que l'administrateur accepte lors de l'abonnement, de 10 à 10 000 caractères."
              defaultValue={value("termsText")}
              error={errors.termsText}
            />
            <CheckboxField
              key={`sante-${String(ticked("handlesHealthData"))}`}
              name="handlesHealthData"
              label={LABELS.handlesHealthData}
              hint="Les utilisateurs devront donner leur consentement avant d'y accéder."
              defaultChecked={ticked("handlesHealthData")}
              error={errors.handlesHealthData}
            />
            <CheckboxField
              key={`double-authentification-${String(ticked("requiresSecondFactor"))}`}
              name="requiresSecondFactor"
              label={LABELS.requiresSecondFactor}
              hint="Le portail ne connectera à cet e-service que les personnes qui se sont identifiées avec une application d'authentification ou une clé d'accès, en plus de leur mot de passe."
              defaultChecked={ticked("requiresSecondFactor")}
              error={errors.requiresSecondFactor}
            />
            <CheckboxField
              key={`actif-${String(ticked("active"))}`}
              name="active"
              label={LABELS.active}
              hint="Décoché, l'e-service disparaît du catalogue ; les abonnements et les droits existants sont conservés."
              defaultChecked={ticked("active")}
              error={errors.active}
            />
          </>
        );
      }}
    </ActionForm>
  );
}
