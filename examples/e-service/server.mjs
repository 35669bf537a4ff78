// A small e-service that signs people in through the Portail e-services (OpenID Connect),
// with openid-client 6: authorization code + PKCE, the person's name and organisation from
// userinfo, RP-initiated logout, and back-channel logout (its session ends when the portal
// says so). Sessions are kept in memory: enough for an example, not for production.
//
//   PORTAIL_ISSUER=http://127.0.0.1:3000/oidc CLIENT_ID=… CLIENT_SECRET=… \
//   PUBLIC_URL=http://127.0.0.1:3235 PORT=3235 node examples/e-service/server.mjs
import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import * as client from "openid-client";
import { createRemoteJWKSet, jwtVerify } from "jose";

const issuer = new URL(process.env.PORTAIL_ISSUER ?? "http://127.0.0.1:3000/oidc");
const publicUrl = new URL(process.env.PUBLIC_URL ?? `http://127.0.0.1:${process.env.PORT ?? 3235}`);
const port = Number(process.env.PORT ?? publicUrl.port ?? 3235);
const clientId = process.env.CLIENT_ID;
const clientSecret = process.env.CLIENT_SECRET;
if (!clientId || !clientSecret) {
  console.error("CLIENT_ID et CLIENT_SECRET sont nécessaires (npm run oidc:client -- create …).");
  process.exit(2);
}
const redirectUri = new URL("/retour", publicUrl).href;
const BACKCHANNEL_EVENT = "http://schemas.openid.net/event/backchannel-logout";

// http is accepted only for a portal on this machine (development).
const insecure = issuer.protocol === "http:" && ["127.0.0.1", "localhost"].includes(issuer.hostname);
const config = await client.discovery(issuer, clientId, clientSecret, undefined, insecure ? { execute: [client.allowInsecureRequests] } : undefined);
const jwks = createRemoteJWKSet(new URL(config.serverMetadata().jwks_uri));

/** sessionId → { claims, userinfo, idToken } ; pending logins: state → { verifier, nonce } */
const sessions = new Map();
const pending = new Map();

function cookies(request) {
  return Object.fromEntries((request.headers.cookie ?? "").split(/;\s*/).filter(Boolean).map((pair) => {
    const index = pair.indexOf("=");
    return [pair.slice(0, index), decodeURIComponent(pair.slice(index + 1))];
  }));
}

const escape = (value) => String(value ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);

function html(response, status, title, body, headers = {}) {
  response.writeHead(status, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store", ...headers });
  response.end(`<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>${escape(title)}</title></head><body><main><h1>${escape(title)}</h1>${body}</main></body></html>`);
}

function redirect(response, location, headers = {}) {
  response.writeHead(303, { location, ...headers });
  response.end();
}

async function startLogin(response) {
  const verifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  pending.set(state, { verifier, nonce, at: Date.now() });
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: "openid profile email organisation",
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: "S256",
    state,
    nonce,
  });
  redirect(response, url.href);
}

async function callback(request, response) {
  const url = new URL(request.url, publicUrl);
  if (url.searchParams.get("error")) {
    html(response, 403, "Accès refusé", `<p>Le Portail e-services n'a pas autorisé la connexion (${escape(url.searchParams.get("error"))}).</p><p><a href="/">Retour</a></p>`);
    return;
  }
  const state = url.searchParams.get("state");
  const login = state ? pending.get(state) : undefined;
  if (!login) {
    html(response, 400, "Connexion expirée", `<p><a href="/connexion">Recommencer la connexion</a></p>`);
    return;
  }
  pending.delete(state);
  const tokens = await client.authorizationCodeGrant(config, url, { pkceCodeVerifier: login.verifier, expectedState: state, expectedNonce: login.nonce });
  const claims = tokens.claims();
  const userinfo = await client.fetchUserInfo(config, tokens.access_token, claims.sub);
  const sessionId = randomBytes(24).toString("base64url");
  sessions.set(sessionId, { claims, userinfo, idToken: tokens.id_token });
  redirect(response, "/", { "set-cookie": `exemple_session=${sessionId}; HttpOnly; SameSite=Lax; Path=/` });
}

/** Back-channel logout: a logout token signed by the portal ends every session of its sub (and sid). */
async function backchannelLogout(request, response) {
  let body = "";
  for await (const chunk of request) {
    body += chunk;
    if (body.length > 16_384) break;
  }
  const token = new URLSearchParams(body).get("logout_token");
  try {
    const { payload } = await jwtVerify(token ?? "", jwks, { issuer: config.serverMetadata().issuer, audience: clientId, typ: "logout+jwt", maxTokenAge: "5 minutes" });
    if (!payload.events || typeof payload.events !== "object" || !(BACKCHANNEL_EVENT in payload.events) || "nonce" in payload) throw new Error("not a logout token");
    for (const [id, session] of sessions) {
      if (session.claims.sub === payload.sub && (!payload.sid || !session.claims.sid || session.claims.sid === payload.sid)) sessions.delete(id);
    }
    response.writeHead(200, { "cache-control": "no-store" });
    response.end();
  } catch (error) {
    response.writeHead(400, { "content-type": "application/json" });
    response.end(JSON.stringify({ error: "invalid_request", error_description: String(error.message ?? error) }));
  }
}

createServer(async (request, response) => {
  try {
    const url = new URL(request.url, publicUrl);
    const session = sessions.get(cookies(request).exemple_session);
    if (request.method === "GET" && url.pathname === "/") {
      if (!session) {
        html(response, 200, "Exemple d'e-service", `<p>Vous n'êtes pas connecté.</p><p><a href="/connexion">Se connecter avec le Portail e-services</a></p>`);
        return;
      }
      const { userinfo } = session;
      const organisation = userinfo.organisation;
      html(
        response,
        200,
        "Exemple d'e-service",
        `<p>Connecté : <strong id="personne">${escape(userinfo.given_name)} ${escape(userinfo.family_name)}</strong> (${escape(userinfo.preferred_username)})</p>
<p>Organisation : <strong id="organisation">${escape(organisation?.name)}</strong> (code ${escape(organisation?.code)})</p>
<p><a href="/deconnexion">Se déconnecter</a></p>`,
      );
      return;
    }
    // The initiate-login URI: the portal's "Ouvrir l'e-service" lands here with iss (third-party-initiated login).
    if (request.method === "GET" && url.pathname === "/connexion") {
      const iss = url.searchParams.get("iss");
      if (iss && iss !== config.serverMetadata().issuer) {
        html(response, 400, "Émetteur inconnu", "<p>Cette connexion ne vient pas du portail attendu.</p>");
        return;
      }
      await startLogin(response);
      return;
    }
    if (request.method === "GET" && url.pathname === "/retour") {
      await callback(request, response);
      return;
    }
    if (request.method === "POST" && url.pathname === "/deconnexion-portail") {
      await backchannelLogout(request, response);
      return;
    }
    if (request.method === "GET" && url.pathname === "/deconnexion") {
      const idToken = session?.idToken;
      sessions.delete(cookies(request).exemple_session);
      const end = client.buildEndSessionUrl(config, { post_logout_redirect_uri: new URL("/", publicUrl).href, ...(idToken ? { id_token_hint: idToken } : {}) });
      redirect(response, end.href, { "set-cookie": "exemple_session=; Max-Age=0; Path=/" });
      return;
    }
    html(response, 404, "Page introuvable", "");
  } catch (error) {
    console.error(error);
    html(response, 500, "Erreur", `<p>${escape(error?.message ?? error)}</p>`);
  }
}).listen(port, publicUrl.hostname, () => console.log(`[exemple] e-service sur ${publicUrl.href}`));
