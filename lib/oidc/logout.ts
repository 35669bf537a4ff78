// Back-channel logout (SSO-5). When a portal session ends, an account is deactivated or
// closed, a permission is withdrawn or a subscription ends, the logins it covered end: their
// grants and tokens are revoked at once (in the caller's transaction), and each e-service
// with a back-channel logout URI gets a logout token, delivered by the job runner with
// retries like the outbox (claimed with FOR UPDATE SKIP LOCKED, exponential back-off).
import "server-only";
import { randomUUID } from "node:crypto";
import { importJWK, SignJWT, type JWK } from "jose";
import type { Db } from "../db";
import type { RecurringTask, ScheduledJob } from "../jobs/runner";
import { logger } from "../logger";
import { recordAuditEvent } from "../audit/record-audit-event";
import { SYSTEM_ACTOR, type Client } from "../operation";
import { providerJwks } from "./keys";
import { LOGOUT_TOKEN_SECONDS } from "./lifetimes";
import { portalIssuer } from "./issuer";

export type LogoutReason = "portal_logout" | "account_deactivated" | "permission_withdrawn" | "subscription_ended" | "session_ended" | "e_service_withdrawn";

export const LOGOUT_BATCH = 20;
export const LOGOUT_MAX_ATTEMPTS = 8;
const LEASE_MS = 60_000;

/**
 * Ends the logins matching `where` (an account, optionally one e-service's client or one portal
 * session): revokes what they were given and queues the logout tokens. Returns how many ended.
 */
export async function endOidcLogins(
  db: Client,
  where: { accountId?: string; accountIds?: string[]; clientIds?: string[]; authSessionId?: string },
  reason: LogoutReason,
  now = new Date(),
): Promise<number> {
  const logins = await db.oidcLogin.findMany({
    where: {
      endedAt: null,
      ...(where.accountId ? { accountId: where.accountId } : {}),
      ...(where.accountIds ? { accountId: { in: where.accountIds } } : {}),
      ...(where.clientIds ? { clientId: { in: where.clientIds } } : {}),
      ...(where.authSessionId ? { authSessionId: where.authSessionId } : {}),
    },
    select: { id: true, accountId: true, clientId: true, grantId: true, sid: true },
  });
  if (!logins.length) return 0;
  await db.oidcLogin.updateMany({ where: { id: { in: logins.map((login) => login.id) } }, data: { endedAt: now } });
  await db.oidcPayload.deleteMany({ where: { grantId: { in: logins.map((login) => login.grantId) } } });
  const clients = await db.oidcClient.findMany({
    where: { clientId: { in: [...new Set(logins.map((login) => login.clientId))] }, backchannelLogoutUri: { not: null } },
    select: { clientId: true },
  });
  const reachable = new Set(clients.map((client) => client.clientId));
  const deliveries = logins.filter((login) => reachable.has(login.clientId));
  if (deliveries.length) {
    await db.oidcLogoutDelivery.createMany({
      data: deliveries.map((login) => ({ clientId: login.clientId, accountId: login.accountId, sid: login.sid, reason, nextAttemptAt: now })),
    });
  }
  return logins.length;
}

/** The e-services an account was signed in to through a permission of `eServiceIds`. */
export async function clientIdsOfEServices(db: Client, eServiceIds: string[]): Promise<string[]> {
  const clients = await db.oidcClient.findMany({ where: { eServiceId: { in: eServiceIds } }, select: { clientId: true } });
  return clients.map((client) => client.clientId);
}

/** A logout token (OpenID Connect Back-Channel Logout 1.0 §2.4), signed with the provider's current key. */
export async function signLogoutToken(db: Db, input: { clientId: string; accountId: string; sid: string | null }, now = new Date()): Promise<string> {
  const { keys } = await providerJwks(db, now);
  const jwk = keys[0] as JWK | undefined;
  if (!jwk?.kid) throw new Error("no OIDC signing key");
  const key = await importJWK(jwk, "ES256");
  const issuedAt = Math.floor(now.getTime() / 1000);
  return new SignJWT({
    events: { "http://schemas.openid.net/event/backchannel-logout": {} },
    ...(input.sid ? { sid: input.sid } : {}),
  })
    .setProtectedHeader({ alg: "ES256", kid: jwk.kid, typ: "logout+jwt" })
    .setIssuer(portalIssuer())
    .setAudience(input.clientId)
    .setSubject(input.accountId)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + LOGOUT_TOKEN_SECONDS)
    .setJti(randomUUID())
    .sign(key);
}

interface ClaimedDelivery {
  id: string;
  clientId: string;
  accountId: string;
  sid: string | null;
  reason: string;
  attempts: number;
}

async function claim(db: Db, now: Date): Promise<ClaimedDelivery[]> {
  return db.$queryRaw<ClaimedDelivery[]>`
    WITH due AS (
      SELECT "id" FROM "oidc_logout_deliveries"
      WHERE "status" = 'PENDING' AND "nextAttemptAt" <= ${now}
      ORDER BY "nextAttemptAt"
      LIMIT ${LOGOUT_BATCH}
      FOR UPDATE SKIP LOCKED
    )
    UPDATE "oidc_logout_deliveries" AS d
    SET "nextAttemptAt" = ${new Date(now.getTime() + LEASE_MS)}, "attempts" = d."attempts" + 1
    FROM due WHERE d."id" = due."id"
    RETURNING d."id", d."clientId", d."accountId", d."sid", d."reason", d."attempts"`;
}

/** Sends the due logout tokens; a failure is retried (30 s, 1 min, 2 min… up to LOGOUT_MAX_ATTEMPTS). */
export async function deliverLogoutTokens(db: Db, now = new Date(), send: typeof fetch = fetch): Promise<{ sent: number; failed: number }> {
  const claimed = await claim(db, now);
  let sent = 0;
  let failed = 0;
  for (const delivery of claimed) {
    const client = await db.oidcClient.findUnique({ where: { clientId: delivery.clientId }, select: { backchannelLogoutUri: true } });
    if (!client?.backchannelLogoutUri) {
      await db.oidcLogoutDelivery.update({ where: { id: delivery.id }, data: { status: "FAILED", lastError: "client sans adresse de déconnexion" } });
      failed++;
      continue;
    }
    try {
      const token = await signLogoutToken(db, delivery, now);
      const response = await send(client.backchannelLogoutUri, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ logout_token: token }),
        redirect: "manual",
        signal: AbortSignal.timeout(10_000),
      });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const account = await db.account.findUnique({ where: { id: delivery.accountId }, select: { identifier: true, organisationId: true } });
      await db.$transaction(async (tx) => {
        await tx.oidcLogoutDelivery.update({ where: { id: delivery.id }, data: { status: "SENT", sentAt: new Date(), lastError: null } });
        await recordAuditEvent(tx, {
          actor: SYSTEM_ACTOR,
          action: "oidc.logout_sent",
          organisationId: account?.organisationId ?? null,
          target: { type: "account", id: delivery.accountId, label: account?.identifier },
          details: { clientId: delivery.clientId, reason: delivery.reason },
        });
      });
      sent++;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const last = delivery.attempts >= LOGOUT_MAX_ATTEMPTS;
      await db.oidcLogoutDelivery.update({
        where: { id: delivery.id },
        data: {
          status: last ? "FAILED" : "PENDING",
          lastError: message.slice(0, 500),
          nextAttemptAt: new Date(now.getTime() + 30_000 * 2 ** (delivery.attempts - 1)),
        },
      });
      if (last) logger.warn({ clientId: delivery.clientId, error: message }, "oidc: logout token not delivered");
      failed++;
    }
  }
  return { sent, failed };
}

export const deliverLogoutTokensTask: RecurringTask = {
  name: "oidc-logout-tokens",
  run: ({ db, now }) => deliverLogoutTokens(db, now),
};

/**
 * SSO-5 for what ends by date: a subscription whose last day is over (an administrator ends a
 * subscription "au soir" of its end date, ADM-1: it stays valid until then, ADM-4), and
 * anything else ADM-4 no longer allows that no action reported. Run by the hourly job, whose
 * period starts at each Paris hour, so a subscription ending on day D is caught within a
 * runner tick (15 s) of midnight: the logins it allowed end (grants revoked, logout tokens
 * queued, with the reason ADM-4 gives). Actions that end access at once (a permission
 * withdrawn, an account deactivated or closed, an e-service withdrawn from the catalogue, a
 * portal logout) end their logins themselves, in their own transaction.
 */
export async function endLoginsNoLongerAllowed(db: Db, now = new Date()): Promise<number> {
  const { claimsForClient, eServiceSlugOfClient } = await import("./account");
  const { explainAccess } = await import("../e-services/access/queries");
  const open = await db.oidcLogin.findMany({ where: { endedAt: null }, select: { id: true, accountId: true, clientId: true }, take: 5_000 });
  let ended = 0;
  for (const login of open) {
    if (await claimsForClient(db, login.accountId, login.clientId, now)) continue;
    const reason = await reasonOfEnd(db, login, now, eServiceSlugOfClient, explainAccess);
    ended += await db.$transaction(async (tx) => {
      const still = await tx.oidcLogin.findFirst({ where: { id: login.id, endedAt: null }, select: { grantId: true } });
      if (!still) return 0;
      return endOidcLogins(tx, { accountId: login.accountId, clientIds: [login.clientId] }, reason, now);
    });
  }
  return ended;
}

/** Why ADM-4 no longer lets the login's account use its e-service, in the logout's words. */
async function reasonOfEnd(
  db: Db,
  login: { accountId: string; clientId: string },
  now: Date,
  slugOf: (db: Db, clientId: string) => Promise<string | null>,
  explain: typeof import("../e-services/access/queries").explainAccess,
): Promise<LogoutReason> {
  const account = await db.account.findUnique({ where: { id: login.accountId }, select: { status: true, organisationId: true } });
  if (!account || account.status !== "ACTIVE") return "account_deactivated";
  const slug = await slugOf(db, login.clientId);
  if (!slug) return "e_service_withdrawn";
  const decision = await explain(db, { accountId: login.accountId, organisationId: account.organisationId }, slug, now);
  if (decision.ok) return "session_ended";
  if (decision.reason === "no_permission") return "permission_withdrawn";
  if (decision.reason === "no_subscription") return "subscription_ended";
  return "e_service_withdrawn";
}

export const endLoginsNoLongerAllowedJob: ScheduledJob = {
  name: "oidc.logins-no-longer-allowed",
  period: "hour",
  run: ({ db, now }) => endLoginsNoLongerAllowed(db, now),
};
