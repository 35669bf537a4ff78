// SSO-2: operators register an e-service as an OpenID Connect client on its catalogue page;
// the secret is shown once, kept encrypted, and every change is audited.
import { randomBytes } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "../db";
import { formData as form, session, viewerOf } from "../testing/actions";
import { createAccount } from "../testing/factories";
import { clientMetadata } from "./clients";

session.ip = "198.51.100.40";
const { oidcClientAction } = await import("./actions");

type State = { status: string; message?: string; fieldErrors?: Record<string, string>; result?: { clientId: string; clientSecret: string | null } };

let eServiceId: string;

beforeEach(async () => {
  const operator = await createAccount({ organisationId: null, role: "OPERATOR" });
  session.viewer = viewerOf(operator);
  const suffix = randomBytes(4).toString("hex");
  eServiceId = (await db.eService.create({ data: { slug: `rp-${suffix}`, name: `RP ${suffix}`, description: "d", url: "https://rp.example/", termsText: "t" } })).id;
});

const fields = (extra: Record<string, string> = {}) =>
  form({ eServiceId, operation: "save", authMethod: "CLIENT_SECRET_BASIC", redirectUris: "https://rp.example/retour\nhttps://rp.example/autre", backchannelLogoutUri: "https://rp.example/bcl", ...extra });

describe("SSO-2 operators register an e-service as an OIDC client", () => {
  it("shows the secret once, stores it encrypted, and the provider reads the registration", async () => {
    const state = (await oidcClientAction({ status: "idle" }, fields())) as State;
    expect(state.status).toBe("success");
    const { clientId, clientSecret } = state.result!;
    expect(clientSecret).toMatch(/^[\w-]{43}$/);
    const row = await db.oidcClient.findUniqueOrThrow({ where: { clientId } });
    expect(row.secretCiphertext).not.toContain(clientSecret!);
    expect(row.redirectUris).toEqual(["https://rp.example/retour", "https://rp.example/autre"]);
    const metadata = await clientMetadata(db, clientId);
    expect(metadata).toMatchObject({ client_secret: clientSecret, token_endpoint_auth_method: "client_secret_basic" });
    // Logout tokens go through the portal's queue only (lib/oidc/logout.ts), never the provider's single attempt.
    expect(metadata).not.toHaveProperty("backchannel_logout_uri");
    expect((await db.oidcClient.findUniqueOrThrow({ where: { clientId } })).backchannelLogoutUri).toBe("https://rp.example/bcl");
    const [event] = await db.auditEvent.findMany({ where: { action: "oidc.client_registered", targetId: eServiceId } });
    expect(event).toMatchObject({ ipAddress: "198.51.100.40" });
    expect(JSON.stringify(event.details)).not.toContain(clientSecret!);

    // Saving again changes the addresses, never shows the secret; renewing shows a new one once.
    const updated = (await oidcClientAction({ status: "idle" }, fields({ redirectUris: "https://rp.example/nouveau" }))) as State;
    expect(updated.result!.clientSecret).toBeNull();
    const renewed = (await oidcClientAction({ status: "idle" }, form({ eServiceId, operation: "renew" }))) as State;
    expect(renewed.result!.clientSecret).toBeTruthy();
    expect(renewed.result!.clientSecret).not.toBe(clientSecret);
    expect((await clientMetadata(db, clientId))!.client_secret).toBe(renewed.result!.clientSecret);
    expect(await db.auditEvent.count({ where: { targetId: eServiceId, action: { startsWith: "oidc.client" } } })).toBe(3);
  });

  it("refuses addresses that are not https (except loopback), with the message next to the field", async () => {
    const state = (await oidcClientAction({ status: "idle" }, fields({ redirectUris: "http://rp.example/retour" }))) as State;
    expect(state.status).toBe("error");
    expect(state.fieldErrors!.redirectUris).toMatch(/https/);
    const privateKey = (await oidcClientAction({ status: "idle" }, fields({ authMethod: "PRIVATE_KEY_JWT" }))) as State;
    expect(privateKey.fieldErrors!.jwksUri).toMatch(/clés publiques/);
    expect(await db.oidcClient.count({ where: { eServiceId } })).toBe(0);
  });

  it("is for operators only", async () => {
    const user = await createAccount();
    session.viewer = viewerOf(user);
    await expect(oidcClientAction({ status: "idle" }, fields())).rejects.toThrow();
    expect(await db.oidcClient.count({ where: { eServiceId } })).toBe(0);
  });
});
