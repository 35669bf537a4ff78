import { describe, expect, it } from "vitest";
import { resolveClientAddress } from "./client-address.mjs";

describe("SEC-2 the address limits are counted under cannot be chosen by the client", () => {
  it("uses the connection's address when the app is reached directly, whatever the headers say", () => {
    expect(resolveClientAddress(undefined, "203.0.113.7", 0)).toBe("203.0.113.7");
    expect(resolveClientAddress("1.2.3.4", "203.0.113.7", 0)).toBe("203.0.113.7");
    expect(resolveClientAddress("::ffff:1.2.3.4", "::ffff:203.0.113.7", 0)).toBe("203.0.113.7");
  });

  it("behind trusted proxies, takes the entry the outermost trusted proxy appended, not the client's own", () => {
    // client forged "6.6.6.6", the proxy appended the real client 198.51.100.9, then connected from 10.0.0.2.
    expect(resolveClientAddress("6.6.6.6, 198.51.100.9", "10.0.0.2", 1)).toBe("198.51.100.9");
    expect(resolveClientAddress(["6.6.6.6", "198.51.100.9, 10.0.0.3"], "10.0.0.2", 2)).toBe("198.51.100.9");
    // More trusted hops than entries: the left-most entry, never out of bounds.
    expect(resolveClientAddress("198.51.100.9", "10.0.0.2", 5)).toBe("198.51.100.9");
    expect(resolveClientAddress(undefined, undefined, 1)).toBe("inconnue");
    expect(resolveClientAddress("x".repeat(100), "10.0.0.2", 1)).toHaveLength(64);
  });
});

describe("SEC-2 the resolved address travels signed", () => {
  it("round-trips an address signed with the same key, and nothing else", async () => {
    const { randomBytes } = await import("node:crypto");
    const { signClientAddress, verifyClientAddress } = await import("./client-address.mjs");
    const key = randomBytes(32);
    expect(verifyClientAddress(signClientAddress("203.0.113.7", key), key)).toBe("203.0.113.7");
    expect(verifyClientAddress(signClientAddress("203.0.113.7", key), randomBytes(32))).toBeNull();
    expect(verifyClientAddress(signClientAddress("203.0.113.7", key), undefined)).toBeNull();
    expect(verifyClientAddress("203.0.113.7", key)).toBeNull();
    expect(verifyClientAddress("", key)).toBeNull();
    expect(verifyClientAddress(null, key)).toBeNull();
  });
});
