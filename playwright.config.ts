import { existsSync } from "node:fs";
import { defineConfig } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${PORT}`;

// Debian's chromium by default (Playwright's own download is not reachable here);
// PLAYWRIGHT_CHROMIUM_PATH overrides it, and without either Playwright uses its own browser.
const executablePath =
  process.env.PLAYWRIGHT_CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

export default defineConfig({
  testDir: "e2e",
  // Operator journeys may wait for the next 30-second TOTP step before signing in (MFA-3).
  timeout: 120_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: [["list"]],
  use: {
    baseURL,
    locale: "fr-FR",
    timezoneId: "Europe/Paris",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: {
    // A production build on a fresh embedded database of its own, on 127.0.0.1.
    command: "npm run build && tsx --import ./scripts/server-only-hook.mjs scripts/run-app.ts start --fresh",
    url: `${baseURL}/api/health`,
    timeout: 600_000,
    // E2E_REUSE=1 reuses a server already listening (local iteration); CI always starts its own.
    reuseExistingServer: process.env.E2E_REUSE === "1" && !process.env.CI,
    stdout: "ignore",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
    env: {
      PORT: String(PORT),
      EMBEDDED_PG_DIR: ".data/e2e-postgres",
      EMBEDDED_PG_PORT: process.env.E2E_PG_PORT ?? "54339",
      // A throw-away test server (--fresh on the embedded database): the only production
      // server allowed the dev mailbox (no RESEND_API_KEY) and the demo accounts (SEC-10).
      ENABLE_DEV_MAILBOX: "1",
      SEED_DEMO: "1",
      // WebAuthn refuses IP addresses: the passkey journeys (e2e/mfa.spec.ts) use localhost.
      WEBAUTHN_RP_ID: "localhost",
      WEBAUTHN_ORIGIN: `http://localhost:${PORT}`,
    },
  },
});
