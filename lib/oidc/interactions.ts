// The portal's side of an authorization request (SSO-3). oidc-provider sends the browser to
// /oidc/interaction/<uid>; that page (a Next page, with the portal's own session: single
// sign-on) applies ADM-4 and ADM-6 for the account signed in, then records its decision
// here. The provider finishes the interaction from that decision (lib/oidc/finish-interaction.ts):
// a code for the account, or access_denied for the e-service. An e-service of the catalogue
// marked "second factor required" (MFA-6) is refused to a portal sign-in made with the
// password alone, whatever ADM-4 says.
import "server-only";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Viewer } from "../auth/viewer";
import type { Db } from "../db";
import { REFUSAL_MESSAGES, type AccessRefusal } from "../e-services/access/messages";
import { explainAccess, type AccessDecision } from "../e-services/access/queries";
import { recordHealthConsent } from "../e-services/access/record-health-consent";
import { isUnlocked, proveLinkedAccount, type LinkedAccount } from "../accounts/switch-account";
import { hasSecondFactor } from "../mfa/factors";
import { actorOfAccount, UserError, type Actor, type OperationContext } from "../operation";
import { usedSecondFactor } from "./account";
import { INTERACTION_SECONDS } from "./lifetimes";

const UID = /^[A-Za-z0-9_-]{10,64}$/;
export const EXPIRED_INTERACTION = "Cette demande de connexion a expiré ou n'existe pas. Retournez sur l'e-service et recommencez la connexion.";
export const SECOND_FACTOR_REQUIRED_TITLE = "Double authentification exigée";
export const SECOND_FACTOR_REQUIRED_MESSAGE =
  "Cet e-service exige une double authentification : ajoutez une application d'authentification ou une clé d'accès dans Mon espace › Sécurité, puis reconnectez-vous.";

/** Why the portal refuses a login to an e-service: ADM-4, or the e-service's second-factor requirement (MFA-6). */
export type InteractionRefusal = AccessRefusal | "second_factor_required";

export interface InteractionSummary {
  uid: string;
  clientId: string;
  eService: { id: string; slug: string; name: string; requiresSecondFactor: boolean };
  scopes: string[];
}

interface StoredInteraction {
  params?: { client_id?: unknown; scope?: unknown };
}

/** The pending authorization request `uid` and the e-service asking, or null when unknown or expired. */
export async function findInteraction(db: Db, uid: string, now = new Date()): Promise<InteractionSummary | null> {
  if (!UID.test(uid)) return null;
  const row = await db.oidcPayload.findUnique({ where: { kind_id: { kind: "Interaction", id: uid } }, select: { payload: true, expiresAt: true } });
  if (!row || (row.expiresAt && row.expiresAt <= now)) return null;
  const params = (row.payload as StoredInteraction).params ?? {};
  if (typeof params.client_id !== "string") return null;
  const client = await db.oidcClient.findUnique({
    where: { clientId: params.client_id },
    select: { eService: { select: { id: true, slug: true, name: true, requiresSecondFactor: true } } },
  });
  if (!client) return null;
  const scopes = typeof params.scope === "string" ? params.scope.split(" ").filter(Boolean) : [];
  return { uid, clientId: params.client_id, eService: client.eService, scopes };
}

/** An account the person may sign in to the e-service with (ORG-5): theirs now, or another of theirs. */
export interface AccountChoice {
  accountId: string;
  identifier: string;
  organisationName: string;
  /** The account the portal session is signed in to. */
  current: boolean;
  /** Another account whose password this browser session does not hold yet (asked once, as the switcher does). */
  passwordNeeded: boolean;
  /** ADM-6: the e-service handles health data and this account has not consented yet. */
  consentNeeded: boolean;
}

export interface InteractionView {
  interaction: InteractionSummary;
  access: AccessDecision;
  /** MFA-6: ADM-4 lets the account in, but the e-service requires a second factor this sign-in did not use. */
  secondFactorMissing: boolean;
  /**
   * SSO-3, ORG-5: the accounts of this person that may use the e-service today and can be
   * chosen here, the signed-in one first when it may. Two or more: the page asks which
   * organisation the person acts for; one: no question.
   */
  choices: AccountChoice[];
  /** Other accounts that may use the e-service but cannot be chosen here (a second factor is needed): sign in to them directly. */
  otherAccounts: { accountId: string; identifier: string; organisationName: string }[];
}

/** ORG-5: the other active accounts of the viewer (same verified e-mail address), as the switcher lists them. */
async function linkedAccounts(db: Db, viewer: Viewer) {
  const current = await db.account.findUnique({ where: { id: viewer.accountId }, select: { emailVerifiedAt: true } });
  if (!current?.emailVerifiedAt) return [];
  return db.account.findMany({
    where: { email: viewer.email, emailVerifiedAt: { not: null }, status: "ACTIVE", id: { not: viewer.accountId }, organisationId: { not: null } },
    select: { id: true, identifier: true, organisationId: true, sessionVersion: true, organisation: { select: { name: true } } },
    orderBy: { identifier: "asc" },
    take: 20,
  });
}

/** What the interaction page shows to `viewer`: the decision ADM-4 takes for the signed-in account, and the accounts to choose from. */
export async function interactionView(db: Db, viewer: Viewer, uid: string, now = new Date()): Promise<InteractionView | null> {
  const interaction = await findInteraction(db, uid, now);
  if (!interaction) return null;
  const access = await explainAccess(db, viewer, interaction.eService.slug, now);
  const secondFactorMissing = access.ok && (await secondFactorMissingFor(db, viewer, interaction));
  const choices: AccountChoice[] = [];
  if (access.ok && !secondFactorMissing) {
    choices.push({
      accountId: viewer.accountId,
      identifier: viewer.identifier,
      organisationName: viewer.organisationName ?? "",
      current: true,
      passwordNeeded: false,
      consentNeeded: access.consentNeeded,
    });
  }
  const otherAccounts: InteractionView["otherAccounts"] = [];
  for (const sibling of await linkedAccounts(db, viewer)) {
    const decision = await explainAccess(db, { accountId: sibling.id, organisationId: sibling.organisationId }, interaction.eService.slug, now);
    if (!decision.ok) continue;
    const unlocked = isUnlocked(viewer, sibling);
    // Chosen here, another account is proved by its password (or the one given earlier in
    // this browser session): never enough for an account with a second factor (MFA-2) nor
    // for an e-service that requires one (MFA-6).
    const choosable = !interaction.eService.requiresSecondFactor && (unlocked || !(await hasSecondFactor(db, sibling.id)));
    const summary = { accountId: sibling.id, identifier: sibling.identifier, organisationName: sibling.organisation?.name ?? "" };
    if (choosable) choices.push({ ...summary, current: false, passwordNeeded: !unlocked, consentNeeded: decision.consentNeeded });
    else otherAccounts.push(summary);
  }
  return { interaction, access, secondFactorMissing, choices, otherAccounts };
}

/**
 * MFA-6: whether the e-service requires a second factor that the viewer's portal sign-in
 * did not use. How the person authenticated is read from their auth_sessions row (the
 * session cookie never says it), the same row the provider reports acr/amr from.
 */
async function secondFactorMissingFor(db: Db, viewer: Viewer, interaction: InteractionSummary): Promise<boolean> {
  if (!interaction.eService.requiresSecondFactor) return false;
  const session = viewer.authSessionId ? await db.authSession.findUnique({ where: { id: viewer.authSessionId }, select: { amr: true } }) : null;
  return !usedSecondFactor(session?.amr);
}

export type InteractionOutcome = { allowed: true } | { allowed: false; reason: InteractionRefusal; message: string };

function outcomeOf(access: AccessDecision, secondFactorMissing: boolean): InteractionOutcome {
  if (!access.ok) return { allowed: false, reason: access.reason, message: REFUSAL_MESSAGES[access.reason] };
  if (secondFactorMissing) return { allowed: false, reason: "second_factor_required", message: SECOND_FACTOR_REQUIRED_MESSAGE };
  return { allowed: true };
}

/**
 * The signed-in person continues the authorization request `uid` (SSO-3): ADM-4 is decided
 * now, for the account of the session or, ORG-5, for another account of the same person
 * chosen on the page (proved as the switcher proves it: its password once per browser
 * session; the portal session itself stays on its account); ADM-6 consent is recorded for
 * that account when the e-service needs it and the box is ticked; an e-service requiring a
 * second factor (MFA-6) is refused to a sign-in without one (before any consent is asked).
 * Either way the decision is stored for the provider and audited in the chosen account's
 * organisation. `refuse` is the person's own "go back to the e-service" after a refusal: the
 * e-service then receives access_denied. `unlocked` is the key the browser session should
 * remember when another account's password was given now.
 */
export async function decideInteraction(
  db: Db,
  viewer: Viewer,
  input: { uid: string; consent: boolean; accountId?: string; password?: string },
  context: OperationContext = {},
): Promise<InteractionOutcome & { unlocked: string | null }> {
  const now = context.now ?? new Date();
  const interaction = await findInteraction(db, input.uid, now);
  if (!interaction) throw new UserError(EXPIRED_INTERACTION);
  const chosen = input.accountId && input.accountId !== viewer.accountId ? await chooseLinkedAccount(db, viewer, interaction, input, now) : null;
  const actor: Actor = chosen ? actorOfAccount(chosen) : viewer;
  const access = chosen ? chosen.access : await explainAccess(db, viewer, interaction.eService.slug, now);
  const secondFactorMissing = !chosen && access.ok && (await secondFactorMissingFor(db, viewer, interaction));
  if (access.ok && !secondFactorMissing && access.consentNeeded) {
    if (!input.consent) throw new UserError("Cochez la case de consentement pour utiliser cet e-service, ou retournez à l'e-service.", "consent");
    await recordHealthConsent(db, actor, access.service.id, context);
  }
  const expiresAt = new Date(now.getTime() + INTERACTION_SECONDS * 1000);
  const outcome = outcomeOf(access, secondFactorMissing);
  await db.$transaction(async (tx) => {
    const row = {
      allowed: outcome.allowed,
      accountId: actor.accountId,
      authSessionId: viewer.authSessionId || null,
      reason: outcome.allowed ? null : outcome.reason,
      expiresAt,
    };
    await tx.oidcInteractionDecision.upsert({ where: { uid: input.uid }, create: { uid: input.uid, ...row }, update: row });
    await recordAuditEvent(tx, {
      actor,
      action: outcome.allowed ? "oidc.login" : "oidc.login_refused",
      organisationId: actor.organisationId,
      target: { type: "e_service", id: interaction.eService.id, label: interaction.eService.name },
      details: {
        clientId: interaction.clientId,
        ...(outcome.allowed ? { scopes: interaction.scopes } : { reason: outcome.reason }),
        // ORG-5: signed in to the portal as another of the person's accounts.
        ...(chosen ? { portalAccountId: viewer.accountId } : {}),
      },
      ipAddress: context.ipAddress,
      at: now,
    });
  });
  return { ...outcome, unlocked: chosen?.newlyUnlocked ?? null };
}

/**
 * ORG-5: another account of the viewer chosen on the interaction page. It must be offered
 * there (ADM-4 holds for it today, the e-service does not require a second factor) and be
 * proved like the switcher proves it.
 */
async function chooseLinkedAccount(
  db: Db,
  viewer: Viewer,
  interaction: InteractionSummary,
  input: { accountId?: string; password?: string },
  now: Date,
): Promise<LinkedAccount & { access: AccessDecision }> {
  if (interaction.eService.requiresSecondFactor) throw new UserError(SECOND_FACTOR_REQUIRED_MESSAGE);
  const linked = await proveLinkedAccount(db, viewer, { targetAccountId: input.accountId!, password: input.password });
  const access = await explainAccess(db, { accountId: linked.id, organisationId: linked.organisationId }, interaction.eService.slug, now);
  if (!access.ok) throw new UserError(`${REFUSAL_MESSAGES[access.reason]} Choisissez une autre organisation, ou retournez à l'e-service.`);
  return { ...linked, access };
}

/** The person declines on the interaction page (they do not want to sign in): access_denied for the e-service. */
export async function declineInteraction(db: Db, viewer: Viewer, uid: string, context: OperationContext = {}): Promise<void> {
  const now = context.now ?? new Date();
  const interaction = await findInteraction(db, uid, now);
  if (!interaction) throw new UserError(EXPIRED_INTERACTION);
  const row = { allowed: false, accountId: viewer.accountId, authSessionId: viewer.authSessionId || null, reason: "declined", expiresAt: new Date(now.getTime() + INTERACTION_SECONDS * 1000) };
  await db.$transaction(async (tx) => {
    await tx.oidcInteractionDecision.upsert({ where: { uid }, create: { uid, ...row }, update: row });
    await recordAuditEvent(tx, {
      actor: viewer,
      action: "oidc.login_declined",
      organisationId: viewer.organisationId,
      target: { type: "e_service", id: interaction.eService.id, label: interaction.eService.name },
      details: { clientId: interaction.clientId },
      ipAddress: context.ipAddress,
      at: now,
    });
  });
}

/** Where the browser goes once the decision is stored: the provider finishes the interaction. */
export function completionPath(uid: string): string {
  return `/oidc/interaction/${uid}/terminer`;
}
