import { describe, expect, it } from "vitest";
import { presentsSessionCookie } from "./session-cookie";

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
