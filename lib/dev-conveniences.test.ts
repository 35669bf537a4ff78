import { describe, expect, it } from "vitest";
import { DEMO_DATA_REFUSED, DEV_MAILBOX_WITH_RESEND_REFUSED, demoData, demoDataRequested, devMailbox } from "./dev-conveniences";
import { assertReadyToServe, devMailboxEnabled, parseEnv, RESEND_REQUIRED_IN_PRODUCTION } from "./env";

const SECRET = "a-test-secret-that-is-long-enough-0123456789";
const production = (extra: Record<string, string> = {}) => parseEnv({ NODE_ENV: "production", AUTH_SECRET: SECRET, ...extra });

describe("MAIL-2 SEC-10 the dev mailbox exists only in development, tests, or on an explicit opt-in without a provider", () => {
  it("exists under npm run dev and in tests, unless switched off", () => {
    expect(devMailbox({ NODE_ENV: "development" })).toEqual({ enabled: true });
    expect(devMailbox({ NODE_ENV: "test" })).toEqual({ enabled: true });
    expect(devMailbox({ NODE_ENV: "development", ENABLE_DEV_MAILBOX: "0" })).toEqual({ enabled: false });
  });

  it("does not exist in production without an explicit ENABLE_DEV_MAILBOX=1, and the server refuses to start without a provider", () => {
    expect(devMailboxEnabled(production())).toBe(false);
    expect(() => assertReadyToServe(production())).toThrow(RESEND_REQUIRED_IN_PRODUCTION);
    expect(devMailboxEnabled(production({ RESEND_API_KEY: "re_live" }))).toBe(false);
    expect(() => assertReadyToServe(production({ RESEND_API_KEY: "re_live" }))).not.toThrow();
  });

  it("refuses ENABLE_DEV_MAILBOX=1 beside RESEND_API_KEY in production: no mailbox, and no start", () => {
    const settings = production({ RESEND_API_KEY: "re_live", ENABLE_DEV_MAILBOX: "1" });
    expect(devMailbox(settings)).toEqual({ enabled: false, refusal: DEV_MAILBOX_WITH_RESEND_REFUSED });
    expect(devMailboxEnabled(settings)).toBe(false);
    expect(() => assertReadyToServe(settings)).toThrow(DEV_MAILBOX_WITH_RESEND_REFUSED);
  });

  it("keeps the throw-away test server's mailbox: ENABLE_DEV_MAILBOX=1 and no provider", () => {
    const settings = production({ ENABLE_DEV_MAILBOX: "1" });
    expect(devMailboxEnabled(settings)).toBe(true);
    expect(() => assertReadyToServe(settings)).not.toThrow();
  });
});

describe("SEC-10 demo data only in development and on a throw-away test server", () => {
  it("is never loaded unless asked for", () => {
    expect(demoData({ requested: false, production: false, throwAwayDatabase: false })).toEqual({ seed: false });
    expect(demoData({ requested: false, production: true, throwAwayDatabase: true })).toEqual({ seed: false });
  });

  it("is refused in production, except on a database this run created", () => {
    expect(demoData({ requested: true, production: true, throwAwayDatabase: false })).toEqual({ seed: false, refusal: DEMO_DATA_REFUSED });
    expect(demoData({ requested: true, production: true, throwAwayDatabase: true })).toEqual({ seed: true });
    expect(demoData({ requested: true, production: false, throwAwayDatabase: false })).toEqual({ seed: true });
  });

  it("reads SEED_DEMO as 1, 0 or the command's default, and nothing else", () => {
    expect(demoDataRequested("1", false)).toBe(true);
    expect(demoDataRequested("0", true)).toBe(false);
    expect(demoDataRequested(undefined, true)).toBe(true);
    expect(demoDataRequested(undefined, false)).toBe(false);
    expect(() => demoDataRequested("oui", false)).toThrow(/SEED_DEMO/);
  });
});
