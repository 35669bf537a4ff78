// Makes sure the end-to-end tests have a Chromium: PLAYWRIGHT_CHROMIUM_PATH, else Debian's
// chromium (installed with apt-get when this runs as root on Debian), else Playwright's own.
import { execSync } from "node:child_process";
import { existsSync } from "node:fs";

const run = (command) => execSync(command, { stdio: "inherit" });

if (process.env.PLAYWRIGHT_CHROMIUM_PATH) {
  if (!existsSync(process.env.PLAYWRIGHT_CHROMIUM_PATH)) {
    console.error(`PLAYWRIGHT_CHROMIUM_PATH=${process.env.PLAYWRIGHT_CHROMIUM_PATH} n'existe pas.`);
    process.exit(1);
  }
} else if (!existsSync("/usr/bin/chromium")) {
  if (existsSync("/usr/bin/apt-get") && process.getuid?.() === 0) {
    console.log("Installation de Chromium (paquet Debian chromium) pour les tests de bout en bout…");
    run("apt-get update -qq");
    run("DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium");
  } else {
    console.log("Chromium introuvable : installation du navigateur de Playwright…");
    run("npx playwright install chromium");
  }
}
