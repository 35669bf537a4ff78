// The /oidc part of the portal's Node server (scripts/next-server.mjs): everything under
// /oidc goes to oidc-provider, except the interaction pages, which are Next pages
// (app/oidc/interaction/[uid]) using the portal's session. The token endpoints, where a
// client presents its secret, are rate-limited first (SEC-2, SEC-8: counted before the
// secret is checked; given back when the client authenticated).
import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { db } from "../db";
import { logger } from "../logger";
import { hitAll, refund, type RateRule } from "../rate-limit";
import { finishInteraction } from "./finish-interaction";
import { OIDC_PATH, portalProvider } from "./provider";

export const OIDC_RATE_LIMITS = {
  /** Failed client authentications per client id (a secret is 256 bits: this is against noise, and SEC-2). */
  tokenFailuresPerClient: { name: "oidc-token-client", limit: 30, windowSeconds: 15 * 60 },
  tokenFailuresPerAddress: { name: "oidc-token-ip", limit: 100, windowSeconds: 15 * 60 },
} satisfies Record<string, RateRule>;

const handlers = new WeakMap<object, ReturnType<Awaited<ReturnType<typeof portalProvider>>["callback"]>>();

const INTERACTION_PAGE = /^\/oidc\/interaction\/[A-Za-z0-9_-]{10,64}\/?(?:\?.*)?$/;
const COMPLETION = /^\/oidc\/interaction\/([A-Za-z0-9_-]{10,64})\/terminer\/?(?:\?.*)?$/;
const SECRET_ENDPOINTS = /^\/oidc\/token(?:\/revocation|\/introspection)?\/?(?:\?.*)?$/;

/** Whether our server hands this request to the provider (true) or to Next (false). */
export function isProviderRequest(url: string): boolean {
  if (!(url === OIDC_PATH || url.startsWith(`${OIDC_PATH}/`) || url.startsWith(`${OIDC_PATH}?`))) return false;
  return !INTERACTION_PAGE.test(url);
}

/** The client id a request presents in its Authorization: Basic header, if any (RFC 6749 §2.3.1). */
function basicClientId(request: IncomingMessage): string | null {
  const header = request.headers.authorization;
  if (!header?.startsWith("Basic ")) return null;
  const decoded = Buffer.from(header.slice(6), "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon <= 0) return null;
  try {
    return decodeURIComponent(decoded.slice(0, colon)).slice(0, 200);
  } catch {
    return null;
  }
}

function tooMany(response: ServerResponse, seconds: number) {
  response.statusCode = 429;
  response.setHeader("Retry-After", String(seconds));
  response.setHeader("Content-Type", "application/json; charset=utf-8");
  response.end(
    JSON.stringify({
      error: "slow_down",
      error_description: `Trop de tentatives d'authentification de l'e-service : réessayez dans ${Math.ceil(seconds / 60)} minute(s).`,
    }),
  );
}

/** Serves one /oidc request. `clientAddress` is the address our server resolved (SEC-2). */
export async function handleOidcRequest(request: IncomingMessage, response: ServerResponse, clientAddress: string, options: { proxy?: boolean } = {}): Promise<void> {
  const url = request.url ?? "/";
  try {
    const provider = await portalProvider(db, options);
    const completion = COMPLETION.exec(url);
    if (completion) {
      // The interaction cookie's path is /oidc/interaction/<uid>: the provider needs the full URL.
      await finishInteraction(provider, db, request, response, completion[1]);
      return;
    }
    let charged: [RateRule, string][] = [];
    if (request.method === "POST" && SECRET_ENDPOINTS.test(url)) {
      const clientId = basicClientId(request);
      charged = [[OIDC_RATE_LIMITS.tokenFailuresPerAddress, clientAddress], ...(clientId ? [[OIDC_RATE_LIMITS.tokenFailuresPerClient, clientId] as [RateRule, string]] : [])];
      const decision = await hitAll(db, charged);
      if (!decision.allowed) {
        tooMany(response, decision.retryAfterSeconds);
        return;
      }
      // Only failed client authentications count: anything but 401 gives the attempt back.
      response.once("finish", () => {
        if (response.statusCode !== 401) {
          Promise.all(charged.map(([rule, subject]) => refund(db, rule, subject))).catch((error: unknown) => logger.error({ err: error }, "oidc: refund failed"));
        }
      });
    }
    const mounted = request as IncomingMessage & { originalUrl?: string };
    mounted.originalUrl = url;
    request.url = url.slice(OIDC_PATH.length) || "/";
    let handler = handlers.get(provider);
    if (!handler) handlers.set(provider, (handler = provider.callback()));
    await handler(request, response);
  } catch (error) {
    logger.error({ err: error }, "oidc: request failed");
    if (!response.headersSent) {
      response.statusCode = 500;
      response.setHeader("Content-Type", "text/plain; charset=utf-8");
      response.end("Le service de connexion des e-services est momentanément indisponible. Réessayez dans quelques instants.");
    }
  }
}
