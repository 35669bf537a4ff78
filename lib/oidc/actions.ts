"use server";

// The portal's interaction page of an authorization request (SSO-3): the signed-in person
// continues (ADM-4 decided now, ADM-6 consent recorded when ticked) or goes back to the
// e-service. The browser then goes to the provider, which finishes the request.
import { z } from "zod";
import { defineAction } from "../actions/define-action";
import { db } from "../db";
import type { FormState } from "../forms";
import { completionPath, decideInteraction, declineInteraction, EXPIRED_INTERACTION } from "./interactions";

const uidField = z.string({ error: EXPIRED_INTERACTION }).regex(/^[A-Za-z0-9_-]{10,64}$/, EXPIRED_INTERACTION);

export type InteractionState = FormState<{ next: string }>;

export const continueInteractionAction = defineAction({
  guard: "account",
  schema: z.object({ uid: uidField, consent: z.literal("on").optional() }),
  hiddenFields: { uid: true },
  run: async (input, { actor, context }) => {
    await decideInteraction(db, actor, { uid: input.uid, consent: input.consent === "on" }, context);
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
