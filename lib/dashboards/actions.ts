"use server";

// The operator's API key forms on an e-service's catalogue page (DASH-1): operators only
// (SEC-1). A new key is returned once, in the action's answer, and never stored in clear.
import { z } from "zod";
import { defineAction } from "../actions/define-action";
import { db } from "../db";
import type { FormState } from "../forms";
import { UserError } from "../operation";
import { createApiKey, revokeApiKey, rotateApiKey } from "./api-keys";

export type ApiKeyResult = { key?: string; prefix: string };

const UNKNOWN = "Cette demande ne correspond à aucune clé de cet e-service : rechargez la page.";

const inputSchema = z.object({
  eServiceId: z.uuid(),
  keyId: z.uuid().optional(),
  operation: z.enum(["create", "rotate", "revoke"]),
});

export const apiKeyAction = defineAction({
  guard: "operator",
  returnTo: "/operateur/catalogue",
  schema: inputSchema,
  input: (formData) => ({ eServiceId: formData.get("eServiceId"), keyId: formData.get("keyId") || undefined, operation: formData.get("operation") }),
  // Every field is a hidden input of the page: any problem is a stale or forged page.
  hiddenFields: { eServiceId: UNKNOWN, keyId: UNKNOWN, operation: UNKNOWN },
  run: async ({ eServiceId, keyId, operation }, { actor, context }): Promise<{ message: string; result: ApiKeyResult }> => {
    if (operation === "create") {
      const created = await createApiKey(db, actor, eServiceId, context);
      return { message: `Clé ${created.prefix} créée.`, result: created };
    }
    if (!keyId) throw new UserError(UNKNOWN);
    if (operation === "rotate") {
      const rotated = await rotateApiKey(db, actor, eServiceId, keyId, context);
      return {
        message: `La clé ${rotated.replacedPrefix} est révoquée et remplacée par la clé ${rotated.prefix}.`,
        result: { key: rotated.key, prefix: rotated.prefix },
      };
    }
    const revoked = await revokeApiKey(db, actor, eServiceId, keyId, context);
    return { message: `La clé ${revoked.prefix} est révoquée : elle ne permet plus d'envoyer de chiffres.`, result: revoked };
  },
  revalidate: ({ eServiceId }) => [`/operateur/catalogue/${eServiceId}`],
  answer: ({ message, result }): FormState<ApiKeyResult> => ({ status: "success", message, result }),
});
