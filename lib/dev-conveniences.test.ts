import { describe, expect, it } from "vitest";
import { DEMO_DATA_REFUSED, DEV_MAILBOX_WITH_RESEND_REFUSED, demoData, demoDataRequested, devMailbox } from "./dev-conveniences";
import { assertReadyToServe, devMailboxEnabled, parseEnv, RESEND_REQUIRED_IN_PRODUCTION } from "./env";
import { letterSender, supportContacts } from "./support-contacts";
import { DEPLOYMENT } from "./testing/deployment";

const SECRET = "a-test-secret-that-is-long-enough-0123456789";
const production = (extra: Record<string, string> = {}) => parseEnv({ NODE_ENV: "production", AUTH_SECRET: SECRET, ...DEPLOYMENT, ...extra });

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

describe("issue 16 item 3: production refuses to start without an https APP_URL, support contacts and a letter sender", () => {
  const bare = (extra: Record<string, string> = {}) =>
    parseEnv({ NODE_ENV: "production", AUTH_SECRET: SECRET, RESEND_API_KEY: "re_live", ...extra });

  it("refuses http://127.0.0.1 and names the setting in one sentence", () => {
    expect(() => assertReadyToServe(bare({ ...DEPLOYMENT, APP_URL: "http://127.0.0.1:3000" }))).toThrow(/APP_URL: doit commencer par https:\/\//);
  });

  it("refuses unset support contacts and letter sender, listing them", () => {
    expect(() => assertReadyToServe(bare({ APP_URL: "https://portail.example" }))).toThrow(
      /SUPPORT_EMAIL, SUPPORT_PHONE, SUPPORT_HOURS, LETTER_SENDER_NAME, LETTER_SENDER_ADDRESS, LETTER_CASE_OFFICER: obligatoires en production/,
    );
    expect(() => assertReadyToServe(bare(DEPLOYMENT))).not.toThrow();
  });

  it("prints the configuration, and development placeholders that say they are", () => {
    expect(supportContacts(bare(DEPLOYMENT))).toEqual({ email: "assistance@portail.example", phone: "01 23 45 67 89", hours: DEPLOYMENT.SUPPORT_HOURS });
    expect(letterSender(bare(DEPLOYMENT))).toEqual({
      name: "Syndicat mixte du numérique",
      address: ["2 rue de la Poste", "42000 SAINT ETIENNE"],
      caseOfficer: "Le service des e-services",
      logo: null,
    });
    const development = parseEnv({ NODE_ENV: "development" });
    expect(supportContacts(development).phone).toMatch(/développement/);
    expect(letterSender(development).name).toMatch(/développement/);
  });

  it("accepts a logo under public/ only", () => {
    expect(parseEnv({ LETTER_LOGO: "courrier/logo.png" }).LETTER_LOGO).toBe("courrier/logo.png");
    expect(() => parseEnv({ LETTER_LOGO: "../secret.png" })).toThrow(/LETTER_LOGO/);
    expect(() => parseEnv({ LETTER_LOGO: "/etc/logo.png" })).toThrow(/LETTER_LOGO/);
  });
});
