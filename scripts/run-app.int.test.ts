// `npm start` itself, as a process: what it refuses is refused before any database or server
// is started (on a regression, the child is stopped and its temporary database removed).
import { spawn } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DEMO_DATA_REFUSED, DEV_MAILBOX_WITH_RESEND_REFUSED } from "@/lib/dev-conveniences";
import { freePort } from "./database/embedded-server";

const dataDir = mkdtempSync(path.join(tmpdir(), "portail-run-app-"));
// Run as root, PostgreSQL runs as its own user, which must reach the data directory.
chmodSync(dataDir, 0o755);
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function npmStart(env: Record<string, string>, args: string[] = []): Promise<{ code: number | null; output: string }> {
  const child = spawn(
    path.resolve("node_modules", ".bin", "tsx"),
    ["--import", "./scripts/server-only-hook.mjs", "scripts/run-app.ts", "start", ...args],
    {
      // Only what a shell would give: none of the test run's DATABASE_URL, NODE_ENV or secrets.
      env: {
        NODE_ENV: "production",
        PATH: process.env.PATH ?? "",
        HOME: process.env.HOME ?? "",
        PORT: String(await freePort()),
        EMBEDDED_PG_PORT: String(await freePort()),
        EMBEDDED_PG_DIR: path.join(dataDir, "postgres"),
        ...env,
      },
    },
  );
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const timer = setTimeout(() => child.kill("SIGTERM"), 30_000);
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  clearTimeout(timer);
  return { code, output };
}

/** What production requires besides the e-mail provider (issue 16 item 3). */
const PRODUCTION_SETTINGS = {
  APP_URL: "https://portail.example",
  SUPPORT_EMAIL: "assistance@portail.example",
  SUPPORT_PHONE: "01 23 45 67 89",
  SUPPORT_HOURS: "du lundi au vendredi, de 9 h à 17 h",
  LETTER_SENDER_NAME: "Syndicat mixte du numérique",
  LETTER_SENDER_ADDRESS: "2 rue de la Poste|42000 SAINT ETIENNE",
  LETTER_CASE_OFFICER: "Le service des e-services",
};

describe("MAIL-2 SEC-10 npm start on the embedded database is production", () => {
  it("refuses to start without RESEND_API_KEY and without an explicit mailbox, saying how e-mails would go", async () => {
    const { code, output } = await npmStart({});
    expect(code).toBe(1);
    expect(output).toContain("RESEND_API_KEY: obligatoire en production");
    expect(output).not.toContain("PostgreSQL intégré démarré");
  });

  it("refuses ENABLE_DEV_MAILBOX=1 beside RESEND_API_KEY, and demo data outside a throw-away database", async () => {
    const mailbox = await npmStart({ RESEND_API_KEY: "re_live", ENABLE_DEV_MAILBOX: "1" });
    expect(mailbox.code).toBe(1);
    expect(mailbox.output.replace(/\s+/g, " ")).toContain(DEV_MAILBOX_WITH_RESEND_REFUSED);
    // Otherwise complete production settings: the demo data is what is refused.
    const demo = await npmStart({ RESEND_API_KEY: "re_live", SEED_DEMO: "1", ...PRODUCTION_SETTINGS });
    expect(demo.code).toBe(1);
    expect(demo.output.replace(/\s+/g, " ")).toContain(DEMO_DATA_REFUSED);
    expect(demo.output).not.toContain("PostgreSQL intégré démarré");
  });
});
