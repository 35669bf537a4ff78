// ADM-4 and ADM-6 at the moment of use: everything is checked again on the server (what the
// page showed is never trusted), the opening is audited, and the e-service's own OpenID
// Connect login starts (SSO-6), where the portal decides again.
import "server-only";
import { recordAuditEvent } from "../../audit/record-audit-event";
import type { Db } from "../../db";
import { UserError, type Actor, type OperationContext } from "../../operation";
import { portalIssuer } from "../../oidc/issuer";
import { REFUSAL_MESSAGES } from "./messages";
import { explainAccess } from "./queries";
import { recordHealthConsent } from "./record-health-consent";

const CONSENT_FIRST = "Cet e-service traite des données de santé : donnez d'abord votre consentement sur cette page.";

/** The explicit consent of ADM-6, given on the e-service's page; returns the e-service's slug. */
export async function giveHealthConsent(db: Db, actor: Actor, slug: string, context: OperationContext = {}): Promise<string> {
  const access = await explainAccess(db, actor, slug, context.now);
  if (!access.ok) throw new UserError(REFUSAL_MESSAGES[access.reason]);
  if (!access.service.handlesHealthData) throw new UserError("Cet e-service ne demande pas de consentement.");
  await recordHealthConsent(db, actor, access.service.id, context);
  return access.service.slug;
}

/**
 * The address to send the person to (SSO-6): the e-service's own login, started by the
 * portal (OpenID Connect third-party-initiated login: its initiate-login URI with `iss`, the
 * portal's issuer, and `target_link_uri`, the e-service's address). The e-service then asks
 * the portal to sign the person in, and the portal applies ADM-4 again at that moment. An
 * e-service not registered as a client (or without an initiate-login URI) is opened at its
 * address: it starts the login itself. Nothing secret travels in the URL.
 */
export async function openEService(db: Db, actor: Actor, slug: string, context: OperationContext = {}): Promise<string> {
  const access = await explainAccess(db, actor, slug, context.now);
  if (!access.ok) throw new UserError(REFUSAL_MESSAGES[access.reason]);
  if (access.consentNeeded) throw new UserError(CONSENT_FIRST);
  const client = await db.oidcClient.findUnique({ where: { eServiceId: access.service.id }, select: { initiateLoginUri: true } });

  let target: URL;
  try {
    target = new URL(client?.initiateLoginUri ?? access.service.url);
    if (target.protocol !== "https:" && target.protocol !== "http:") throw new Error("protocol");
  } catch {
    throw new UserError("L'adresse de cet e-service est mal configurée. Contactez l'assistance du portail.");
  }
  if (client?.initiateLoginUri) {
    target.searchParams.set("iss", portalIssuer());
    target.searchParams.set("target_link_uri", access.service.url);
  }
  await recordAuditEvent(db, {
    actor,
    action: "e_service.opened",
    organisationId: actor.organisationId,
    target: { type: "e_service", id: access.service.id, label: access.service.name },
    details: { initiateLogin: Boolean(client?.initiateLoginUri) },
    ipAddress: context.ipAddress,
  });
  return target.toString();
}
