// SSO: authorization-code logins per second through the whole flow, on real HTTP against the
// provider as our server mounts it (lib/oidc/server.ts): authorize with an existing portal
// session → the portal's interaction decision (ADM-4, the service the interaction page calls)
// → code → token (client_secret_basic, rate limits) → userinfo (ADM-4 again). Beside it, the
// same run's bare token request (exchanging codes obtained beforehand), so the cost of
// everything around the token endpoint shows as a ratio. 20 concurrent clients.
import { createHash, randomBytes } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { startAuthSession } from "../../lib/auth/auth-sessions";
import type { Viewer } from "../../lib/auth/viewer";
import { SYSTEM_ACTOR } from "../../lib/operation";
import { registerOidcClient } from "../../lib/oidc/clients";
import { decideInteraction } from "../../lib/oidc/interactions";
import { resetPortalProvider } from "../../lib/oidc/provider";
import { handleOidcRequest } from "../../lib/oidc/server";
import { CONCURRENCY, line, report, runConcurrently, timed, type BenchSection } from "./measure";
import { viewerOf } from "../../lib/testing/actions";

const LOGINS = 400;
const REDIRECT = "https://bench-rp.example/retour";

const section: BenchSection = {
  title: "OpenID Connect provider (SSO)",
  async run({ db }) {
    // Keys and client secrets are sealed with a key derived from AUTH_SECRET: a throw-away one
    // for this throw-away database.
    process.env.AUTH_SECRET ??= randomBytes(32).toString("base64url");
    const server = createServer((request, response) => void handleOidcRequest(request, response, "10.9.0.1"));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    process.env.APP_URL = base;
    resetPortalProvider();
    try {
      const suffix = randomBytes(4).toString("hex");
      const organisation = await db.organisation.create({
        data: { kind: "COMMUNE", name: `Commune mesure ${suffix}`, code: `B${suffix}`, legalRepresentativeTitle: "Maire", postalCodes: ["01000"] },
      });
      const service = await db.eService.create({
        data: { slug: `mesure-${suffix}`, name: "E-service de mesure", description: "mesure", url: "https://bench-rp.example/", termsText: "t" },
      });
      await db.subscription.create({ data: { organisationId: organisation.id, eServiceId: service.id, startDate: new Date("2020-01-01"), termsAcceptedAt: new Date() } });
      const viewers: Viewer[] = [];
      for (let index = 0; index < CONCURRENCY; index++) {
        const account = await db.account.create({
          data: {
            organisationId: organisation.id,
            identifier: `mesure-${suffix}-${index}`,
            civility: "MADAME",
            firstName: "Mesure",
            lastName: `Numéro ${index}`,
            email: `mesure-${suffix}-${index}@bench.example`,
            status: "ACTIVE",
            emailVerifiedAt: new Date(),
          },
        });
        await db.permission.create({ data: { accountId: account.id, organisationId: organisation.id, eServiceId: service.id } });
        const session = await startAuthSession(db, { accountId: account.id });
        viewers.push({ ...viewerOf(account, organisation.name), authSessionId: session.id, sessionExpiresAt: session.expiresAt });
      }
      const client = await registerOidcClient(db, SYSTEM_ACTOR, service.id, { authMethod: "CLIENT_SECRET_BASIC", redirectUris: [REDIRECT] });
      const basic = `Basic ${Buffer.from(`${client.clientId}:${client.clientSecret}`).toString("base64")}`;

      /** One browser: authorize → interaction decided by the portal → code. */
      async function code(viewer: Viewer): Promise<{ code: string; verifier: string }> {
        const jar = new Map<string, string>();
        const get = async (url: string) => {
          const response = await fetch(new URL(url, base), { redirect: "manual", headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; ") } });
          for (const setCookie of response.headers.getSetCookie()) {
            const [pair] = setCookie.split(";");
            const index = pair.indexOf("=");
            jar.set(pair.slice(0, index), pair.slice(index + 1));
          }
          await response.arrayBuffer();
          return response.headers.get("location") ?? "";
        };
        const verifier = randomBytes(32).toString("base64url");
        const challenge = createHash("sha256").update(verifier).digest("base64url");
        const params = new URLSearchParams({
          client_id: client.clientId,
          redirect_uri: REDIRECT,
          response_type: "code",
          scope: "openid profile email organisation",
          state: "s",
          code_challenge: challenge,
          code_challenge_method: "S256",
        });
        const interaction = await get(`/oidc/auth?${params}`);
        const uid = interaction.split("/").pop()!;
        await decideInteraction(db, viewer, { uid, consent: false });
        let location = await get(`${interaction}/terminer`);
        while (location.startsWith(base) || location.startsWith("/")) location = await get(location);
        const got = new URL(location).searchParams.get("code");
        if (!got) throw new Error(`no code: ${location}`);
        return { code: got, verifier };
      }

      async function token(grant: { code: string; verifier: string }): Promise<string> {
        const response = await fetch(`${base}/oidc/token`, {
          method: "POST",
          headers: { authorization: basic, "content-type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams({ grant_type: "authorization_code", code: grant.code, redirect_uri: REDIRECT, code_verifier: grant.verifier }),
        });
        if (response.status !== 200) throw new Error(`token: ${response.status} ${await response.text()}`);
        return ((await response.json()) as { access_token: string }).access_token;
      }

      async function userinfo(accessToken: string) {
        const response = await fetch(`${base}/oidc/me`, { headers: { authorization: `Bearer ${accessToken}` } });
        if (response.status !== 200) throw new Error(`userinfo: ${response.status}`);
        await response.json();
      }

      // Warm-up (provider construction, keys, first queries).
      await userinfo(await token(await code(viewers[0])));

      const full = await timed(() => runConcurrently(LOGINS, async (turn) => userinfo(await token(await code(viewers[turn % CONCURRENCY])))));
      report("whole login (authorize → code → token → userinfo)", full.value);
      const loginsPerSecond = LOGINS / full.seconds;
      line("whole logins per second, 20 clients", `${loginsPerSecond.toFixed(1)} /s`);

      // Codes live 60 seconds: obtained just before, then exchanged as fast as the endpoint goes.
      const codes: { code: string; verifier: string }[] = [];
      await runConcurrently(LOGINS, async (turn) => codes.push(await code(viewers[turn % CONCURRENCY])));
      const bare = await timed(() => runConcurrently(codes.length, (turn) => token(codes[turn])));
      report("bare token request (code exchange)", bare.value);
      const tokensPerSecond = codes.length / bare.seconds;
      line("bare token requests per second, 20 clients", `${tokensPerSecond.toFixed(1)} /s`);
      line("whole login ÷ bare token request", `${((loginsPerSecond / tokensPerSecond) * 100).toFixed(0)} %`);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      resetPortalProvider();
    }
  },
};

export default section;
