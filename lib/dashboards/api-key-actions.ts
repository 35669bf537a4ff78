"use server";

// The operator's API key forms on an e-service's catalogue page (DASH-1). Each action checks
// the operator first (SEC-1), whatever the page showed. A new key is returned once, in the
// action's answer, and never stored in clear.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { accountActor } from "../audit/record-audit-event";
import { requireOperator } from "../auth/guards";
import { db } from "../db";
import { errorState, type FormState } from "../forms";
import { clientAddress } from "../request-context";
import { ApiKeyError, createApiKey, revokeApiKey, rotateApiKey } from "./api-keys";

export type ApiKeyResult = { key?: string; prefix: string };

const inputSchema = z.object({
  eServiceId: z.uuid(),
  keyId: z.uuid().optional(),
  operation: z.enum(["create", "rotate", "revoke"]),
});

const UNKNOWN = "Cette demande ne correspond à aucune clé de cet e-service : rechargez la page.";

export async function apiKeyAction(_previous: FormState<ApiKeyResult>, formData: FormData): Promise<FormState<ApiKeyResult>> {
  const viewer = await requireOperator("/operateur/catalogue");
  const parsed = inputSchema.safeParse({
    eServiceId: formData.get("eServiceId"),
    keyId: formData.get("keyId") || undefined,
    operation: formData.get("operation"),
  });
  if (!parsed.success || (parsed.data.operation !== "create" && !parsed.data.keyId)) return errorState(UNKNOWN);
  const { eServiceId, keyId, operation } = parsed.data;
  const actor = accountActor({ id: viewer.accountId, identifier: viewer.identifier, role: viewer.role });
  const context = { ipAddress: await clientAddress() };
  try {
    let state: FormState<ApiKeyResult>;
    if (operation === "create") {
      const created = await createApiKey(db, actor, eServiceId, context);
      state = { status: "success", message: `Clé ${created.prefix} créée.`, result: created };
    } else if (operation === "rotate") {
      const rotated = await rotateApiKey(db, actor, eServiceId, keyId!, context);
      state = {
        status: "success",
        message: `La clé ${rotated.replacedPrefix} est révoquée et remplacée par la clé ${rotated.prefix}.`,
        result: { key: rotated.key, prefix: rotated.prefix },
      };
    } else {
      const revoked = await revokeApiKey(db, actor, eServiceId, keyId!, context);
      state = { status: "success", message: `La clé ${revoked.prefix} est révoquée : elle ne permet plus d'envoyer de chiffres.`, result: revoked };
    }
    revalidatePath(`/operateur/catalogue/${eServiceId}`);
    return state;
  } catch (error) {
    if (error instanceof ApiKeyError) return errorState(error.message);
    throw error;
  }
}
