"use server";

// The portal's interaction page of an authorization request (SSO-3): the signed-in person
// continues (ADM-4 decided now, ADM-6 consent recorded when ticked) or goes back to the
// e-service. The browser then goes to the provider, which finishes the request.
import { z } from "zod";
import { defineAction } from "../actions/define-action";
import { db } from "../db";
import type { FormState } from "../forms";
import { continueSessionAs } from "../auth/session-update";
import { rotateSigningKeys } from "./keys";
import { deleteOidcClient, oidcClientOfEService, registerOidcClient, renewOidcClientSecret, updateOidcClient } from "./clients";
import { completionPath, decideInteraction, declineInteraction, EXPIRED_INTERACTION } from "./interactions";
import type { OidcClientInput } from "./schemas";

const uidField = z.string({ error: EXPIRED_INTERACTION }).regex(/^[A-Za-z0-9_-]{10,64}$/, EXPIRED_INTERACTION);

export type InteractionState = FormState<{ next: string }>;

export const continueInteractionAction = defineAction({
  guard: "account",
  schema: z.object({
    uid: uidField,
    consent: z.literal("on").optional(),
    // ORG-5: the account chosen for the organisation the person acts for (absent: the session's).
    accountId: z.uuid({ error: "Choisissez l'organisation pour laquelle vous vous connectez." }).optional(),
    password: z.string().max(1_024, "Mot de passe trop long.").optional(),
  }),
  hiddenFields: { uid: true },
  secret: ["password"],
  run: async (input, { actor, context }) => {
    const { unlocked } = await decideInteraction(db, actor, { uid: input.uid, consent: input.consent === "on", accountId: input.accountId, password: input.password }, context);
    // ORG-5: the password of the chosen account is asked once per browser session, as the switcher does.
    if (unlocked) await continueSessionAs({ accountId: actor.accountId, sessionVersion: actor.sessionVersion, unlockedAccountIds: [...actor.unlockedAccountIds, unlocked] });
    return completionPath(input.uid);
  },
  // A full page load, not a client navigation: the provider's answer is a redirect to the e-service.
  answer: (next): InteractionState => ({ status: "success", result: { next } }),
});

export const declineInteractionAction = defineAction({
  guard: "account",
  schema: z.object({ uid: uidField }),
  hiddenFields: { uid: true },
  run: async (input, { actor, context }) => {
    await declineInteraction(db, actor, input.uid, context);
    return completionPath(input.uid);
  },
  answer: (next): InteractionState => ({ status: "success", result: { next } }),
});

// ─── Operators: an e-service's registration as an OpenID Connect client (SSO-2) ─────────

export type OidcClientFormState = FormState<{ clientId: string; clientSecret: string | null }>;

const UNKNOWN_E_SERVICE = "Cet e-service n'existe pas ou plus : revenez au catalogue.";
const catalogueReturn = "/operateur/catalogue";

/** The form's fields as the schema reads them (one address a line). */
function clientFormInput(formData: FormData): Record<string, unknown> {
  const text = (name: string) => {
    const value = formData.get(name);
    return typeof value === "string" ? value : "";
  };
  return {
    eServiceId: text("eServiceId"),
    operation: text("operation"),
    input: {
      authMethod: text("authMethod"),
      redirectUris: text("redirectUris"),
      postLogoutRedirectUris: text("postLogoutRedirectUris"),
      backchannelLogoutUri: text("backchannelLogoutUri"),
      initiateLoginUri: text("initiateLoginUri"),
      jwksUri: text("jwksUri"),
    },
  };
}

/** Field errors of the nested registration are shown next to their field (input.redirectUris → redirectUris). */
const registrationSchema = z.object({
  eServiceId: z.uuid({ error: UNKNOWN_E_SERVICE }),
  operation: z.enum(["save", "renew", "delete"], { error: UNKNOWN_E_SERVICE }),
  input: z.unknown(),
});

export const oidcClientAction = defineAction({
  guard: "operator",
  returnTo: catalogueReturn,
  schema: registrationSchema,
  input: clientFormInput,
  hiddenFields: { eServiceId: UNKNOWN_E_SERVICE, operation: UNKNOWN_E_SERVICE },
  run: async ({ eServiceId, operation, input }, { actor, context }) => {
    if (operation === "renew") return { ...(await renewOidcClientSecret(db, actor, eServiceId, context)), message: "Nouveau secret créé : l'ancien ne fonctionne plus." };
    if (operation === "delete") {
      await deleteOidcClient(db, actor, eServiceId, context);
      return { clientId: "", clientSecret: null, message: "L'enregistrement OpenID Connect est supprimé : l'e-service ne peut plus connecter personne par le portail." };
    }
    const existing = await oidcClientOfEService(db, eServiceId);
    const values = input as OidcClientInput;
    const saved = existing ? await updateOidcClient(db, actor, eServiceId, values, context) : await registerOidcClient(db, actor, eServiceId, values, context);
    return { ...saved, message: existing ? "L'enregistrement OpenID Connect est mis à jour." : "L'e-service est enregistré comme client OpenID Connect." };
  },
  revalidate: ({ eServiceId }) => [`${catalogueReturn}/${eServiceId}`],
  answer: ({ clientId, clientSecret, message }): OidcClientFormState => ({ status: "success", message, result: { clientId, clientSecret } }),
});

/** SSO-1: an operator rotates the provider's signing key (the command `npm run oidc:keys -- rotate` does the same). */
export const rotateSigningKeysAction = defineAction({
  guard: "operator",
  returnTo: catalogueReturn,
  schema: z.object({}),
  run: (_input, { actor, context }) => rotateSigningKeys(db, actor, context),
  revalidate: [catalogueReturn],
  success: () => "Nouvelle clé de signature en service. L'ancienne reste publiée le temps que les jetons qu'elle a signés expirent.",
});
