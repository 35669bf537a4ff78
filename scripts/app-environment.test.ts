import { describe, expect, it } from "vitest";
import { DEV_MAILBOX_WITH_RESEND_REFUSED } from "@/lib/dev-conveniences";
import { assertReadyToServe, devMailboxEnabled, parseEnv, RESEND_REQUIRED_IN_PRODUCTION } from "@/lib/env";
import { DEPLOYMENT } from "@/lib/testing/deployment";
import { appServerEnvironment } from "./app-environment";

const SECRET = "a-local-secret-that-is-long-enough-0123456789";
const start = (env: Record<string, string>, mode: "dev" | "start" = "start") =>
  parseEnv(appServerEnvironment({ mode, embedded: true, env, host: "127.0.0.1", port: "3000", localAuthSecret: () => SECRET }));

describe("MAIL-2 SEC-10 npm start on the embedded database implies no dev mailbox", () => {
  it("serves production without a mailbox, and refuses to start without a provider", () => {
    const config = start({});
    expect(config.NODE_ENV).toBe("production");
    expect(config.ENABLE_DEV_MAILBOX).toBeUndefined();
    expect(devMailboxEnabled(config)).toBe(false);
    expect(() => assertReadyToServe(config)).toThrow(RESEND_REQUIRED_IN_PRODUCTION);
  });

  it("sends through Resend with a key, and refuses the mailbox beside it", () => {
    expect(devMailboxEnabled(start({ RESEND_API_KEY: "re_live" }))).toBe(false);
    expect(() => assertReadyToServe(start({ ...DEPLOYMENT, RESEND_API_KEY: "re_live" }))).not.toThrow();
    expect(() => assertReadyToServe(start({ ...DEPLOYMENT, RESEND_API_KEY: "re_live", ENABLE_DEV_MAILBOX: "1" }))).toThrow(DEV_MAILBOX_WITH_RESEND_REFUSED);
  });

  it("keeps the mailbox of npm run dev and of the end-to-end test server (explicit ENABLE_DEV_MAILBOX=1)", () => {
    expect(devMailboxEnabled(start({}, "dev"))).toBe(true);
    expect(devMailboxEnabled(start({ ENABLE_DEV_MAILBOX: "1", SEED_DEMO: "1" }))).toBe(true);
  });
});
