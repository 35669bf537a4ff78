import { decode, encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { decodeSessionToken, encodeSessionToken } from "./session-token";

const secret = "secret-de-test-pour-les-jetons-0123456789";
const salt = "authjs.session-token";
const claims = { sub: "0190f3a4-0000-7000-8000-000000000001", accountId: "0190f3a4-0000-7000-8000-000000000001", sessionVersion: 3 };

describe("SEC-7 the session token is Auth.js's own, its key derived once", () => {
  it("Auth.js reads the tokens we write, with their lifetime", async () => {
    const token = await encodeSessionToken({ token: claims, secret, salt, maxAge: 43_200 });
    const read = await decode({ token, secret, salt });
    expect(read).toMatchObject(claims);
    expect(read!.exp! - read!.iat!).toBe(43_200);
    expect(read!.jti).toEqual(expect.any(String));
  });

  it("we read the tokens Auth.js writes, several times (the cached key)", async () => {
    const token = await encode({ token: claims, secret, salt, maxAge: 60 });
    expect(await decodeSessionToken({ token, secret, salt })).toMatchObject(claims);
    expect(await decodeSessionToken({ token, secret, salt })).toMatchObject(claims);
  });

  it("another cookie name or another secret does not decrypt; a rotated secret still does", async () => {
    const token = await encodeSessionToken({ token: claims, secret, salt, maxAge: 60 });
    await expect(decodeSessionToken({ token, secret, salt: "__Secure-authjs.session-token" })).rejects.toThrow();
    await expect(decodeSessionToken({ token, secret: "un-autre-secret-0123456789-abcdefghij", salt })).rejects.toThrow();
    expect(await decodeSessionToken({ token, secret: ["un-nouveau-secret-0123456789-abcdefgh", secret], salt })).toMatchObject(claims);
    expect(await decodeSessionToken({ token: "", secret, salt })).toBeNull();
  });

  it("an expired token is refused", async () => {
    const token = await encodeSessionToken({ token: claims, secret, salt, maxAge: -60 });
    await expect(decodeSessionToken({ token, secret, salt })).rejects.toThrow();
  });
});
