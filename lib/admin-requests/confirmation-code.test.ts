import { describe, expect, it } from "vitest";
import {
  CODE_ALPHABET,
  CODE_ENTROPY_BITS,
  confirmationCodeMatches,
  formatCode,
  generateConfirmationCode,
  generateRequestNumber,
  hashConfirmationCode,
  normalizeCode,
  normalizeRequestNumber,
} from "./confirmation-code";
import { createHash } from "node:crypto";

describe("LR-2 confirmation codes", () => {
  it("use no ambiguous character and carry at least 50 bits", () => {
    for (const ambiguous of ["0", "O", "1", "I", "L"]) expect(CODE_ALPHABET).not.toContain(ambiguous);
    expect(new Set(CODE_ALPHABET).size).toBe(CODE_ALPHABET.length);
    expect(CODE_ENTROPY_BITS).toBeGreaterThanOrEqual(50);
  });

  it("are grouped by four for reading, and random", () => {
    const codes = Array.from({ length: 2_000 }, generateConfirmationCode);
    for (const code of codes) expect(code).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
    expect(new Set(codes).size).toBe(codes.length);
    // Every symbol of the alphabet shows up: no character is left out by the generator.
    expect(new Set(codes.join("").replace(/-/g, "")).size).toBe(CODE_ALPHABET.length);
  });

  it("are stored as a hash that says nothing of the code", () => {
    const code = generateConfirmationCode();
    const hash = hashConfirmationCode(code);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain(normalizeCode(code).toLowerCase());
  });
});

describe("LR-3 typed codes: case, spaces and hyphens do not matter", () => {
  it("normalises and compares", () => {
    const hash = hashConfirmationCode("K7QM-3XRT-9PWA");
    for (const typed of ["K7QM-3XRT-9PWA", "k7qm3xrt9pwa", " k7qm 3xrt 9pwa ", "K7QM--3XRT - 9PWA"]) {
      expect(confirmationCodeMatches(typed, hash), typed).toBe(true);
    }
    for (const typed of ["K7QM-3XRT-9PWB", "K7QM-3XRT", "", "K7QM-3XRT-9PWA-"]) {
      expect(confirmationCodeMatches(typed, hash), typed).toBe(typed === "K7QM-3XRT-9PWA-");
    }
    expect(formatCode("k7qm3xrt9pwa")).toBe("K7QM-3XRT-9PWA");
  });

  it("request numbers: DA-1234-5678, typed with or without separators", () => {
    expect(generateRequestNumber()).toMatch(/^DA-\d{4}-\d{4}$/);
    for (const typed of ["DA-1234-5678", "da 1234 5678", "12345678", "DA12345678"]) {
      expect(normalizeRequestNumber(typed)).toBe("DA-1234-5678");
    }
    expect(normalizeRequestNumber("1234")).toBe("1234");
  });
});

describe("SEC-5 confirmation codes are stored as keyed hashes (HMAC-SHA256 with a server secret)", () => {
  it("is not the plain SHA-256 of the code, and depends on the server's secret", () => {
    const code = "K7QM-3XRT-9PWA";
    const hash = hashConfirmationCode(code);
    expect(hash).not.toBe(createHash("sha256").update(normalizeCode(code)).digest("hex"));
    const previous = process.env.AUTH_SECRET;
    process.env.AUTH_SECRET = "un-autre-secret-de-serveur-0123456789-abcdef";
    try {
      expect(hashConfirmationCode(code)).not.toBe(hash);
      expect(confirmationCodeMatches(code, hash)).toBe(false);
    } finally {
      process.env.AUTH_SECRET = previous;
    }
    expect(confirmationCodeMatches(code, hash)).toBe(true);
  });

  it("still accepts the code of a letter posted before the change (plain SHA-256), until it expires", () => {
    const legacy = createHash("sha256").update("K7QM3XRT9PWA").digest("hex");
    expect(confirmationCodeMatches("k7qm 3xrt 9pwa", legacy)).toBe(true);
    expect(confirmationCodeMatches("K7QM-3XRT-9PWB", legacy)).toBe(false);
  });
});
