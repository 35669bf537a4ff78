"use server";

// Entry points of the "Mes e-services" pages: a signed-in account; the services check the
// access again on the server (SEC-1).
import { redirect } from "next/navigation";
import { z } from "zod";
import { defineAction } from "../../actions/define-action";
import { db } from "../../db";
import type { FormState } from "../../forms";
import { CONSENT_STATEMENT } from "./messages";
import { giveHealthConsent, openEService } from "./open-e-service";

const slugField = z
  .string({ error: "E-service manquant." })
  .regex(/^[a-z0-9][a-z0-9-]{0,99}$/, "E-service inconnu.");

const consentSchema = z.object({
  slug: slugField,
  consent: z.literal("on", { error: `Cochez la case « ${CONSENT_STATEMENT} » pour utiliser cet e-service.` }),
});

export const giveHealthConsentAction = defineAction({
  guard: "account",
  returnTo: "/e-services",
  schema: consentSchema,
  hiddenFields: { slug: true },
  run: (input, { actor, context }) => giveHealthConsent(db, actor, input.slug, context),
  revalidate: (_input, slug) => [`/e-services/${slug}`, "/e-services"],
  success: () => "Votre consentement est enregistré. Vous pouvez maintenant ouvrir l'e-service.",
});

/** Re-checks everything, records the opening, then hands a 60-second token to the e-service. */
export const openEServiceAction = defineAction({
  guard: "account",
  returnTo: "/e-services",
  schema: z.object({ slug: slugField }),
  hiddenFields: { slug: true },
  run: (input, { actor, context }) => openEService(db, actor, input.slug, context),
  answer: (target): FormState<object> => redirect(target),
});
