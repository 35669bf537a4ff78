// The portal's OpenID Connect provider (SSO-1), built on oidc-provider, served at
// APP_URL/oidc by our Node server (scripts/next-server.mjs → lib/oidc/server.ts).
// All its state is in PostgreSQL (lib/oidc/adapter.ts), its keys too (lib/oidc/keys.ts):
// any instance serves any request. Each instance rebuilds its Provider when the set of keys
// changes (rotation), checking at most once a minute.
import "server-only";
import Provider, { type Configuration, type KoaContextWithOIDC } from "oidc-provider";
import type { Db } from "../db";
import { logger } from "../logger";
import { derivedKey } from "../security/secrets";
import { CLAIMS_BY_SCOPE, claimsForClient, SUPPORTED_SCOPES } from "./account";
import { prismaAdapter } from "./adapter";
import { ensureSigningKey, providerJwks, SIGNING_ALGORITHM } from "./keys";
import {
  ACCESS_TOKEN_SECONDS,
  AUTHORIZATION_CODE_SECONDS,
  GRANT_SECONDS,
  ID_TOKEN_SECONDS,
  INTERACTION_SECONDS,
  REFRESH_TOKEN_SECONDS,
  SESSION_SECONDS,
} from "./lifetimes";
import { errorPage, escapeHtml, page, type RenderedPage } from "./pages";
import { endPortalSessionOf, hasLivePortalSession } from "./portal-logout";
import { OIDC_PATH, portalIssuer } from "./issuer";

export { OIDC_PATH, portalIssuer } from "./issuer";

/** One of our pages as the provider's answer, with its Content-Security-Policy. */
function render(ctx: KoaContextWithOIDC, rendered: RenderedPage) {
  ctx.type = "html";
  ctx.set("Content-Security-Policy", rendered.csp);
  ctx.set("Cache-Control", "no-store");
  ctx.body = rendered.html;
}

/**
 * The logout confirmation. `form` is the provider's hidden form (its xsrf secret); our buttons
 * submit it. After the POST the provider redirects to the e-service's post-logout address,
 * which the page's form-action must allow (browsers apply it to the redirect too).
 */
function logoutConfirmation(ctx: KoaContextWithOIDC, form: string): RenderedPage {
  const client = ctx.oidc.client?.clientName;
  const postLogout = ctx.oidc.params?.post_logout_redirect_uri;
  const formAction = ["'self'", ...(typeof postLogout === "string" ? [new URL(postLogout).origin] : [])];
  const asking = client ? `L'e-service ${escapeHtml(client)}` : "Un e-service";
  return page(
    "Se déconnecter du portail ?",
    `<p>${asking} demande à vous déconnecter.</p>
<p>Voulez-vous aussi vous déconnecter du portail ? Vous serez alors déconnecté de tous les e-services que vous y avez ouverts.</p>
${form}
<button autofocus type="submit" form="op.logoutForm" value="yes" name="logout">Oui, me déconnecter du portail</button>
<button class="secondary" type="submit" form="op.logoutForm">Non, rester connecté au portail</button>`,
    { formAction },
  );
}

function isLoopback(hostname: string): boolean {
  return hostname === "127.0.0.1" || hostname === "localhost" || hostname === "[::1]";
}

function configuration(db: Db, issuer: string, jwks: { keys: object[] }): Configuration {
  return {
    adapter: prismaAdapter(db) as unknown as Configuration["adapter"],
    clients: [],
    jwks: jwks as Configuration["jwks"],
    // One key for every instance, derived from AUTH_SECRET: a cookie set by one is read by another.
    cookies: {
      keys: [derivedKey("oidc-provider-cookies").toString("base64url")],
      long: { httpOnly: true, sameSite: "lax", signed: true },
      short: { httpOnly: true, sameSite: "lax", signed: true },
    },
    findAccount: async (ctx, sub) => {
      // During an authorization the portal's interaction page decides (ADM-4, for the account
      // signed in to the portal at that moment) and no code is issued without it
      // (loadExistingGrant): the provider's own session may name an account that has since
      // lost the permission, and must still reach that page rather than fail.
      if (ctx.oidc.route === "authorization" || ctx.oidc.route === "resume") {
        return /^[0-9a-f-]{36}$/i.test(sub) ? { accountId: sub, claims: async () => ({ sub }) } : undefined;
      }
      const claims = await claimsForClient(db, sub, ctx.oidc.client?.clientId ?? null);
      if (!claims) return undefined;
      return {
        accountId: sub,
        claims: async () => {
          const { organisation, ...rest } = claims;
          return organisation ? { ...rest, organisation } : rest;
        },
      };
    },
    scopes: [...SUPPORTED_SCOPES],
    // acr/amr say how the person authenticated (SSO-4); sid names the session in logout tokens.
    claims: {
      acr: null,
      amr: null,
      auth_time: null,
      sid: null,
      iss: null,
      ...Object.fromEntries(Object.entries(CLAIMS_BY_SCOPE).map(([scope, names]) => [scope, [...names]])),
    },
    responseTypes: ["code"],
    // S256 only (oidc-provider 9 knows no other method), and required of every client.
    pkce: { required: () => true },
    features: {
      devInteractions: { enabled: false },
      revocation: { enabled: true },
      userinfo: { enabled: true },
      backchannelLogout: { enabled: true },
      // RP-initiated logout (SSO-1): the person confirms on our French page; "yes" ends the
      // portal session too, and with it the other e-services of that session (SSO-5, see
      // endPortalSessionAfterLogout below); "no" signs them out of the asking e-service only.
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: async (ctx, form) => render(ctx, logoutConfirmation(ctx, form)),
        postLogoutSuccessSource: async (ctx) => {
          const client = ctx.oidc.client?.clientName;
          // The provider names the client only when the person chose to stay signed in to the portal.
          render(
            ctx,
            client
              ? page(
                  `Vous êtes déconnecté de ${client}`,
                  `<p>Vous restez connecté au portail et aux autres e-services que vous y avez ouverts.</p>
<p><a href="/accueil">Aller à l'accueil du portail</a></p>`,
                )
              : page(
                  "Vous êtes déconnecté",
                  `<p>Vous êtes déconnecté du portail et des e-services que vous aviez ouverts depuis celui-ci.</p>
<p><a href="/connexion">Se reconnecter</a> · <a href="/">Accueil du portail</a></p>`,
                ),
          );
        },
      },
    },
    enabledJWA: {
      idTokenSigningAlgValues: [SIGNING_ALGORITHM],
      userinfoSigningAlgValues: [SIGNING_ALGORITHM],
      clientAuthSigningAlgValues: ["ES256", "PS256", "RS256"],
    },
    clientDefaults: {
      grant_types: ["authorization_code"],
      response_types: ["code"],
      id_token_signed_response_alg: SIGNING_ALGORITHM,
      token_endpoint_auth_method: "client_secret_basic",
    },
    ttl: {
      AccessToken: ACCESS_TOKEN_SECONDS,
      AuthorizationCode: AUTHORIZATION_CODE_SECONDS,
      IdToken: ID_TOKEN_SECONDS,
      Interaction: INTERACTION_SECONDS,
      Session: SESSION_SECONDS,
      Grant: GRANT_SECONDS,
      RefreshToken: REFRESH_TOKEN_SECONDS,
    },
    interactions: {
      url: async (_ctx, interaction) => `${OIDC_PATH}/interaction/${interaction.uid}`,
    },
    // Every authorization goes through the portal's interaction page, which applies ADM-4
    // for the account signed in to the portal at that moment (SSO-3): the provider never
    // reuses a grant of an earlier login on its own. The interaction's grant is the only one.
    loadExistingGrant: async (ctx) => {
      const grantId = ctx.oidc.result?.consent?.grantId;
      return grantId ? ctx.oidc.provider.Grant.find(grantId) : undefined;
    },
    // oidc-provider refuses to fetch from special-use addresses (SSRF protection), a private_key_jwt
    // e-service's jwks_uri included. The registration form accepts http only for 127.0.0.1 and
    // localhost (development); such an e-service is reachable only when the portal itself runs
    // on a loopback address (a developer's machine, the test servers): only then is the
    // protection lifted, and only for loopback targets.
    fetch: (url, options) => {
      const target = new URL(url instanceof Request ? url.url : url);
      if (isLoopback(target.hostname) && isLoopback(new URL(issuer).hostname)) delete (options as { dispatcher?: unknown }).dispatcher;
      return globalThis.fetch(url, options);
    },
    renderError: async (ctx, out) => render(ctx, errorPage(out as { error?: string; error_description?: string })),
  };
}

export function createProvider(db: Db, issuer: string, jwks: { keys: object[] }, options: { proxy?: boolean } = {}): Provider {
  const provider = new Provider(issuer, configuration(db, issuer, jwks));
  provider.proxy = Boolean(options.proxy);
  // The provider session id ("sid") of each login, for the logout tokens (SSO-5).
  provider.on("authorization.success", (ctx: KoaContextWithOIDC) => {
    const clientId = ctx.oidc.client?.clientId;
    const session = ctx.oidc.session;
    if (!clientId || !session) return;
    const grantId = session.grantIdFor(clientId);
    const sid = session.sidFor(clientId);
    if (!grantId || !sid) return;
    db.oidcLogin.updateMany({ where: { grantId }, data: { sid } }).catch((error: unknown) => logger.error({ err: error }, "oidc: sid not recorded"));
  });
  provider.use(async (ctx, next) => {
    await next();
    await endPortalSessionAfterLogout(db, ctx as KoaContextWithOIDC);
  });
  provider.on("server_error", (_ctx: unknown, error: Error) => logger.error({ err: error }, "oidc: server error"));
  return provider;
}

/**
 * RP-initiated logout and the portal session (SSO-1, SSO-5), after the provider answered:
 * - /session/end without a provider session (its cookie lasts for the browser session, the
 *   portal's longer) would be confirmed by an automatic form: while the browser still holds a
 *   live portal session, the person is asked on our page instead, so that no other site can
 *   end their portal session by sending them to this address.
 * - a confirmed "yes" (the provider checked the form's secret and answers with its redirect)
 *   ends the portal session of this browser: its cookie is cleared and the other e-services
 *   opened from it get their logout tokens through the job runner (endAuthSession).
 */
async function endPortalSessionAfterLogout(db: Db, ctx: KoaContextWithOIDC): Promise<void> {
  const oidc = ctx.oidc as KoaContextWithOIDC["oidc"] | undefined;
  if (!oidc) return;
  if (oidc.route === "end_session" && ctx.status === 200 && !oidc.session?.accountId && oidc.session?.state?.secret) {
    if (await hasLivePortalSession(db, ctx.get("cookie"))) {
      const form = `<form id="op.logoutForm" method="post" action="${escapeHtml(oidc.urlFor("end_session_confirm"))}"><input type="hidden" name="xsrf" value="${escapeHtml(oidc.session.state.secret)}"/></form>`;
      render(ctx, logoutConfirmation(ctx, form));
    }
    return;
  }
  if (oidc.route === "end_session_confirm" && ctx.status === 303 && oidc.params?.logout) {
    const cleared = await endPortalSessionOf(db, ctx.get("cookie"));
    if (cleared.length) ctx.append("Set-Cookie", cleared);
  }
}

const REFRESH_MS = 60_000;
type Cached = { provider: Provider; fingerprint: string; checkedAt: number };
const holder = globalThis as unknown as { portailOidc?: { cached?: Cached; pending?: Promise<Provider> } };
const state = (holder.portailOidc ??= {});

/** The provider of this instance, rebuilt when the signing keys changed (checked at most once a minute). */
export async function portalProvider(db: Db, options: { proxy?: boolean; issuer?: string } = {}): Promise<Provider> {
  const cached = state.cached;
  if (cached && Date.now() - cached.checkedAt < REFRESH_MS) return cached.provider;
  state.pending ??= (async () => {
    try {
      await ensureSigningKey(db);
      const jwks = await providerJwks(db);
      if (state.cached && state.cached.fingerprint === jwks.fingerprint) {
        state.cached.checkedAt = Date.now();
        return state.cached.provider;
      }
      const provider = createProvider(db, options.issuer ?? portalIssuer(), { keys: jwks.keys }, options);
      state.cached = { provider, fingerprint: jwks.fingerprint, checkedAt: Date.now() };
      return provider;
    } finally {
      state.pending = undefined;
    }
  })();
  return state.pending;
}

/** Tests: forget the provider of a previous database. */
export function resetPortalProvider(): void {
  state.cached = undefined;
  state.pending = undefined;
}
