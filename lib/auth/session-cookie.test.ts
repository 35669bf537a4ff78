import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { readSessionCookie, sessionCookieFor } from "./session-cookie";

const NAME = "authjs.session-token";
const CLAIMS = { accountId: "0190f3a4-0000-7000-8000-000000000001", authSessionId: "0190f3a4-0000-7000-8000-000000000002", sessionVersion: 3 };

async function cookieOf(token: Record<string, unknown>, options: { secret?: string; salt?: string; maxAge?: number } = {}) {
  const salt = options.salt ?? NAME;
  return `${salt}=${await encode({ token, secret: options.secret ?? process.env.AUTH_SECRET!, salt, maxAge: options.maxAge ?? 3_600 })}`;
}

describe("SEC-3 the session cookie is read as Auth.js wrote it, and nothing else", () => {
  it("reads the claims of the portal's own cookie, whole or in chunks, under either name", async () => {
    const cookie = await cookieOf({ ...CLAIMS, unlockedAccountIds: [`${CLAIMS.accountId}:3`] });
    expect(await readSessionCookie(`autre=1; ${cookie}`)).toEqual({
      names: [NAME],
      claims: { ...CLAIMS, unlockedAccountIds: [`${CLAIMS.accountId}:3`] },
    });
    const value = cookie.slice(NAME.length + 1);
    const chunked = `${NAME}.0=${value.slice(0, 200)}; ${NAME}.1=${value.slice(200)}`;
    expect((await readSessionCookie(chunked))?.claims.accountId).toBe(CLAIMS.accountId);
    const secure = await cookieOf(CLAIMS, { salt: `__Secure-${NAME}` });
    expect((await readSessionCookie(secure))?.names).toEqual([`__Secure-${NAME}`]);
  });

  it("refuses a cookie made with another secret, one renamed, one altered, and one without a sign-in row's id", async () => {
    expect(await readSessionCookie(await cookieOf(CLAIMS, { secret: "un-autre-secret-qui-n-est-pas-celui-du-portail" }))).toBeNull();
    // Encrypted for the __Secure- name: its key is not the plain name's.
    const renamed = (await cookieOf(CLAIMS, { salt: `__Secure-${NAME}` })).replace(`__Secure-${NAME}`, NAME);
    expect(await readSessionCookie(renamed)).toBeNull();
    const cookie = await cookieOf(CLAIMS);
    const altered = `${cookie.slice(0, -6)}${cookie.slice(-6) === "AAAAAA" ? "BBBBBB" : "AAAAAA"}`;
    expect(await readSessionCookie(altered)).toBeNull();
    expect(await readSessionCookie(await cookieOf({ accountId: CLAIMS.accountId }))).toBeNull();
    expect(await readSessionCookie(await cookieOf({ ...CLAIMS, authSessionId: "pas-un-uuid" }))).toBeNull();
    expect(await readSessionCookie("")).toBeNull();
    expect(await readSessionCookie(undefined)).toBeNull();
  });

  it("stops at the token's expiry, even for a token already read", async () => {
    const cookie = await cookieOf({ ...CLAIMS, sessionVersion: 9 }, { maxAge: 60 });
    expect((await readSessionCookie(cookie))?.claims.sessionVersion).toBe(9);
    expect(await readSessionCookie(cookie, { now: new Date(Date.now() + 61_000) })).toBeNull();
    expect((await readSessionCookie(cookie))?.claims.sessionVersion).toBe(9);
  });
});

// Auth.js's own functions (not exported by next-auth): what decides the cookie it reads back.
const core = "../../node_modules/next-auth/node_modules/@auth/core/lib/utils";
const { createActionURL } = (await import(/* @vite-ignore */ `${core}/env.js`)) as {
  createActionURL: (action: string, protocol: string | null, headers: Headers, env: Record<string, string | undefined>, config: object) => URL;
};
const { defaultCookies } = (await import(/* @vite-ignore */ `${core}/cookie.js`)) as { defaultCookies: (secure: boolean) => { sessionToken: { name: string; options: { secure: boolean } } } };

describe("SEC-7 the sign-in writes the session cookie Auth.js reads back", () => {
  const cases: [string, Record<string, string>, Record<string, string | undefined>][] = [
    ["behind an https proxy", { host: "portail.example", "x-forwarded-proto": "https" }, {}],
    ["plain http", { host: "127.0.0.1:3000", "x-forwarded-proto": "http" }, {}],
    ["no protocol header", { host: "portail.example" }, {}],
    ["AUTH_URL https over an http hop", { host: "127.0.0.1:3000", "x-forwarded-proto": "http" }, { AUTH_URL: "https://portail.example" }],
    ["NEXTAUTH_URL http", { host: "portail.example", "x-forwarded-proto": "https" }, { NEXTAUTH_URL: "http://portail.example" }],
  ];
  for (const [label, headerValues, environment] of cases) {
    it(label, () => {
      const requestHeaders = new Headers(headerValues);
      const url = createActionURL("session", requestHeaders.get("x-forwarded-proto"), requestHeaders, environment, {});
      const expected = defaultCookies(url.protocol === "https:").sessionToken;
      expect(sessionCookieFor(requestHeaders, environment)).toEqual({ name: expected.name, secure: expected.options.secure });
    });
  }
});
