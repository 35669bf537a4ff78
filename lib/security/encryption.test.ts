import { randomBytes } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { decryptAtRest, encryptAtRest } from "./encryption";

afterEach(() => vi.unstubAllEnvs());

describe("SEC-5 secrets at rest: AES-256-GCM, key id beside the value", () => {
  it("round-trips, with a fresh IV each time and nothing of the plaintext visible", () => {
    const first = encryptAtRest("K7QM-3XRT-9PWA", "admin-request-code:DA-1234-5678");
    const second = encryptAtRest("K7QM-3XRT-9PWA", "admin-request-code:DA-1234-5678");
    expect(first.ciphertext).not.toBe(second.ciphertext);
    expect(first.keyId).toMatch(/^[0-9a-f]{8}$/);
    expect(first.ciphertext).not.toContain("K7QM");
    expect(decryptAtRest(first, "admin-request-code:DA-1234-5678")).toBe("K7QM-3XRT-9PWA");
  });

  it("refuses another record's context, an altered value, and a value from another key", () => {
    const value = encryptAtRest("K7QM-3XRT-9PWA", "admin-request-code:DA-1234-5678");
    expect(decryptAtRest(value, "admin-request-code:DA-9999-9999")).toBeNull();
    const raw = Buffer.from(value.ciphertext, "base64url");
    raw[raw.length - 1] ^= 1;
    expect(decryptAtRest({ ...value, ciphertext: raw.toString("base64url") }, "admin-request-code:DA-1234-5678")).toBeNull();
    expect(decryptAtRest({ ...value, ciphertext: "court" }, "admin-request-code:DA-1234-5678")).toBeNull();

    vi.stubEnv("SECRETS_ENCRYPTION_KEY", randomBytes(32).toString("base64"));
    const underConfiguredKey = encryptAtRest("secret", "ctx");
    expect(underConfiguredKey.keyId).not.toBe(value.keyId);
    expect(decryptAtRest(value, "admin-request-code:DA-1234-5678")).toBeNull();
    expect(decryptAtRest(underConfiguredKey, "ctx")).toBe("secret");
  });

  it("refuses a configured key that is not 32 bytes", () => {
    vi.stubEnv("SECRETS_ENCRYPTION_KEY", Buffer.from("trop court").toString("base64"));
    expect(() => encryptAtRest("x", "ctx")).toThrow(/32 octets/);
  });
});
