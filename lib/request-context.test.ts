import { randomBytes } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { assertClientAddressesKnown, clientAddress, clientAddressFrom } from "./request-context";
import { CLIENT_ADDRESS_HEADER, installClientAddressKey, signClientAddress } from "./security/client-address.mjs";

const requestHeaders = vi.hoisted(() => ({ current: new Headers() }));
vi.mock("next/headers", () => ({ headers: async () => requestHeaders.current }));

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("SEC-2 the client address header is believed only when our server signed it", () => {
  const key = randomBytes(32);
  const production = { production: true, key };

  it("ignores a header a client wrote, in production: unsigned, signed with another key, or malformed", () => {
    const forged = (value: string) => new Headers({ [CLIENT_ADDRESS_HEADER]: value, "x-forwarded-for": "6.6.6.7" });
    expect(clientAddressFrom(forged("6.6.6.6"), production)).toBe("inconnue");
    expect(clientAddressFrom(forged(signClientAddress("6.6.6.6", randomBytes(32))), production)).toBe("inconnue");
    const genuine = signClientAddress("203.0.113.7", key);
    expect(clientAddressFrom(forged(genuine.replace("203.0.113.7", "6.6.6.6")), production)).toBe("inconnue");
    expect(clientAddressFrom(forged(` ${"6.6.6.6"}`), production)).toBe("inconnue");
    expect(clientAddressFrom(forged(genuine.slice(0, -1)), production)).toBe("inconnue");
    // Plain `next start` (no key in the process): nothing is trusted, not even a valid-looking value.
    expect(clientAddressFrom(forged(genuine), { production: true, key: undefined })).toBe("inconnue");
  });

  it("accepts the address our server signed with this process's key", () => {
    const headers = new Headers({ [CLIENT_ADDRESS_HEADER]: signClientAddress("2001:db8::7", key), "x-forwarded-for": "6.6.6.6" });
    expect(clientAddressFrom(headers, production)).toBe("2001:db8::7");
  });

  it("outside production (next dev, tests) falls back to the left-most X-Forwarded-For, never to an unsigned header", () => {
    const headers = new Headers({ [CLIENT_ADDRESS_HEADER]: "6.6.6.6", "x-forwarded-for": "192.0.2.4, 10.0.0.1" });
    expect(clientAddressFrom(headers, { production: false, key: undefined })).toBe("192.0.2.4");
    expect(clientAddressFrom(new Headers(), { production: false, key: undefined })).toBe("inconnue");
  });

  it("clientAddress() of a production request ignores a forged header and reads the signed one", async () => {
    vi.stubEnv("NODE_ENV", "production");
    const processKey = installClientAddressKey();
    requestHeaders.current = new Headers({ [CLIENT_ADDRESS_HEADER]: "6.6.6.6" });
    expect(await clientAddress()).toBe("inconnue");
    requestHeaders.current = new Headers({ [CLIENT_ADDRESS_HEADER]: signClientAddress("198.51.100.9", processKey) });
    expect(await clientAddress()).toBe("198.51.100.9");
  });

  it("refuses to serve in production without our server's key, with a clear message", () => {
    expect(() => assertClientAddressesKnown({ production: true, key: undefined })).toThrow(/npm start/);
    expect(() => assertClientAddressesKnown({ production: true, key })).not.toThrow();
    expect(() => assertClientAddressesKnown({ production: false, key: undefined })).not.toThrow();
  });
});
