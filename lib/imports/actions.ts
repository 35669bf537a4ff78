"use server";

// The import pages' actions (BULK-1): a signed-in account, then the import scope
// (administrator of the organisation, or operator for the organisation named), then the
// operation. The upload itself is a route handler (lib/imports/upload-route.ts): a 10 MB
// file does not fit the actions' 1 MB.
import { redirect } from "next/navigation";
import { z } from "zod";
import { defineAction } from "../actions/define-action";
import { db } from "../db";
import type { FormState } from "../forms";
import { resolveImportScope } from "./access";
import { cancelImport, confirmImport, resumeImport } from "./apply-import";

const organisationField = z.uuid().optional().or(z.literal("").transform(() => undefined));
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
