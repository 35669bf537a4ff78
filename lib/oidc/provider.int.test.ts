// SSO-1..4 through real HTTP: the provider served by our handler on a throw-away server,
// its state in the test database, the portal's interaction decision taken by the same
// service the interaction page calls.
import { createHash, randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { startAuthSession } from "../auth/auth-sessions";
import type { Viewer } from "../auth/viewer";
import { db } from "../db";
import { SYSTEM_ACTOR } from "../operation";
import { createAccount, createOrganisation } from "../testing/factories";
import { registerOidcClient } from "./clients";
import { decideInteraction, declineInteraction, interactionView, SECOND_FACTOR_REQUIRED_MESSAGE } from "./interactions";
import { rotateSigningKeys } from "./keys";
import { resetPortalProvider } from "./provider";
import { MFA_ACR } from "./account";
import { handleOidcRequest } from "./server";
import { endAuthSession } from "../auth/auth-sessions";
import { encode } from "next-auth/jwt";
import { createRemoteJWKSet, exportJWK, generateKeyPair, jwtVerify, SignJWT, type JWK } from "jose";
import { deliverLogoutTokens, endLoginsNoLongerAllowed, endLoginsNoLongerAllowedJob } from "./logout";
import { administratorOf, formData, operatorOf, session, viewerOf } from "../testing/actions";
import { endSubscription } from "../subscriptions/manage-subscriptions";
import { createJobRunner } from "../jobs/runner";
import { dateToDayKey, parisDayBounds, parisDayKey } from "../calendar";
import { updateEService } from "../catalogue/manage-catalogue";
import { latestLink, TEST_PASSWORD, tokenOf, withSecondFactor } from "../testing/factories";
import { requestPasswordReset, resetPassword } from "../accounts/recover-access";
import { unlockKey } from "../accounts/switch-account";
import { continueInteractionAction } from "./actions";
import { IDLE } from "../forms";
import { verifySessionTicket } from "../auth/session-ticket";
import { updateSession } from "../testing/auth-stand-in";

vi.mock("../auth/auth", () => import("../testing/auth-stand-in"));
import { savePermissionMatrix } from "../permissions/manage-permissions";

let server: Server;
let rpPublicJwks: JWK[] = [];
let base: string;
const REDIRECT = "https://rp.example/connexion/retour";

beforeAll(async () => {
  server = createServer((request, response) => {
    // The JWKS of a private_key_jwt e-service (SSO-2), served beside the provider.
    if (request.url === "/rp/jwks") {
      response.setHeader("content-type", "application/json");
      response.end(JSON.stringify({ keys: rpPublicJwks }));
      return;
    }
    void handleOidcRequest(request, response, "203.0.113.7");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  process.env.APP_URL = base;
  resetPortalProvider();
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  resetPortalProvider();
});

/** A browser: keeps cookies, follows nothing by itself. */
class Browser {
  cookies = new Map<string, string>();
  async get(url: string): Promise<Response> {
    return this.send(url);
  }
  async post(url: string, fields: Record<string, string>): Promise<Response> {
    return this.send(url, { method: "POST", body: new URLSearchParams(fields), headers: { "content-type": "application/x-www-form-urlencoded" } });
  }
  private async send(url: string, init: { method?: string; body?: URLSearchParams; headers?: Record<string, string> } = {}): Promise<Response> {
    const response = await fetch(new URL(url, base), {
      redirect: "manual",
      method: init.method ?? "GET",
      body: init.body,
      headers: { ...init.headers, cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ") },
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const index = pair.indexOf("=");
      const name = pair.slice(0, index);
      const value = pair.slice(index + 1);
      if (value) this.cookies.set(name, value);
      else this.cookies.delete(name);
    }
    return response;
  }
}

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

async function createService(handlesHealthData = false) {
  const suffix = randomBytes(4).toString("hex");
  return db.eService.create({
    data: { slug: `service-${suffix}`, name: `Service ${suffix}`, description: "Test", url: `https://rp.example/`, termsText: "Conditions", handlesHealthData },
  });
}

async function viewerFor(account: Awaited<ReturnType<typeof createAccount>>, amr?: string[]): Promise<Viewer> {
  const started = await startAuthSession(db, { accountId: account.id, amr });
  return { ...viewerOf(account, "Commune"), authSessionId: started.id, sessionExpiresAt: started.expiresAt };
}

function pkce() {
  const verifier = randomBytes(32).toString("base64url");
  return { verifier, challenge: createHash("sha256").update(verifier).digest("base64url") };
}

let organisation: Awaited<ReturnType<typeof createOrganisation>>;
let service: Awaited<ReturnType<typeof createService>>;
let client: { clientId: string; clientSecret: string | null };
let user: Awaited<ReturnType<typeof createAccount>>;

beforeEach(async () => {
  organisation = await createOrganisation({ name: "Commune de Testville" });
  service = await createService();
  await db.subscription.create({ data: { organisationId: organisation.id, eServiceId: service.id, startDate: day("2020-01-01"), termsAcceptedAt: new Date() } });
  user = await createAccount({ organisationId: organisation.id, firstName: "Élise", lastName: "Durand" });
  await db.permission.create({ data: { accountId: user.id, organisationId: organisation.id, eServiceId: service.id } });
  client = await registerOidcClient(db, SYSTEM_ACTOR, service.id, { authMethod: "CLIENT_SECRET_BASIC", redirectUris: [REDIRECT], backchannelLogoutUri: "https://rp.example/deconnexion" });
});

function authorizeUrl(options: { challenge?: string; redirectUri?: string; scope?: string; prompt?: string } = {}) {
  const url = new URL("/oidc/auth", base);
  url.searchParams.set("client_id", client.clientId);
  url.searchParams.set("redirect_uri", options.redirectUri ?? REDIRECT);
  url.searchParams.set("response_type", "code");
  url.searchParams.set("scope", options.scope ?? "openid profile email organisation");
  url.searchParams.set("state", "etat-123");
  url.searchParams.set("nonce", "nonce-456");
  if (options.prompt) url.searchParams.set("prompt", options.prompt);
  if (options.challenge) {
    url.searchParams.set("code_challenge", options.challenge);
    url.searchParams.set("code_challenge_method", "S256");
  }
  return url.toString();
}

/** Authorization request → interaction → the portal's decision → back to the e-service. Returns the redirect to the e-service. */
async function login(
  browser: Browser,
  viewer: Viewer | null,
  challenge: string,
  decide: "decide" | "decline" = "decide",
  request: { scope?: string; prompt?: string } = {},
): Promise<URL> {
  const start = await browser.get(authorizeUrl({ challenge, ...request }));
  expect(start.status).toBe(303);
  const interaction = start.headers.get("location")!;
  expect(interaction).toMatch(/^\/oidc\/interaction\/[\w-]+$/);
  const uid = interaction.split("/").pop()!;
  if (viewer) {
    if (decide === "decide") await decideInteraction(db, viewer, { uid, consent: false });
    else await declineInteraction(db, viewer, uid);
  }
  let response = await browser.get(`${interaction}/terminer`);
  for (let hops = 0; hops < 5 && response.status >= 300 && response.status < 400; hops++) {
    const location = new URL(response.headers.get("location")!, base);
    if (location.origin !== base) return location;
    if (location.pathname === interaction) return location;
    response = await browser.get(location.toString());
  }
  throw new Error(`unexpected answer ${response.status}: ${await response.text()}`);
}

function basic(id: string, secret: string) {
  return `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString("base64")}`;
}

async function token(fields: Record<string, string>, secret = client.clientSecret!) {
  return fetch(`${base}/oidc/token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", authorization: basic(client.clientId, secret) },
    body: new URLSearchParams(fields),
  });
}

describe("SSO-1 discovery and keys", () => {
  it("publishes the issuer APP_URL/oidc, code flow only, PKCE S256, ES256 keys, logout and revocation", async () => {
    const response = await fetch(`${base}/oidc/.well-known/openid-configuration`);
    expect(response.status).toBe(200);
    const metadata = await response.json();
    expect(metadata.issuer).toBe(`${base}/oidc`);
    expect(metadata.response_types_supported).toEqual(["code"]);
    expect(metadata.code_challenge_methods_supported).toEqual(["S256"]);
    expect(metadata.id_token_signing_alg_values_supported).toEqual(["ES256"]);
    expect(metadata.backchannel_logout_supported).toBe(true);
    expect(metadata.end_session_endpoint).toBe(`${base}/oidc/session/end`);
    expect(metadata.revocation_endpoint).toBe(`${base}/oidc/token/revocation`);
    expect(metadata.scopes_supported).toEqual(expect.arrayContaining(["openid", "profile", "email", "organisation"]));
    const jwks = await (await fetch(metadata.jwks_uri)).json();
    expect(jwks.keys.length).toBeGreaterThan(0);
    expect(jwks.keys[0]).toMatchObject({ kty: "EC", crv: "P-256", alg: "ES256" });
    expect(jwks.keys[0].d).toBeUndefined();
  });

  it("stores private keys encrypted, and keeps a rotated key in the JWKS", async () => {
    await fetch(`${base}/oidc/jwks`);
    const [before] = await db.oidcSigningKey.findMany({ where: { retiredAt: null } });
    expect(before.privateCiphertext).not.toContain('"d"');
    expect(JSON.stringify(before.publicJwk)).not.toContain('"d"');
    await rotateSigningKeys(db);
    resetPortalProvider();
    const jwks = await (await fetch(`${base}/oidc/jwks`)).json();
    const kids = jwks.keys.map((key: { kid: string }) => key.kid);
    expect(kids).toContain(before.id);
    expect(kids.length).toBe(2);
    expect(kids[0]).not.toBe(before.id);
  });
});

describe("SSO-3 SSO-4 authorization code flow under ADM-4", () => {
  it("signs a permitted person in: code, tokens, claims with the organisation; access token ≤ 10 minutes", async () => {
    const browser = new Browser();
    const { verifier, challenge } = pkce();
    const back = await login(browser, await viewerFor(user), challenge);
    expect(back.origin + back.pathname).toBe(REDIRECT);
    expect(back.searchParams.get("state")).toBe("etat-123");
    const code = back.searchParams.get("code")!;
    expect(code).toBeTruthy();

    const response = await token({ grant_type: "authorization_code", code, redirect_uri: REDIRECT, code_verifier: verifier });
    expect(response.status).toBe(200);
    const tokens = await response.json();
    expect(tokens.expires_in).toBeLessThanOrEqual(600);
    expect(tokens.refresh_token).toBeUndefined();
    const idClaims = JSON.parse(Buffer.from(tokens.id_token.split(".")[1], "base64url").toString());
    expect(idClaims).toMatchObject({ iss: `${base}/oidc`, aud: client.clientId, sub: user.id, nonce: "nonce-456", amr: ["pwd"] });
    expect(JSON.parse(Buffer.from(tokens.id_token.split(".")[0], "base64url").toString()).alg).toBe("ES256");

    const userinfo = await (await fetch(`${base}/oidc/me`, { headers: { authorization: `Bearer ${tokens.access_token}` } })).json();
    expect(userinfo).toEqual({
      sub: user.id,
      given_name: "Élise",
      family_name: "Durand",
      preferred_username: user.identifier,
      email: user.email,
      email_verified: true,
      organisation: { id: organisation.id, code: organisation.code, siren: organisation.siren, name: "Commune de Testville", kind: "COMMUNE" },
    });
    const events = await db.auditEvent.findMany({ where: { actorId: user.id, action: "oidc.login" } });
    expect(events).toHaveLength(1);
    expect(await db.oidcLogin.count({ where: { accountId: user.id, clientId: client.clientId } })).toBe(1);
  });

  it("refuses a replayed code and revokes what the first exchange gave", async () => {
    const { verifier, challenge } = pkce();
    const code = (await login(new Browser(), await viewerFor(user), challenge)).searchParams.get("code")!;
    const first = await (await token({ grant_type: "authorization_code", code, redirect_uri: REDIRECT, code_verifier: verifier })).json();
    const replay = await token({ grant_type: "authorization_code", code, redirect_uri: REDIRECT, code_verifier: verifier });
    expect(replay.status).toBe(400);
    expect((await replay.json()).error).toBe("invalid_grant");
    const userinfo = await fetch(`${base}/oidc/me`, { headers: { authorization: `Bearer ${first.access_token}` } });
    expect(userinfo.status).toBe(401);
  });

  it("SSO-1 two concurrent exchanges of one code: exactly one gets tokens, the other invalid_grant, and the grant is revoked", async () => {
    for (let round = 0; round < 3; round++) {
      const { verifier, challenge } = pkce();
      const code = (await login(new Browser(), await viewerFor(user), challenge)).searchParams.get("code")!;
      const answers = await Promise.all(
        Array.from({ length: 6 }, () => token({ grant_type: "authorization_code", code, redirect_uri: REDIRECT, code_verifier: verifier })),
      );
      const bodies = await Promise.all(answers.map((answer) => answer.json()));
      const winners = bodies.filter((_body, index) => answers[index].status === 200);
      expect(winners).toHaveLength(1);
      for (const [index, body] of bodies.entries()) {
        if (answers[index].status !== 200) {
          expect(answers[index].status).toBe(400);
          expect(body.error).toBe("invalid_grant");
        }
      }
      // The replay revoked what the winner got: its access token no longer opens userinfo.
      const userinfo = await fetch(`${base}/oidc/me`, { headers: { authorization: `Bearer ${winners[0].access_token}` } });
      expect(userinfo.status).toBe(401);
    }
  });

  it("requires PKCE: no challenge is refused, a missing or wrong verifier gets no token", async () => {
    const noChallenge = await new Browser().get(authorizeUrl());
    const location = new URL(noChallenge.headers.get("location")!, base);
    expect(location.origin + location.pathname).toBe(REDIRECT);
    expect(location.searchParams.get("error")).toBe("invalid_request");

    const { challenge } = pkce();
    const code = (await login(new Browser(), await viewerFor(user), challenge)).searchParams.get("code")!;
    const missing = await token({ grant_type: "authorization_code", code, redirect_uri: REDIRECT });
    expect(missing.status).toBe(400);
    const code2 = (await login(new Browser(), await viewerFor(user), pkce().challenge)).searchParams.get("code")!;
    const wrong = await token({ grant_type: "authorization_code", code: code2, redirect_uri: REDIRECT, code_verifier: pkce().verifier });
    expect(wrong.status).toBe(400);
    expect((await wrong.json()).error).toBe("invalid_grant");
  });

  it("never redirects to an unregistered address", async () => {
    const response = await new Browser().get(authorizeUrl({ challenge: pkce().challenge, redirectUri: "https://attaquant.example/cb" }));
    expect(response.status).toBe(400);
    expect(response.headers.get("location")).toBeNull();
    const html = await response.text();
    expect(html).toContain("Connexion à l&#39;e-service impossible");
    expect(html).toContain("L&#39;adresse de retour demandée par l&#39;e-service n&#39;est pas celle qui a été enregistrée.");
  });

  it("answers access_denied for a person without the permission, and audits the refusal with its reason", async () => {
    const other = await createAccount({ organisationId: organisation.id });
    const back = await login(new Browser(), await viewerFor(other), pkce().challenge);
    expect(back.origin + back.pathname).toBe(REDIRECT);
    expect(back.searchParams.get("error")).toBe("access_denied");
    expect(back.searchParams.get("code")).toBeNull();
    const [event] = await db.auditEvent.findMany({ where: { actorId: other.id, action: "oidc.login_refused" } });
    expect(event.details).toMatchObject({ reason: "no_permission", clientId: client.clientId });
  });

  it("answers access_denied for an account of another organisation, even holding a permission there", async () => {
    const elsewhere = await createOrganisation();
    const stranger = await createAccount({ organisationId: elsewhere.id });
    await db.permission.create({ data: { accountId: stranger.id, organisationId: elsewhere.id, eServiceId: service.id } });
    const back = await login(new Browser(), await viewerFor(stranger), pkce().challenge);
    expect(back.searchParams.get("error")).toBe("access_denied");
  });

  it("answers access_denied when the subscription ended, and when the person declines", async () => {
    await db.subscription.updateMany({ where: { organisationId: organisation.id }, data: { endDate: day("2021-01-01") } });
    expect((await login(new Browser(), await viewerFor(user), pkce().challenge)).searchParams.get("error")).toBe("access_denied");
    await db.subscription.updateMany({ where: { organisationId: organisation.id }, data: { endDate: null } });
    expect((await login(new Browser(), await viewerFor(user), pkce().challenge, "decline")).searchParams.get("error")).toBe("access_denied");
  });

  it("sends the browser back to the interaction page when the portal has not decided yet", async () => {
    const browser = new Browser();
    const back = await login(browser, null, pkce().challenge);
    expect(back.pathname).toMatch(/^\/oidc\/interaction\/[\w-]+$/);
  });

  it("after the permission is withdrawn, the same browser is sent to the portal's page again (not an error) and gets access_denied", async () => {
    const browser = new Browser();
    const viewer = await viewerFor(user);
    expect((await login(browser, viewer, pkce().challenge)).searchParams.get("code")).toBeTruthy();
    await db.permission.deleteMany({ where: { accountId: user.id } });
    const back = await login(browser, viewer, pkce().challenge);
    expect(back.searchParams.get("error")).toBe("access_denied");
  });

  it("gives nothing once the permission is withdrawn: userinfo refuses the account", async () => {
    const { verifier, challenge } = pkce();
    const code = (await login(new Browser(), await viewerFor(user), challenge)).searchParams.get("code")!;
    const tokens = await (await token({ grant_type: "authorization_code", code, redirect_uri: REDIRECT, code_verifier: verifier })).json();
    await db.permission.deleteMany({ where: { accountId: user.id } });
    const userinfo = await fetch(`${base}/oidc/me`, { headers: { authorization: `Bearer ${tokens.access_token}` } });
    expect(userinfo.status).toBe(401);
  });
});

describe("MFA-6 an e-service requiring a second factor", () => {
  beforeEach(async () => {
    await db.eService.update({ where: { id: service.id }, data: { requiresSecondFactor: true } });
  });

  /** The authorization request's interaction uid, as the provider sends the browser to it. */
  async function startLogin(browser: Browser, challenge: string): Promise<string> {
    const start = await browser.get(authorizeUrl({ challenge }));
    expect(start.status).toBe(303);
    return start.headers.get("location")!.split("/").pop()!;
  }

  it("refuses a sign-in with the password alone: explained on the page, audited, access_denied and no code", async () => {
    const browser = new Browser();
    const viewer = await viewerFor(user, ["pwd"]);
    const uid = await startLogin(browser, pkce().challenge);
    const view = await interactionView(db, viewer, uid);
    expect(view).toMatchObject({ access: { ok: true }, secondFactorMissing: true });

    const outcome = await decideInteraction(db, viewer, { uid, consent: false });
    expect(outcome).toEqual({ allowed: false, reason: "second_factor_required", message: SECOND_FACTOR_REQUIRED_MESSAGE, unlocked: null });
    const [event] = await db.auditEvent.findMany({ where: { actorId: user.id, action: "oidc.login_refused" } });
    expect(event.details).toMatchObject({ reason: "second_factor_required", clientId: client.clientId });
    expect(await db.auditEvent.count({ where: { actorId: user.id, action: "oidc.login" } })).toBe(0);

    let response = await browser.get(`/oidc/interaction/${uid}/terminer`);
    for (let hops = 0; hops < 5 && new URL(response.headers.get("location")!, base).origin === base; hops++) {
      response = await browser.get(response.headers.get("location")!);
    }
    const back = new URL(response.headers.get("location")!);
    expect(back.origin + back.pathname).toBe(REDIRECT);
    expect(back.searchParams.get("error")).toBe("access_denied");
    expect(back.searchParams.get("code")).toBeNull();
  });

  it("signs the same person in after a second factor: a code, and an ID token with amr pwd+otp and the MFA acr", async () => {
    const browser = new Browser();
    const { verifier, challenge } = pkce();
    const back = await login(browser, await viewerFor(user, ["pwd", "otp"]), challenge);
    const code = back.searchParams.get("code")!;
    expect(code).toBeTruthy();
    const response = await token({ grant_type: "authorization_code", code, redirect_uri: REDIRECT, code_verifier: verifier });
    expect(response.status).toBe(200);
    const { id_token } = await response.json();
    const idClaims = JSON.parse(Buffer.from(id_token.split(".")[1], "base64url").toString());
    expect(idClaims).toMatchObject({ sub: user.id, amr: ["pwd", "otp"], acr: MFA_ACR });
  });

  it("refuses at the provider too when the requirement is switched on after the portal decided", async () => {
    await db.eService.update({ where: { id: service.id }, data: { requiresSecondFactor: false } });
    const browser = new Browser();
    const viewer = await viewerFor(user, ["pwd"]);
    const uid = await startLogin(browser, pkce().challenge);
    expect(await decideInteraction(db, viewer, { uid, consent: false })).toEqual({ allowed: true, unlocked: null });
    await db.eService.update({ where: { id: service.id }, data: { requiresSecondFactor: true } });
    let response = await browser.get(`/oidc/interaction/${uid}/terminer`);
    for (let hops = 0; hops < 5 && new URL(response.headers.get("location")!, base).origin === base; hops++) {
      response = await browser.get(response.headers.get("location")!);
    }
    const back = new URL(response.headers.get("location")!);
    expect(back.searchParams.get("error")).toBe("access_denied");
    expect(back.searchParams.get("code")).toBeNull();
  });
});

describe("SSO-2 SEC-2 client authentication at the token endpoint", () => {
  it("refuses a wrong secret, and limits failed attempts per client before checking the secret", async () => {
    const wrong = await token({ grant_type: "authorization_code", code: "x", redirect_uri: REDIRECT, code_verifier: "y".repeat(43) }, "mauvais-secret");
    expect(wrong.status).toBe(401);
    const attempts = await Promise.all(
      Array.from({ length: 40 }, () => token({ grant_type: "authorization_code", code: "x", redirect_uri: REDIRECT, code_verifier: "y".repeat(43) }, "mauvais-secret")),
    );
    const statuses = attempts.map((response) => response.status);
    expect(statuses.filter((status) => status === 401).length).toBe(29);
    expect(statuses.filter((status) => status === 429).length).toBe(11);
  });

  it("keeps the client secret encrypted in the database", async () => {
    const row = await db.oidcClient.findUniqueOrThrow({ where: { clientId: client.clientId } });
    expect(row.secretCiphertext).not.toContain(client.clientSecret!);
    const events = await db.auditEvent.findMany({ where: { action: "oidc.client_registered", targetId: service.id } });
    expect(events).toHaveLength(1);
    expect(JSON.stringify(events[0].details)).not.toContain(client.clientSecret!);
  });
});

describe("SSO-5 back-channel logout", () => {
  async function signedIn() {
    const viewer = await viewerFor(user);
    const { verifier, challenge } = pkce();
    const code = (await login(new Browser(), viewer, challenge)).searchParams.get("code")!;
    const tokens = await (await token({ grant_type: "authorization_code", code, redirect_uri: REDIRECT, code_verifier: verifier })).json();
    return { viewer, tokens };
  }

  it("signing out of the portal revokes the e-service's tokens and delivers a signed logout token, retried on failure", async () => {
    const { viewer, tokens } = await signedIn();
    await endAuthSession(db, viewer.authSessionId, "LOGOUT");
    expect((await fetch(`${base}/oidc/me`, { headers: { authorization: `Bearer ${tokens.access_token}` } })).status).toBe(401);

    const failing = (async () => new Response("indisponible", { status: 503 })) as typeof fetch;
    expect(await deliverLogoutTokens(db, new Date(), failing)).toEqual({ sent: 0, failed: 1 });
    const [pending] = await db.oidcLogoutDelivery.findMany({ where: { accountId: user.id } });
    expect(pending).toMatchObject({ status: "PENDING", attempts: 1, reason: "portal_logout" });

    const received: string[] = [];
    const receiving = (async (url: string | URL | Request, init?: RequestInit) => {
      expect(String(url)).toBe("https://rp.example/deconnexion");
      received.push(new URLSearchParams(String(init!.body)).get("logout_token")!);
      return new Response(null, { status: 200 });
    }) as typeof fetch;
    expect(await deliverLogoutTokens(db, new Date(Date.now() + 60_000), receiving)).toEqual({ sent: 1, failed: 0 });
    const { payload, protectedHeader } = await jwtVerify(received[0], createRemoteJWKSet(new URL(`${base}/oidc/jwks`)), {
      issuer: `${base}/oidc`,
      audience: client.clientId,
    });
    expect(protectedHeader).toMatchObject({ alg: "ES256", typ: "logout+jwt" });
    expect(payload.sub).toBe(user.id);
    expect(payload.events).toEqual({ "http://schemas.openid.net/event/backchannel-logout": {} });
    expect(typeof payload.sid).toBe("string");
    expect(await db.auditEvent.count({ where: { action: "oidc.logout_sent", targetId: user.id } })).toBe(1);
  });

  it("SSO-5 a subscription ended by its administrator keeps its logins through its last day, and the hourly job ends them within a tick of Paris midnight", async () => {
    await signedIn();
    const administrator = await createAccount({ organisationId: organisation.id, role: "ADMINISTRATOR" });
    const [subscription] = await db.subscription.findMany({ where: { organisationId: organisation.id, eServiceId: service.id } });
    const today = parisDayKey();
    await endSubscription(db, administratorOf(administrator), { subscriptionId: subscription.id, endDate: null }, {});
    expect(dateToDayKey((await db.subscription.findUniqueOrThrow({ where: { id: subscription.id } })).endDate!)).toBe(today);

    const runner = createJobRunner({ db, scheduled: [endLoginsNoLongerAllowedJob] });
    // Its last day ("au soir", ADM-1): still allowed (ADM-4), nothing ends.
    const lastMinute = new Date(parisDayBounds(today).end.getTime() - 60_000);
    expect((await runner.tick(lastMinute)).ran).toContain("oidc.logins-no-longer-allowed");
    expect(await db.oidcLogin.count({ where: { accountId: user.id, endedAt: null } })).toBe(1);
    // The first tick of the next day (a new hourly period): ended, logout token queued.
    const afterMidnight = new Date(parisDayBounds(today).end.getTime() + 15_000);
    expect((await runner.tick(afterMidnight)).ran).toContain("oidc.logins-no-longer-allowed");
    expect(await db.oidcLogin.count({ where: { accountId: user.id, endedAt: null } })).toBe(0);
    expect(await db.oidcLogoutDelivery.findMany({ where: { accountId: user.id } })).toEqual([expect.objectContaining({ reason: "subscription_ended", clientId: client.clientId })]);
  });

  it("SSO-5 a password reset by link ends every session of the account, and the e-services opened from them", async () => {
    const { tokens } = await signedIn();
    await requestPasswordReset(db, user.identifier, { ipAddress: "198.51.100.4" });
    const reset = tokenOf(await latestLink(user.email, "/mot-de-passe-oublie/"));
    expect(await resetPassword(db, reset, "Nuage-Rouge-77-Portail")).toMatchObject({ ok: true });
    expect(await db.oidcLogin.count({ where: { accountId: user.id, endedAt: null } })).toBe(0);
    expect(await db.oidcLogoutDelivery.findMany({ where: { accountId: user.id } })).toEqual([expect.objectContaining({ reason: "session_ended" })]);
    expect((await fetch(`${base}/oidc/me`, { headers: { authorization: `Bearer ${tokens.access_token}` } })).status).toBe(401);
  });

  it("SSO-5 an e-service withdrawn from the catalogue by an operator ends its logins at once", async () => {
    const { tokens } = await signedIn();
    const operator = await withSecondFactor(await createAccount({ organisationId: null, role: "OPERATOR" }));
    const current = await db.eService.findUniqueOrThrow({ where: { id: service.id } });
    const { name, slug, url, termsText } = current;
    await updateEService(db, operatorOf(operator), service.id, {
      name,
      slug,
      url,
      termsText,
      description: "Un e-service de test, retiré du catalogue.",
      handlesHealthData: false,
      requiresSecondFactor: false,
      active: false,
    });
    expect(await db.oidcLogin.count({ where: { accountId: user.id, endedAt: null } })).toBe(0);
    expect(await db.oidcLogoutDelivery.findMany({ where: { accountId: user.id } })).toEqual([expect.objectContaining({ reason: "e_service_withdrawn" })]);
    expect((await fetch(`${base}/oidc/me`, { headers: { authorization: `Bearer ${tokens.access_token}` } })).status).toBe(401);
  });

  it("a subscription that ended ends the logins it allowed", async () => {
    const { tokens } = await signedIn();
    await db.subscription.updateMany({ where: { organisationId: organisation.id }, data: { endDate: day("2021-01-01") } });
    expect(await endLoginsNoLongerAllowed(db)).toBeGreaterThanOrEqual(1);
    const [delivery] = await db.oidcLogoutDelivery.findMany({ where: { accountId: user.id } });
    expect(delivery.reason).toBe("subscription_ended");
    expect(await db.oidcPayload.count({ where: { accountId: user.id, clientId: client.clientId, kind: "AccessToken" } })).toBe(0);
    expect(tokens.access_token).toBeTruthy();
  });
});

describe("SSO-2 SSO-4 private_key_jwt clients and offline_access refresh tokens", () => {
  it("SSO-2 an e-service authenticating with its own key (private_key_jwt) gets tokens; a wrong key or a reused assertion is refused", async () => {
    const { publicKey, privateKey } = await generateKeyPair("ES256", { extractable: true });
    rpPublicJwks = [{ ...(await exportJWK(publicKey)), kid: "rp-1", alg: "ES256", use: "sig" }];
    const keyService = await createService();
    await db.subscription.create({ data: { organisationId: organisation.id, eServiceId: keyService.id, startDate: day("2020-01-01"), termsAcceptedAt: new Date() } });
    await db.permission.create({ data: { accountId: user.id, organisationId: organisation.id, eServiceId: keyService.id } });
    client = await registerOidcClient(db, SYSTEM_ACTOR, keyService.id, { authMethod: "PRIVATE_KEY_JWT", redirectUris: [REDIRECT], jwksUri: `${base}/rp/jwks` });
    expect(client.clientSecret).toBeNull();

    const assertion = (key: CryptoKey, jti = randomBytes(12).toString("hex")) =>
      new SignJWT({})
        .setProtectedHeader({ alg: "ES256", kid: "rp-1" })
        .setIssuer(client.clientId)
        .setSubject(client.clientId)
        .setAudience(`${base}/oidc`)
        .setJti(jti)
        .setIssuedAt()
        .setExpirationTime("1m")
        .sign(key);
    const exchange = (fields: Record<string, string>, clientAssertion: string) =>
      fetch(`${base}/oidc/token`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({
          ...fields,
          client_id: client.clientId,
          client_assertion_type: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
          client_assertion: clientAssertion,
        }),
      });

    const { verifier, challenge } = pkce();
    const code = (await login(new Browser(), await viewerFor(user), challenge)).searchParams.get("code")!;
    const fields = { grant_type: "authorization_code", code, redirect_uri: REDIRECT, code_verifier: verifier };
    const stranger = (await generateKeyPair("ES256")).privateKey;
    const forged = await exchange(fields, await assertion(stranger));
    expect(forged.status).toBe(401);
    expect((await forged.json()).error).toBe("invalid_client");

    const signed = await assertion(privateKey);
    const response = await exchange(fields, signed);
    expect(response.status).toBe(200);
    const tokens = await response.json();
    const userinfo = await (await fetch(`${base}/oidc/me`, { headers: { authorization: `Bearer ${tokens.access_token}` } })).json();
    expect(userinfo.sub).toBe(user.id);

    // The same assertion again (its jti is remembered): refused.
    const { verifier: verifier2, challenge: challenge2 } = pkce();
    const code2 = (await login(new Browser(), await viewerFor(user), challenge2)).searchParams.get("code")!;
    const reused = await exchange({ grant_type: "authorization_code", code: code2, redirect_uri: REDIRECT, code_verifier: verifier2 }, signed);
    expect(reused.status).toBe(401);
  });

  async function offlineTokens() {
    const { verifier, challenge } = pkce();
    const back = await login(new Browser(), await viewerFor(user), challenge, "decide", { scope: "openid offline_access organisation", prompt: "consent" });
    const response = await token({ grant_type: "authorization_code", code: back.searchParams.get("code")!, redirect_uri: REDIRECT, code_verifier: verifier });
    expect(response.status).toBe(200);
    return response.json();
  }

  it("SSO-4 refresh tokens only with offline_access; a refresh works while the permission holds", async () => {
    const tokens = await offlineTokens();
    expect(tokens.refresh_token).toBeTruthy();
    const refreshed = await token({ grant_type: "refresh_token", refresh_token: tokens.refresh_token });
    expect(refreshed.status).toBe(200);
    const next = await refreshed.json();
    expect(next.access_token).toBeTruthy();
    expect(next.expires_in).toBeLessThanOrEqual(600);
    const userinfo = await (await fetch(`${base}/oidc/me`, { headers: { authorization: `Bearer ${next.access_token}` } })).json();
    expect(userinfo.organisation.id).toBe(organisation.id);
  });

  it("SSO-4 SSO-5 a refresh token is refused once the administrator withdraws the permission", async () => {
    const tokens = await offlineTokens();
    const administrator = await createAccount({ organisationId: organisation.id, role: "ADMINISTRATOR" });
    await savePermissionMatrix(db, administratorOf(administrator), { accounts: [user.id], eServices: [service.id], cells: [] });
    const refused = await token({ grant_type: "refresh_token", refresh_token: tokens.refresh_token });
    expect(refused.status).toBe(400);
    expect((await refused.json()).error).toBe("invalid_grant");
    expect(await db.oidcLogoutDelivery.count({ where: { accountId: user.id, reason: "permission_withdrawn" } })).toBe(1);
  });

  it("SSO-4 a refresh token is refused when ADM-4 no longer holds, even before any revocation ran (subscription over)", async () => {
    const tokens = await offlineTokens();
    await db.subscription.updateMany({ where: { organisationId: organisation.id }, data: { endDate: day("2021-01-01") } });
    const refused = await token({ grant_type: "refresh_token", refresh_token: tokens.refresh_token });
    expect(refused.status).toBe(400);
    expect((await refused.json()).error).toBe("invalid_grant");
  });
});

describe("SSO-1 SSO-5 RP-initiated logout ends the portal session too", () => {
  const PORTAL_COOKIE = "authjs.session-token";
  const AFTER_LOGOUT = "https://rp.example/au-revoir";

  /** The browser signed in to the portal (Auth.js's cookie for `viewer`'s sign-in) and to two e-services. */
  async function signedInTwice() {
    await db.oidcClient.update({ where: { clientId: client.clientId }, data: { postLogoutRedirectUris: [AFTER_LOGOUT] } });
    const otherService = await createService();
    await db.subscription.create({ data: { organisationId: organisation.id, eServiceId: otherService.id, startDate: day("2020-01-01"), termsAcceptedAt: new Date() } });
    await db.permission.create({ data: { accountId: user.id, organisationId: organisation.id, eServiceId: otherService.id } });
    const other = await registerOidcClient(db, SYSTEM_ACTOR, otherService.id, { authMethod: "CLIENT_SECRET_BASIC", redirectUris: [REDIRECT], backchannelLogoutUri: "https://autre.example/deconnexion" });
    const viewer = await viewerFor(user);
    const browser = new Browser();
    browser.cookies.set(
      PORTAL_COOKIE,
      await encode({
        token: { accountId: user.id, sessionVersion: 0, authSessionId: viewer.authSessionId, unlockedAccountIds: [] },
        secret: process.env.AUTH_SECRET!,
        salt: PORTAL_COOKIE,
      }),
    );
    const first = client;
    const { verifier, challenge } = pkce();
    const code = (await login(browser, viewer, challenge)).searchParams.get("code")!;
    const tokens = await (await token({ grant_type: "authorization_code", code, redirect_uri: REDIRECT, code_verifier: verifier })).json();
    client = other;
    expect((await login(browser, viewer, pkce().challenge)).searchParams.get("code")).toBeTruthy();
    client = first;
    return { browser, viewer, tokens, other };
  }

  function endSessionUrl(idTokenHint: string) {
    return `/oidc/session/end?${new URLSearchParams({ id_token_hint: idTokenHint, post_logout_redirect_uri: AFTER_LOGOUT, state: "au-revoir" })}`;
  }

  function xsrfOf(html: string): string {
    return /name="xsrf" value="([^"]+)"/.exec(html)![1];
  }

  it("asks in French on an accessible page under a nonce-based CSP, then 'yes' ends the portal session and signs the other e-services out", async () => {
    const { browser, viewer, tokens, other } = await signedInTwice();
    const confirm = await browser.get(endSessionUrl(tokens.id_token));
    expect(confirm.status).toBe(200);
    const html = await confirm.text();
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain("Se déconnecter du portail ?");
    expect(html).toContain(">Oui, me déconnecter du portail</button>");
    expect(html).not.toContain("<script");
    const csp = confirm.headers.get("content-security-policy")!;
    const nonce = /style-src 'nonce-([^']+)'/.exec(csp)![1];
    expect(html).toContain(`<style nonce="${nonce}">`);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("form-action 'self' https://rp.example");
    // Still signed in until the person answers.
    expect((await db.authSession.findUniqueOrThrow({ where: { id: viewer.authSessionId } })).endedAt).toBeNull();

    const done = await browser.post("/oidc/session/end/confirm", { xsrf: xsrfOf(html), logout: "yes" });
    expect(done.status).toBe(303);
    expect(done.headers.get("location")).toBe(`${AFTER_LOGOUT}?state=au-revoir`);
    expect(done.headers.getSetCookie().some((cookie) => cookie.startsWith(`${PORTAL_COOKIE}=;`) && cookie.includes("Max-Age=0"))).toBe(true);
    expect(await db.authSession.findUniqueOrThrow({ where: { id: viewer.authSessionId } })).toMatchObject({ endReason: "LOGOUT" });
    expect((await db.authSession.findUniqueOrThrow({ where: { id: viewer.authSessionId } })).endedAt).not.toBeNull();
    // SSO-5: the other e-service of that portal session gets its logout token (queued, retried); no token opens anything.
    const deliveries = await db.oidcLogoutDelivery.findMany({ where: { accountId: user.id } });
    expect(deliveries.map((delivery) => delivery.clientId).sort()).toEqual([client.clientId, other.clientId].sort());
    expect(deliveries.every((delivery) => delivery.reason === "portal_logout")).toBe(true);
    expect((await fetch(`${base}/oidc/me`, { headers: { authorization: `Bearer ${tokens.access_token}` } })).status).toBe(401);
  });

  it("'no' signs the person out of the asking e-service only: the portal session goes on", async () => {
    const { browser, viewer, tokens } = await signedInTwice();
    const html = await (await browser.get(endSessionUrl(tokens.id_token))).text();
    const done = await browser.post("/oidc/session/end/confirm", { xsrf: xsrfOf(html) });
    expect(done.status).toBe(303);
    expect((await db.authSession.findUniqueOrThrow({ where: { id: viewer.authSessionId } })).endedAt).toBeNull();
    expect(await db.oidcLogoutDelivery.count({ where: { accountId: user.id } })).toBe(0);
  });

  it("without the provider's session (browser restarted), a live portal session is still only ended after the person confirms", async () => {
    const { browser, viewer, tokens } = await signedInTwice();
    const restarted = new Browser();
    restarted.cookies.set(PORTAL_COOKIE, browser.cookies.get(PORTAL_COOKIE)!);
    const answer = await restarted.get(endSessionUrl(tokens.id_token));
    const html = await answer.text();
    expect(html).not.toContain("<script");
    expect(html).toContain("Se déconnecter du portail ?");
    expect((await db.authSession.findUniqueOrThrow({ where: { id: viewer.authSessionId } })).endedAt).toBeNull();
    const done = await restarted.post("/oidc/session/end/confirm", { xsrf: xsrfOf(html), logout: "yes" });
    expect(done.status).toBe(303);
    expect((await db.authSession.findUniqueOrThrow({ where: { id: viewer.authSessionId } })).endedAt).not.toBeNull();
  });

  it("the page after logout is French and under the same policy", async () => {
    const response = await fetch(`${base}/oidc/session/end/success`);
    const html = await response.text();
    expect(html).toContain("Vous êtes déconnecté du portail");
    expect(response.headers.get("content-security-policy")).toContain("form-action 'none'");
  });
});

describe("SSO-3 ORG-5 a person with accounts in several organisations chooses the one they act for", () => {
  let elsewhere: Awaited<ReturnType<typeof createOrganisation>>;
  let sibling: Awaited<ReturnType<typeof createAccount>>;

  beforeEach(async () => {
    elsewhere = await createOrganisation({ name: "Communauté de Plusville" });
    await db.subscription.create({ data: { organisationId: elsewhere.id, eServiceId: service.id, startDate: day("2020-01-01"), termsAcceptedAt: new Date() } });
    // The same person (same verified address), registered once per organisation.
    sibling = await createAccount({ organisationId: elsewhere.id, email: user.email, firstName: "Élise", lastName: "Durand" });
    await db.permission.create({ data: { accountId: sibling.id, organisationId: elsewhere.id, eServiceId: service.id } });
  });

  async function startLogin(browser: Browser, challenge: string): Promise<string> {
    const start = await browser.get(authorizeUrl({ challenge }));
    return start.headers.get("location")!.split("/").pop()!;
  }

  async function finish(browser: Browser, uid: string): Promise<URL> {
    let response = await browser.get(`/oidc/interaction/${uid}/terminer`);
    for (let hops = 0; hops < 5 && new URL(response.headers.get("location")!, base).origin === base; hops++) {
      response = await browser.get(response.headers.get("location")!);
    }
    return new URL(response.headers.get("location")!);
  }

  it("offers both organisations, asks the other account's password once, and signs in as the chosen account (sub, claims, audit)", async () => {
    const browser = new Browser();
    const { verifier, challenge } = pkce();
    const viewer = await viewerFor(user);
    const uid = await startLogin(browser, challenge);
    const view = (await interactionView(db, viewer, uid))!;
    expect(view.choices).toEqual([
      expect.objectContaining({ accountId: user.id, current: true, passwordNeeded: false }),
      expect.objectContaining({ accountId: sibling.id, organisationName: "Communauté de Plusville", current: false, passwordNeeded: true }),
    ]);

    await expect(decideInteraction(db, viewer, { uid, consent: false, accountId: sibling.id })).rejects.toMatchObject({ message: "Mot de passe incorrect pour ce compte.", field: "password" });
    await expect(decideInteraction(db, viewer, { uid, consent: false, accountId: sibling.id, password: "Mauvais-2026" })).rejects.toMatchObject({ field: "password" });
    const outcome = await decideInteraction(db, viewer, { uid, consent: false, accountId: sibling.id, password: TEST_PASSWORD });
    expect(outcome).toEqual({ allowed: true, unlocked: unlockKey(sibling.id, sibling.sessionVersion) });

    const back = await finish(browser, uid);
    const code = back.searchParams.get("code")!;
    expect(code).toBeTruthy();
    const tokens = await (await token({ grant_type: "authorization_code", code, redirect_uri: REDIRECT, code_verifier: verifier })).json();
    const idClaims = JSON.parse(Buffer.from(tokens.id_token.split(".")[1], "base64url").toString());
    expect(idClaims).toMatchObject({ sub: sibling.id, amr: ["pwd"] });
    const userinfo = await (await fetch(`${base}/oidc/me`, { headers: { authorization: `Bearer ${tokens.access_token}` } })).json();
    expect(userinfo).toMatchObject({ sub: sibling.id, preferred_username: sibling.identifier, organisation: { id: elsewhere.id, name: "Communauté de Plusville" } });

    const [event] = await db.auditEvent.findMany({ where: { action: "oidc.login", actorId: sibling.id } });
    expect(event).toMatchObject({ organisationId: elsewhere.id });
    expect(event.details).toMatchObject({ portalAccountId: user.id, clientId: client.clientId });
    // The portal session stays on its account; ending it signs the chosen account out of the e-service (SSO-5).
    expect(await db.authSession.findUniqueOrThrow({ where: { id: viewer.authSessionId } })).toMatchObject({ accountId: user.id, endedAt: null });
    await endAuthSession(db, viewer.authSessionId, "LOGOUT");
    expect(await db.oidcLogoutDelivery.findMany({ where: { accountId: sibling.id } })).toEqual([expect.objectContaining({ reason: "portal_logout" })]);
  });

  it("asks no password when the browser session already holds it (as the Mon espace switcher does)", async () => {
    const browser = new Browser();
    const viewer = { ...(await viewerFor(user)), unlockedAccountIds: [unlockKey(sibling.id, sibling.sessionVersion)] };
    const uid = await startLogin(browser, pkce().challenge);
    expect((await interactionView(db, viewer, uid))!.choices[1]).toMatchObject({ accountId: sibling.id, passwordNeeded: false });
    expect(await decideInteraction(db, viewer, { uid, consent: false, accountId: sibling.id })).toEqual({ allowed: true, unlocked: null });
    expect((await finish(browser, uid)).searchParams.get("code")).toBeTruthy();
    // A password changed since (new sessionVersion) is asked again.
    await db.account.update({ where: { id: sibling.id }, data: { sessionVersion: { increment: 1 } } });
    const uid2 = await startLogin(new Browser(), pkce().challenge);
    expect((await interactionView(db, viewer, uid2))!.choices[1]).toMatchObject({ passwordNeeded: true });
  });

  it("shows no choice when only one account may use the e-service, and refuses an account that is not offered", async () => {
    await db.permission.deleteMany({ where: { accountId: sibling.id } });
    const viewer = await viewerFor(user);
    const uid = await startLogin(new Browser(), pkce().challenge);
    expect((await interactionView(db, viewer, uid))!.choices.map((choice) => choice.accountId)).toEqual([user.id]);
    await expect(decideInteraction(db, viewer, { uid, consent: false, accountId: sibling.id, password: TEST_PASSWORD })).rejects.toMatchObject({
      message: expect.stringContaining("Choisissez une autre organisation"),
    });
    // Someone else's account (another address) is not available, whatever the password.
    const stranger = await createAccount({ organisationId: elsewhere.id });
    await db.permission.create({ data: { accountId: stranger.id, organisationId: elsewhere.id, eServiceId: service.id } });
    await expect(decideInteraction(db, viewer, { uid, consent: false, accountId: stranger.id, password: TEST_PASSWORD })).rejects.toMatchObject({ message: "Ce compte n'est pas disponible." });
    expect(await db.oidcInteractionDecision.count({ where: { uid } })).toBe(0);
  });

  it("the only account that qualifies may be another one: it is the one offered", async () => {
    await db.permission.deleteMany({ where: { accountId: user.id } });
    const viewer = await viewerFor(user);
    const uid = await startLogin(new Browser(), pkce().challenge);
    const view = (await interactionView(db, viewer, uid))!;
    expect(view.access.ok).toBe(false);
    expect(view.choices).toEqual([expect.objectContaining({ accountId: sibling.id, passwordNeeded: true })]);
  });

  it("never offers an account with a second factor on a password (MFA-2), nor another account for an e-service requiring one (MFA-6)", async () => {
    await withSecondFactor(sibling);
    const viewer = await viewerFor(user);
    const uid = await startLogin(new Browser(), pkce().challenge);
    const view = (await interactionView(db, viewer, uid))!;
    expect(view.choices.map((choice) => choice.accountId)).toEqual([user.id]);
    expect(view.otherAccounts.map((account) => account.accountId)).toEqual([sibling.id]);
    await expect(decideInteraction(db, viewer, { uid, consent: false, accountId: sibling.id, password: TEST_PASSWORD })).rejects.toMatchObject({
      message: expect.stringContaining("double authentification"),
    });

    const third = await createOrganisation();
    await db.subscription.create({ data: { organisationId: third.id, eServiceId: service.id, startDate: day("2020-01-01"), termsAcceptedAt: new Date() } });
    const plain = await createAccount({ organisationId: third.id, email: user.email });
    await db.permission.create({ data: { accountId: plain.id, organisationId: third.id, eServiceId: service.id } });
    await db.eService.update({ where: { id: service.id }, data: { requiresSecondFactor: true } });
    const strong = await viewerFor(user, ["pwd", "otp"]);
    const uid2 = await startLogin(new Browser(), pkce().challenge);
    const view2 = (await interactionView(db, strong, uid2))!;
    expect(view2.choices.map((choice) => choice.accountId)).toEqual([user.id]);
    expect(view2.otherAccounts.map((account) => account.accountId).sort()).toEqual([sibling.id, plain.id].sort());
    await expect(decideInteraction(db, strong, { uid: uid2, consent: false, accountId: plain.id, password: TEST_PASSWORD })).rejects.toMatchObject({ message: SECOND_FACTOR_REQUIRED_MESSAGE });
  });

  it("the page's action remembers the other account's password for the browser session", async () => {
    const viewer = await viewerFor(user);
    session.viewer = viewer;
    const uid = await startLogin(new Browser(), pkce().challenge);
    updateSession.mockClear();
    const state = await continueInteractionAction(IDLE, formData({ uid, accountId: sibling.id, password: TEST_PASSWORD }));
    expect(state).toMatchObject({ status: "success", result: { next: `/oidc/interaction/${uid}/terminer` } });
    const ticket = verifySessionTicket((updateSession.mock.calls[0] as unknown as [{ ticket: string }])[0].ticket)!;
    expect(ticket).toMatchObject({ accountId: user.id, unlockedAccountIds: [unlockKey(sibling.id, sibling.sessionVersion)] });
    expect(ticket.authSessionId).toBeUndefined();
    session.viewer = null;
  });
});
