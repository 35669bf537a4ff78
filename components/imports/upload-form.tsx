"use client";

// BULK-1: sending the CSV export for its preview. The size is checked here too, so that a
// file over the limit gets its message without being sent.
import { useActionState, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { describedBy, FieldError, FieldLabel, inputClass, RequiredFieldsNote } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFocusFirstError } from "@/components/ui/use-focus-first-error";
import { IDLE, type FormState } from "@/lib/forms";
import { uploadImportAction } from "@/lib/imports/actions";

const MAX_BYTES = 10 * 1024 * 1024;
const TOO_BIG = "Le fichier dépasse la taille maximale de 10 Mo : découpez-le en plusieurs fichiers.";

export function UploadForm({ organisationId }: { organisationId?: string }) {
  const [state, action] = useActionState<FormState<object>, FormData>(uploadImportAction, IDLE);
  const [localError, setLocalError] = useState<{ message: string; key: number } | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const shown = localError ? { status: "error", key: localError.key } : state;
  useFocusFirstError(formRef, shown, "import-message");
  const error = localError?.message ?? (state.status === "error" ? (state.fieldErrors.file ?? state.message) : undefined);
  const hint = "Export CSV (UTF-8 ou Windows-1252, séparateur point-virgule ou virgule), 10 Mo et 50 000 lignes au plus.";

  return (
    <form
      ref={formRef}
      action={action}
      noValidate
      className="space-y-4"
      onSubmit={(event) => {
        const input = formRef.current?.elements.namedItem("file") as HTMLInputElement | null;
        const file = input?.files?.[0];
        if (file && file.size > MAX_BYTES) {
          event.preventDefault();
          setLocalError({ message: TOO_BIG, key: Date.now() });
        } else {
          setLocalError(null);
        }
      }}
    >
      {error ? (
        <Alert kind="error" id="import-message" tabIndex={-1}>
          {error}
        </Alert>
      ) : null}
      <RequiredFieldsNote />
      {organisationId ? <input type="hidden" name="organisationId" value={organisationId} /> : null}
      <div className="space-y-1">
        <FieldLabel id="champ-fichier" label="Fichier CSV" required />
        <p id="champ-fichier-hint" className="text-sm text-slate-600">
          {hint}
        </p>
        <input
          id="champ-fichier"
          type="file"
          name="file"
          accept=".csv,text/csv"
          required
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy("champ-fichier", hint, error)}
          className={inputClass}
        />
        <FieldError id="champ-fichier" error={error} />
      </div>
      <SubmitButton pendingLabel="Analyse du fichier en cours…">Analyser le fichier</SubmitButton>
    </form>
  );
}
