// ADM-4 and ADM-6 at the moment of use: everything is checked again on the server (what the
// page showed is never trusted), the opening is audited, and the e-service receives the
// 60-second hand-over token.
import "server-only";
import { recordAuditEvent } from "../../audit/record-audit-event";
import type { Db } from "../../db";
import { UserError, type Actor, type OperationContext } from "../../operation";
import { eServiceTokenSecret, signHandoverToken } from "./handover-token";
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

/** The address to send the person to: the e-service's URL carrying the hand-over token. */
export async function openEService(db: Db, actor: Actor, slug: string, context: OperationContext = {}): Promise<string> {
  const access = await explainAccess(db, actor, slug, context.now);
  if (!access.ok) throw new UserError(REFUSAL_MESSAGES[access.reason]);
  if (access.consentNeeded) throw new UserError(CONSENT_FIRST);
  const organisation = await db.organisation.findUniqueOrThrow({ where: { id: actor.organisationId! }, select: { id: true, code: true, name: true } });

  let target: URL;
  try {
    target = new URL(access.service.url);
    if (target.protocol !== "https:" && target.protocol !== "http:") throw new Error("protocol");
  } catch {
    throw new UserError("L'adresse de cet e-service est mal configurée. Contactez l'assistance du portail.");
  }
  const token = signHandoverToken({
    secret: eServiceTokenSecret(access.service.slug),
    audience: access.service.slug,
    account: { id: actor.accountId, identifier: actor.identifier },
    organisation,
  });
  await recordAuditEvent(db, {
    actor,
    action: "e_service.opened",
    organisationId: organisation.id,
    target: { type: "e_service", id: access.service.id, label: access.service.name },
    ipAddress: context.ipAddress,
  });
  target.searchParams.set("jeton", token);
  return target.toString();
}
