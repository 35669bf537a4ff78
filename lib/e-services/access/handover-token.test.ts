import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { eServiceTokenSecret, signHandoverToken, verifyHandoverToken } from "./handover-token";

const SERVER_SECRET = "un-secret-serveur-de-test-suffisamment-long-0123";
const secret = eServiceTokenSecret("sante-travail", SERVER_SECRET);
const now = new Date("2026-03-10T09:00:00Z");

function token(overrides: { audience?: string; now?: Date; secret?: string } = {}) {
  return signHandoverToken({
    secret: overrides.secret ?? secret,
    audience: overrides.audience ?? "sante-travail",
    account: { id: "0190a000-0000-7000-8000-000000000001", identifier: "alice.martin" },
    organisation: { id: "0190a000-0000-7000-8000-000000000002", code: "01001", name: "Commune d'Exemple" },
    now: overrides.now ?? now,
    jti: "jeton-1",
  });
}

function b64(value: unknown) {
  return Buffer.from(JSON.stringify(value)).toString("base64url");
}

describe("e-service handover token", () => {
  it("derives the per-service secret as documented: base64url(HMAC-SHA256(AUTH_SECRET, 'e-service-token:' + slug))", () => {
    expect(secret).toBe(createHmac("sha256", SERVER_SECRET).update("e-service-token:sante-travail").digest("base64url"));
    expect(eServiceTokenSecret("autre", SERVER_SECRET)).not.toBe(secret);
  });

  it("a valid token verifies and carries the documented claims", () => {
    const result = verifyHandoverToken(token(), { secret, audience: "sante-travail", now: new Date(now.getTime() + 59_000) });
    expect(result).toEqual({
      ok: true,
      claims: {
        iss: "portail-e-services",
        aud: "sante-travail",
        sub: "0190a000-0000-7000-8000-000000000001",
        identifier: "alice.martin",
        organisation: { id: "0190a000-0000-7000-8000-000000000002", code: "01001", name: "Commune d'Exemple" },
        iat: now.getTime() / 1000,
        exp: now.getTime() / 1000 + 60,
        jti: "jeton-1",
      },
    });
    const [header] = token().split(".");
    expect(JSON.parse(Buffer.from(header, "base64url").toString())).toEqual({ alg: "HS256", typ: "JWT" });
  });

  it("a tampered payload or signature is refused", () => {
    const [header, payload, signature] = token().split(".");
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString());
    const forged = `${header}.${b64({ ...claims, sub: "someone-else" })}.${signature}`;
    expect(verifyHandoverToken(forged, { secret, audience: "sante-travail", now })).toEqual({ ok: false, error: "bad_signature" });
    const flipped = signature.startsWith("A") ? `B${signature.slice(1)}` : `A${signature.slice(1)}`;
    expect(verifyHandoverToken(`${header}.${payload}.${flipped}`, { secret, audience: "sante-travail", now })).toEqual({ ok: false, error: "bad_signature" });
    expect(verifyHandoverToken(`${header}.${payload}.${signature.slice(0, -2)}`, { secret, audience: "sante-travail", now })).toEqual({ ok: false, error: "bad_signature" });
  });

  it("another e-service's secret does not verify, and a token for another e-service is refused", () => {
    expect(verifyHandoverToken(token(), { secret: eServiceTokenSecret("autre", SERVER_SECRET), audience: "sante-travail", now })).toEqual({ ok: false, error: "bad_signature" });
    const other = eServiceTokenSecret("autre", SERVER_SECRET);
    expect(verifyHandoverToken(token({ audience: "sante-travail", secret: other }), { secret: other, audience: "autre", now })).toEqual({ ok: false, error: "wrong_audience" });
  });

  it("an expired token (60 s) or one issued in the future is refused", () => {
    expect(verifyHandoverToken(token(), { secret, audience: "sante-travail", now: new Date(now.getTime() + 60_000) })).toEqual({ ok: false, error: "expired" });
    expect(verifyHandoverToken(token({ now: new Date(now.getTime() + 120_000) }), { secret, audience: "sante-travail", now })).toEqual({ ok: false, error: "not_yet_valid" });
  });

  it("malformed tokens and other algorithms are refused", () => {
    for (const bad of [undefined, 42, "", "abc", "a.b", "a.b.c.d", "é.b.c", "x".repeat(5_000)]) {
      expect(verifyHandoverToken(bad, { secret, audience: "sante-travail", now })).toEqual({ ok: false, error: "malformed" });
    }
    const [, payload] = token().split(".");
    expect(verifyHandoverToken(`${b64({ alg: "none", typ: "JWT" })}.${payload}.`, { secret, audience: "sante-travail", now })).toEqual({ ok: false, error: "malformed" });
    expect(verifyHandoverToken(`${b64({ alg: "none", typ: "JWT" })}.${payload}.AAAA`, { secret, audience: "sante-travail", now })).toEqual({ ok: false, error: "unsupported_algorithm" });
    // A correctly signed token whose payload lacks claims is still refused.
    const header = b64({ alg: "HS256", typ: "JWT" });
    const body = b64({ iss: "portail-e-services", aud: "sante-travail" });
    const sig = createHmac("sha256", secret).update(`${header}.${body}`).digest("base64url");
    expect(verifyHandoverToken(`${header}.${body}.${sig}`, { secret, audience: "sante-travail", now })).toEqual({ ok: false, error: "malformed" });
    const wrongIssuer = b64({ ...JSON.parse(Buffer.from(payload, "base64url").toString()), iss: "quelqu-un" });
    const sig2 = createHmac("sha256", secret).update(`${header}.${wrongIssuer}`).digest("base64url");
    expect(verifyHandoverToken(`${header}.${wrongIssuer}.${sig2}`, { secret, audience: "sante-travail", now })).toEqual({ ok: false, error: "wrong_issuer" });
  });
});
