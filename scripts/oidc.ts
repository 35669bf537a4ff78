// OpenID Connect administration for automation (SSO-2, SSO-1), audited as the portal itself:
//   npm run oidc:client -- create --e-service <slug> --redirect-uri <uri> [--redirect-uri <uri>…]
//        [--backchannel-logout-uri <uri>] [--post-logout-redirect-uri <uri>] [--initiate-login-uri <uri>]
//        [--jwks-uri <uri>  (private_key_jwt instead of a secret)]
//     prints {"client_id": "…", "client_secret": "…"} (the secret is shown only this once)
//   npm run oidc:keys -- rotate      a new signing key; the old ones stay in the JWKS until their tokens expired
import "./load-env";
import { parseArgs } from "node:util";
import { localAuthSecret } from "./database/local-auth-secret";
import { openDatabase } from "./database/open";

async function main(): Promise<void> {
  const [command, action] = [process.argv[2], process.argv[3]];
  const database = await openDatabase();
  // The embedded database's app keeps its AUTH_SECRET locally: secrets must be sealed with the same key.
  if (database.embedded) process.env.AUTH_SECRET ??= localAuthSecret();
  const { db } = await import("../lib/db");
  const { SYSTEM_ACTOR, UserError } = await import("../lib/operation");
  try {
    if (command === "keys" && action === "rotate") {
      const { rotateSigningKeys } = await import("../lib/oidc/keys");
      console.log(JSON.stringify({ kid: await rotateSigningKeys(db, SYSTEM_ACTOR) }));
      return;
    }
    if (command === "client" && action === "create") {
      const { values } = parseArgs({
        args: process.argv.slice(4),
        options: {
          "e-service": { type: "string" },
          "redirect-uri": { type: "string", multiple: true },
          "post-logout-redirect-uri": { type: "string", multiple: true },
          "backchannel-logout-uri": { type: "string" },
          "initiate-login-uri": { type: "string" },
          "jwks-uri": { type: "string" },
        },
      });
      const slug = values["e-service"];
      const eService = slug ? await db.eService.findUnique({ where: { slug }, select: { id: true } }) : null;
      if (!eService) throw new UserError(`E-service inconnu : ${slug ?? "(--e-service manquant)"}.`);
      const { registerOidcClient } = await import("../lib/oidc/clients");
      const registered = await registerOidcClient(db, SYSTEM_ACTOR, eService.id, {
        authMethod: values["jwks-uri"] ? "PRIVATE_KEY_JWT" : "CLIENT_SECRET_BASIC",
        redirectUris: values["redirect-uri"] ?? [],
        postLogoutRedirectUris: values["post-logout-redirect-uri"] ?? [],
        backchannelLogoutUri: values["backchannel-logout-uri"] ?? null,
        initiateLoginUri: values["initiate-login-uri"] ?? null,
        jwksUri: values["jwks-uri"] ?? null,
      });
      console.log(JSON.stringify({ client_id: registered.clientId, client_secret: registered.clientSecret }));
      return;
    }
    throw new UserError("Usage : npm run oidc:client -- create --e-service <slug> --redirect-uri <uri> [--backchannel-logout-uri <uri>] | npm run oidc:keys -- rotate");
  } catch (error) {
    if (error instanceof UserError) {
      console.error(error.message);
      process.exitCode = 2;
      return;
    }
    throw error;
  } finally {
    await db.$disconnect();
    await database.close();
  }
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
