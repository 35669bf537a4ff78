"use client";

// BULK-1: sending the CSV export for its preview. The file goes as the body of a request to
// its route handler (/api/imports, lib/imports/upload-route.ts), which counts the bytes and
// answers in French; server actions stay limited to 1 MB (SEC-9). The size is checked here
// too, so that a file over the limit gets its message without being sent.
import { useRouter } from "next/navigation";
import { useMemo, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { describedBy, FieldError, FieldLabel, inputClass, RequiredFieldsNote } from "@/components/ui/field";
import { buttonClass } from "@/components/ui/submit-button";
import { useFocusResult } from "@/components/ui/action-result";
import { IMPORT_FILE_MAX_BYTES, IMPORT_FILE_TOO_LARGE_MESSAGE, IMPORT_UPLOAD_PATH } from "@/lib/security/request-body-limit.mjs";

const CHOOSE_FILE = "Choisissez le fichier CSV à importer.";
const NOT_SENT = "Le fichier n'a pas pu être envoyé : vérifiez votre connexion, puis réessayez.";
const NOT_ANALYSED = "Le fichier n'a pas pu être analysé : réessayez dans quelques minutes.";

async function send(file: File, organisationId: string | undefined): Promise<{ location: string } | { message: string }> {
  const query = new URLSearchParams({ nom: file.name });
  if (organisationId) query.set("organisation", organisationId);
  let response: Response;
  try {
    response = await fetch(`${IMPORT_UPLOAD_PATH}?${query}`, { method: "POST", body: file, headers: { "Content-Type": "text/csv" } });
  } catch {
    return { message: NOT_SENT };
  }
  const body = (await response.json().catch(() => null)) as { location?: string; message?: string } | null;
  if (response.ok && body?.location) return { location: body.location };
  if (body?.message) return { message: body.message };
  return { message: response.status === 413 ? IMPORT_FILE_TOO_LARGE_MESSAGE : NOT_ANALYSED };
}

export function UploadForm({ organisationId }: { organisationId?: string }) {
  const router = useRouter();
  const [error, setError] = useState<{ message: string; key: number } | null>(null);
  const [pending, setPending] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const shown = useMemo(() => (error ? { status: "error", key: error.key } : { status: "idle" }), [error]);
  useFocusResult(shown, "import-message", formRef);
  const hint = "Export CSV (UTF-8 ou Windows-1252, séparateur point-virgule ou virgule), 10 Mo et 50 000 lignes au plus.";

  return (
    <form
      ref={formRef}
      noValidate
      className="space-y-4"
      onSubmit={async (event) => {
        event.preventDefault();
        if (pending) return;
        const input = formRef.current?.elements.namedItem("file") as HTMLInputElement | null;
        const file = input?.files?.[0];
        const refused = !file || file.size === 0 || !file.name ? CHOOSE_FILE : file.size > IMPORT_FILE_MAX_BYTES ? IMPORT_FILE_TOO_LARGE_MESSAGE : null;
        if (refused || !file) {
          setError({ message: refused ?? CHOOSE_FILE, key: Date.now() });
          return;
        }
        setPending(true);
        setError(null);
        const outcome = await send(file, organisationId);
        if ("location" in outcome) {
          // Pending until the preview's page replaces this one.
          router.push(outcome.location);
          return;
        }
        setPending(false);
        setError({ message: outcome.message, key: Date.now() });
      }}
    >
      {error ? (
        <Alert kind="error" id="import-message" tabIndex={-1}>
          {error.message}
        </Alert>
      ) : null}
      <RequiredFieldsNote />
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
          aria-describedby={describedBy("champ-fichier", hint, error?.message)}
          className={inputClass}
        />
        <FieldError id="champ-fichier" error={error?.message} />
      </div>
      <button type="submit" disabled={pending} aria-disabled={pending} className={buttonClass}>
        {pending ? "Analyse du fichier en cours…" : "Analyser le fichier"}
      </button>
    </form>
  );
}
