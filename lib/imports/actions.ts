"use server";

// The import pages' actions (BULK-1): the scope first (administrator of the organisation, or
// operator for the organisation named), then zod, then the operation.
import { redirect } from "next/navigation";
import { z } from "zod";
import { db } from "../db";
import { errorState, type FormState } from "../forms";
import { clientAddress } from "../request-context";
import { requireImportScope } from "./access";
import { cancelImport, confirmImport, resumeImport } from "./apply-import";
import { ImportFileError, MAX_FILE_BYTES } from "./csv";
import { ImportError } from "./errors";
import { previewImport } from "./preview-import";

const organisationField = z.uuid().optional().or(z.literal("").transform(() => undefined));

const decisionSchema = z.object({
  importId: z.uuid({ error: "Import inconnu." }),
  organisationId: organisationField,
});

function optionalOrganisation(formData: FormData): string | undefined {
  const value = formData.get("organisationId");
  return typeof value === "string" && value ? value : undefined;
}

export async function uploadImportAction(_previous: FormState<object>, formData: FormData): Promise<FormState<object>> {
  const scope = await requireImportScope(optionalOrganisation(formData));
  const file = formData.get("file");
  if (!(file instanceof File) || file.size === 0 || !file.name) {
    return errorState("Choisissez le fichier CSV à importer.", {}, { file: "Choisissez le fichier CSV à importer." });
  }
  if (file.size > MAX_FILE_BYTES) {
    const message = `Le fichier dépasse la taille maximale de ${MAX_FILE_BYTES / 1024 / 1024} Mo : découpez-le en plusieurs fichiers.`;
    return errorState(message, {}, { file: message });
  }
  if (!/\.(csv|txt)$/i.test(file.name)) {
    const message = "Le fichier doit être un export CSV (extension .csv).";
    return errorState(message, {}, { file: message });
  }
  let importId: string;
  try {
    ({ importId } = await previewImport(
      db,
      scope.actor,
      { organisationId: scope.organisationId, fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) },
      { ipAddress: await clientAddress() },
    ));
  } catch (error) {
    if (error instanceof ImportFileError) return errorState(error.message, {}, { file: error.message });
    throw error;
  }
  redirect(`${scope.basePath}/${importId}`);
}

type Operation = typeof confirmImport;

async function decide(operation: Operation, formData: FormData, done: string): Promise<FormState<object>> {
  const parsed = decisionSchema.safeParse({ importId: formData.get("importId"), organisationId: formData.get("organisationId") ?? undefined });
  if (!parsed.success) return errorState("Import inconnu.");
  const scope = await requireImportScope(parsed.data.organisationId);
  try {
    await operation(db, scope.actor, { organisationId: scope.organisationId, importId: parsed.data.importId }, { ipAddress: await clientAddress() });
  } catch (error) {
    if (error instanceof ImportError) return errorState(error.message);
    throw error;
  }
  redirect(`${scope.basePath}/${parsed.data.importId}?${done}`);
}

export async function confirmImportAction(_previous: FormState<object>, formData: FormData): Promise<FormState<object>> {
  return decide(confirmImport, formData, "confirme=1");
}

export async function cancelImportAction(_previous: FormState<object>, formData: FormData): Promise<FormState<object>> {
  return decide(cancelImport, formData, "abandonne=1");
}

export async function resumeImportAction(_previous: FormState<object>, formData: FormData): Promise<FormState<object>> {
  return decide(resumeImport, formData, "repris=1");
}
