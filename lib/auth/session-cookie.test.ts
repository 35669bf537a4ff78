import { describe, expect, it } from "vitest";
import { presentsSessionCookie, sessionCookieFor } from "./session-cookie";

describe("SEC-7 the session cookie a request presents", () => {
  it("is Auth.js's cookie, plain or __Secure-, whole or in chunks", () => {
    expect(presentsSessionCookie("authjs.session-token=abc")).toBe(true);
    expect(presentsSessionCookie("a=1; __Secure-authjs.session-token=abc")).toBe(true);
    expect(presentsSessionCookie("authjs.session-token.0=ab; authjs.session-token.1=c")).toBe(true);
  });

  it("is absent without it, with only Auth.js's other cookies, or with a look-alike name", () => {
    expect(presentsSessionCookie(null)).toBe(false);
    expect(presentsSessionCookie("")).toBe(false);
    expect(presentsSessionCookie("authjs.csrf-token=x; authjs.callback-url=%2F")).toBe(false);
    expect(presentsSessionCookie("x-authjs.session-token=abc")).toBe(false);
    expect(presentsSessionCookie("authjs.session-token.1=c")).toBe(false);
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
