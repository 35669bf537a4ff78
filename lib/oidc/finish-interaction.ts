// The provider's side of the end of an interaction (SSO-3): the browser arrives at
// /oidc/interaction/<uid>/terminer once the portal's page stored its decision. The
// interaction cookie set by oidc-provider proves it is the same browser; the decision is
// used once. Allowed: one grant with the scopes asked for (among ours), a login for the
// account the portal session held, and a record of it for the logout tokens (SSO-5).
// The account may be another of the person's (ORG-5), chosen on the portal's page: it is then
// the `sub`. Refused or declined: access_denied for the e-service. An e-service requiring a second
// factor (MFA-6) is checked again against the portal sign-in: the requirement may have been
// switched on between the decision and this request.
import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import type Provider from "oidc-provider";
import type { Db } from "../db";
import { PASSWORD_AMR, SUPPORTED_SCOPES, authenticationOf, claimsForClient, usedSecondFactor } from "./account";
import { errorPage, type RenderedPage } from "./pages";

function send(response: ServerResponse, status: number, rendered: RenderedPage) {
  response.statusCode = status;
  response.setHeader("Content-Type", "text/html; charset=utf-8");
  response.setHeader("Cache-Control", "no-store");
  response.setHeader("Content-Security-Policy", rendered.csp);
  response.end(rendered.html);
}

function denied(description: string) {
  return { error: "access_denied", error_description: description };
}

export async function finishInteraction(provider: Provider, db: Db, request: IncomingMessage, response: ServerResponse, uid: string): Promise<void> {
  let interaction: Awaited<ReturnType<Provider["interactionDetails"]>>;
  try {
    interaction = await provider.interactionDetails(request, response);
  } catch {
    send(response, 400, errorPage({ error: "session_not_found" }));
    return;
  }
  if (interaction.uid !== uid) {
    send(response, 400, errorPage({ error: "session_not_found" }));
    return;
  }
  // Used once: whoever deletes it finishes the interaction.
  const decision = await db.oidcInteractionDecision.findUnique({ where: { uid } });
  const taken = decision ? await db.oidcInteractionDecision.deleteMany({ where: { uid } }) : { count: 0 };
  if (!decision || taken.count === 0 || decision.expiresAt <= new Date()) {
    response.statusCode = 303;
    response.setHeader("Location", `/oidc/interaction/${uid}`);
    response.end();
    return;
  }
  const finish = (result: Parameters<Provider["interactionFinished"]>[2]) =>
    provider.interactionFinished(request, response, result, { mergeWithLastSubmission: false });

  if (!decision.allowed || !decision.accountId) {
    await finish(denied(decision.reason === "declined" ? "La personne a refusé la connexion." : `Accès refusé par le portail (${decision.reason ?? "refus"}).`));
    return;
  }
  const clientId = String(interaction.params.client_id);
  // The portal session that decided must still be alive, and ADM-4 still hold.
  const portalSession = decision.authSessionId
    ? await db.authSession.findFirst({ where: { id: decision.authSessionId, endedAt: null, expiresAt: { gt: new Date() } }, select: { amr: true, accountId: true } })
    : null;
  // ORG-5: another account of the person, chosen on the page, was proved by its password (now
  // or earlier in this browser session), never by the portal sign-in's second factor.
  const amr = portalSession && portalSession.accountId !== decision.accountId ? PASSWORD_AMR : portalSession?.amr;
  const sessionAlive = portalSession ? 1 : 0;
  const claims = sessionAlive ? await claimsForClient(db, decision.accountId, clientId) : null;
  const requirement = await db.oidcClient.findUnique({ where: { clientId }, select: { eService: { select: { requiresSecondFactor: true } } } });
  if (requirement?.eService.requiresSecondFactor && !usedSecondFactor(amr)) {
    await finish(denied("Accès refusé par le portail (second_factor_required)."));
    return;
  }
  if (!claims) {
    await finish(denied("Accès refusé par le portail."));
    return;
  }
  const requested = String(interaction.params.scope ?? "").split(" ");
  const scopes = requested.filter((scope) => (SUPPORTED_SCOPES as readonly string[]).includes(scope));
  const grant = new provider.Grant({ accountId: decision.accountId, clientId });
  grant.addOIDCScope(scopes.join(" "));
  const grantId = await grant.save();
  await db.oidcLogin.create({ data: { accountId: decision.accountId, authSessionId: decision.authSessionId, clientId, grantId } });
  await finish({
    login: { accountId: decision.accountId, ...authenticationOf(amr), remember: false },
    consent: { grantId },
  });
}
