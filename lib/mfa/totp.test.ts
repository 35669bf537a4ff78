import { describe, expect, it } from "vitest";
import { hashRecoveryCode, newRecoveryCodes, normaliseRecoveryCode } from "./recovery-codes";
import { decryptTotpKey, encryptTotpKey, matchingStep, newTotpKey, timeStep, totpCode, totpUri } from "./totp";

process.env.AUTH_SECRET ??= "test-secret-for-unit-tests-0123456789abcdef";

describe("MFA-1 TOTP codes (RFC 6238, 30 s, 6 digits, SHA-1)", () => {
  const key = newTotpKey();
  const now = new Date("2026-11-29T10:00:15Z");

  it("matches the RFC 6238 test vector (SHA-1, T = 59 s)", () => {
    // RFC 6238 appendix B: key "12345678901234567890", 59 s → 94287082 (8 digits); 6 digits: 287082.
    const rfcKey = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
    expect(totpCode(rfcKey, new Date(59_000))).toBe("287082");
  });

  it("accepts the code of this step and of one step either side, and says which step it was", () => {
    const step = timeStep(now);
    expect(matchingStep(key, totpCode(key, now), now)).toBe(step);
    expect(matchingStep(key, totpCode(key, new Date(now.getTime() - 30_000)), now)).toBe(step - 1);
    expect(matchingStep(key, totpCode(key, new Date(now.getTime() + 30_000)), now)).toBe(step + 1);
  });

  it("refuses codes two steps away, malformed codes and another key's codes", () => {
    expect(matchingStep(key, totpCode(key, new Date(now.getTime() - 60_000)), now)).toBeNull();
    expect(matchingStep(key, totpCode(key, new Date(now.getTime() + 60_000)), now)).toBeNull();
    expect(matchingStep(key, "12345", now)).toBeNull();
    expect(matchingStep(key, "abcdef", now)).toBeNull();
    expect(matchingStep(newTotpKey(), totpCode(key, now), now)).toBeNull();
  });

  it("tolerates the spaces apps put in the middle of a code", () => {
    const code = totpCode(key, now);
    expect(matchingStep(key, `${code.slice(0, 3)} ${code.slice(3)}`, now)).toBe(timeStep(now));
  });

  it("gives apps an otpauth address with the expected parameters", () => {
    const uri = totpUri(key, "camille-roux");
    expect(uri).toMatch(/^otpauth:\/\/totp\//);
    expect(uri).toContain("algorithm=SHA1");
    expect(uri).toContain("digits=6");
    expect(uri).toContain("period=30");
    expect(uri).toContain(`secret=${key}`);
  });

  it("keeps the key encrypted, bound to its account", () => {
    const stored = encryptTotpKey(key, "account-a");
    expect(stored.ciphertext).not.toContain(key);
    expect(decryptTotpKey(stored, "account-a")).toBe(key);
    expect(decryptTotpKey(stored, "account-b")).toBeNull();
  });
});

describe("MFA-1 recovery codes", () => {
  it("are ten distinct codes, typed back in any case, with or without the dash", () => {
    const codes = newRecoveryCodes();
    expect(new Set(codes).size).toBe(10);
    const [code] = codes;
    expect(normaliseRecoveryCode(code.toLowerCase())).toBe(code.replace("-", ""));
    expect(hashRecoveryCode(` ${code.replace("-", " ")} `)).toBe(hashRecoveryCode(code));
    expect(hashRecoveryCode("123456")).toBeNull();
  });
});
