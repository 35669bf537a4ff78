"use server";

// The import pages' actions (BULK-1): the scope first (administrator of the organisation, or
// operator for the organisation named), then zod, then the operation. The upload itself is a
// route handler (lib/imports/upload-route.ts): a 10 MB file does not fit the actions' 1 MB.
import { redirect } from "next/navigation";
import { z } from "zod";
import { db } from "../db";
import { errorState, type FormState } from "../forms";
import { clientAddress } from "../request-context";
import { requireImportScope } from "./access";
import { cancelImport, confirmImport, resumeImport } from "./apply-import";
import { ImportError } from "./errors";

const organisationField = z.uuid().optional().or(z.literal("").transform(() => undefined));

const decisionSchema = z.object({
  importId: z.uuid({ error: "Import inconnu." }),
  organisationId: organisationField,
});

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
