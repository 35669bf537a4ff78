"use server";

// The import pages' actions (BULK-1): a signed-in account, then the import scope
// (administrator of the organisation, or operator for the organisation named), then the operation.
import { redirect } from "next/navigation";
import { z } from "zod";
import { defineAction } from "../actions/define-action";
import { db } from "../db";
import type { FormState } from "../forms";
import { resolveImportScope } from "./access";
import { cancelImport, confirmImport, resumeImport } from "./apply-import";
import { MAX_FILE_BYTES } from "./csv";
import { previewImport } from "./preview-import";

const organisationField = z.uuid().optional().or(z.literal("").transform(() => undefined));
const CHOOSE_FILE = "Choisissez le fichier CSV à importer.";

const uploadSchema = z.object({
  organisationId: organisationField,
  file: z
    .instanceof(File, { error: CHOOSE_FILE })
    .refine((file) => file.size > 0 && file.name, CHOOSE_FILE)
    .refine(
      (file) => file.size <= MAX_FILE_BYTES,
      `Le fichier dépasse la taille maximale de ${MAX_FILE_BYTES / 1024 / 1024} Mo : découpez-le en plusieurs fichiers.`,
    )
    .refine((file) => /\.(csv|txt)$/i.test(file.name), "Le fichier doit être un export CSV (extension .csv)."),
});

export const uploadImportAction = defineAction({
  guard: "account",
  returnTo: "/administration/imports",
  schema: uploadSchema,
  run: async (input, { actor, context }) => {
    const scope = await resolveImportScope(db, actor, input.organisationId);
    const bytes = new Uint8Array(await input.file.arrayBuffer());
    const { importId } = await previewImport(db, actor, { organisationId: scope.organisationId, fileName: input.file.name, bytes }, context);
    return `${scope.basePath}/${importId}`;
  },
  answer: (page): FormState<object> => redirect(page),
});

const decisionSchema = z.object({
  importId: z.uuid({ error: "Import inconnu." }),
  organisationId: organisationField,
});

function decision(operation: typeof confirmImport, done: string) {
  return defineAction({
    guard: "account",
    returnTo: "/administration/imports",
    schema: decisionSchema,
    hiddenFields: { importId: true, organisationId: "Import inconnu." },
    run: async (input, { actor, context }) => {
      const scope = await resolveImportScope(db, actor, input.organisationId);
      await operation(db, actor, { organisationId: scope.organisationId, importId: input.importId }, context);
      return `${scope.basePath}/${input.importId}?${done}`;
    },
    answer: (page): FormState<object> => redirect(page),
  });
}

export const confirmImportAction = decision(confirmImport, "confirme=1");
export const cancelImportAction = decision(cancelImport, "abandonne=1");
export const resumeImportAction = decision(resumeImport, "repris=1");
