"use server";

// Entry points of the "Mes e-services" pages. Each action re-checks the session and the
// access on the server (SEC-1): what the page showed is never trusted.
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { accountActor, recordAuditEvent } from "../../audit/record-audit-event";
import { requireViewer } from "../../auth/viewer";
import { db } from "../../db";
import { errorState, parseForm, type FormState } from "../../forms";
import { clientAddress } from "../../request-context";
import { eServiceTokenSecret, signHandoverToken } from "./handover-token";
import { CONSENT_STATEMENT, REFUSAL_MESSAGES } from "./messages";
import { explainAccess } from "./queries";
import { recordHealthConsent } from "./record-health-consent";

const slugField = z
  .string({ error: "E-service manquant." })
  .regex(/^[a-z0-9][a-z0-9-]{0,99}$/, "E-service inconnu.");

const openSchema = z.object({ slug: slugField });
const consentSchema = z.object({
  slug: slugField,
  consent: z.literal("on", { error: `Cochez la case « ${CONSENT_STATEMENT} » pour utiliser cet e-service.` }),
});

const CONSENT_FIRST = "Cet e-service traite des données de santé : donnez d'abord votre consentement sur cette page.";

export async function giveHealthConsentAction(_previous: FormState<object>, formData: FormData): Promise<FormState<object>> {
  const viewer = await requireViewer("/e-services");
  const parsed = parseForm(consentSchema, formData);
  if (!parsed.ok) return parsed.state;
  const access = await explainAccess(db, viewer, parsed.data.slug);
  if (!access.ok) return errorState(REFUSAL_MESSAGES[access.reason]);
  if (!access.service.handlesHealthData) return errorState("Cet e-service ne demande pas de consentement.");
  await recordHealthConsent(db, viewer, access.service.id, { ipAddress: await clientAddress() });
  revalidatePath(`/e-services/${access.service.slug}`);
  revalidatePath("/e-services");
  return { status: "success", message: "Votre consentement est enregistré. Vous pouvez maintenant ouvrir l'e-service.", result: {} };
}

/** Re-checks everything, records the opening, then hands a 60-second token to the e-service. */
export async function openEServiceAction(_previous: FormState<object>, formData: FormData): Promise<FormState<object>> {
  const viewer = await requireViewer("/e-services");
  const parsed = parseForm(openSchema, formData);
  if (!parsed.ok) return parsed.state;
  const access = await explainAccess(db, viewer, parsed.data.slug);
  if (!access.ok) return errorState(REFUSAL_MESSAGES[access.reason]);
  if (access.consentNeeded) return errorState(CONSENT_FIRST);
  const organisation = await db.organisation.findUniqueOrThrow({
    where: { id: viewer.organisationId! },
    select: { id: true, code: true, name: true },
  });

  let target: URL;
  try {
    target = new URL(access.service.url);
    if (target.protocol !== "https:" && target.protocol !== "http:") throw new Error("protocol");
  } catch {
    return errorState("L'adresse de cet e-service est mal configurée. Contactez l'assistance du portail.");
  }

  const token = signHandoverToken({
    secret: eServiceTokenSecret(access.service.slug),
    audience: access.service.slug,
    account: { id: viewer.accountId, identifier: viewer.identifier },
    organisation,
  });
  await recordAuditEvent(db, {
    actor: accountActor({ id: viewer.accountId, identifier: viewer.identifier, role: viewer.role }),
    action: "e_service.opened",
    organisationId: organisation.id,
    target: { type: "e_service", id: access.service.id, label: access.service.name },
    ipAddress: await clientAddress(),
  });
  target.searchParams.set("jeton", token);
  redirect(target.toString());
}
