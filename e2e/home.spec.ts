import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./fixtures/axe";

test.describe("Foundation: the app shell in French", () => {
  test("the home page shows the portal, the catalogue from the database, and passes axe", async ({ page }) => {
    await page.goto("/");
    await expect(page).toHaveTitle("Les e-services de votre organisation – Portail e-services");
    await expect(page.locator("html")).toHaveAttribute("lang", "fr");

    const header = page.getByRole("banner");
    await expect(header.getByRole("link", { name: "Portail e-services" })).toBeVisible();
    await expect(header.getByRole("link", { name: "Se connecter" })).toHaveAttribute("href", "/connexion");

    await expect(page.getByRole("heading", { level: 1 })).toContainText("Les e-services de votre organisation");
    // The seeded catalogue, read from the database.
    const catalogue = page.getByRole("region", { name: "Les e-services proposés" });
    await expect(catalogue.getByRole("listitem")).toHaveCount(6);
    await expect(catalogue).toContainText("Santé au travail des agents");

    const footer = page.getByRole("contentinfo");
    for (const name of ["Aide", "Accessibilité : non conforme", "Cookies", "Mentions légales"]) {
      await expect(footer.getByRole("link", { name })).toBeVisible();
    }
    await expectNoAxeViolations(page);
  });

  test("the skip link moves the keyboard to the content", async ({ page }) => {
    await page.goto("/");
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Aller au contenu" });
    await expect(skip).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.locator("main")).toBeFocused();
  });

  test("the footer pages exist in French and pass axe", async ({ page }) => {
    for (const [path, title] of [
      ["/cookies", "Cookies"],
      ["/mentions-legales", "Mentions légales"],
      ["/accessibilite", "Déclaration d'accessibilité"],
    ] as const) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
      await expectNoAxeViolations(page);
    }
    await expect(page.getByText("non conforme", { exact: false }).first()).toBeVisible();
  });

  test("an unknown address shows the French 404 page", async ({ page }) => {
    const response = await page.goto("/cette-page-n-existe-pas");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page introuvable");
    await expect(page.getByRole("link", { name: "Retour à l'accueil" })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test("GET /api/health reports the database", async ({ request }) => {
    const response = await request.get("/api/health");
    expect(response.status()).toBe(200);
    expect(await response.json()).toMatchObject({ status: "ok", database: "ok" });
  });

  test("the public files: robots.txt, favicon and the French web manifest, linked from every page", async ({ page, request }) => {
    const robots = await request.get("/robots.txt");
    expect(robots.status()).toBe(200);
    expect(robots.headers()["content-type"]).toMatch(/^text\/plain/);
    const disallowed = (await robots.text()).match(/^Disallow: (\S+)$/gm)?.map((line) => line.slice("Disallow: ".length));
    expect(disallowed).toEqual(expect.arrayContaining(["/administration", "/operateur", "/espace", "/api", "/dev"]));

    for (const [path, type] of [
      ["/favicon.ico", "image/x-icon"],
      ["/favicon.svg", "image/svg+xml"],
      ["/apple-touch-icon.png", "image/png"],
    ] as const) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(200);
      expect(response.headers()["content-type"], path).toBe(type);
    }

    const manifest = await request.get("/manifest.webmanifest");
    expect(manifest.status()).toBe(200);
    expect(manifest.headers()["content-type"]).toMatch(/^application\/manifest\+json/);
    const body = (await manifest.json()) as { name: string; lang: string; icons: { src: string; type: string }[] };
    expect(body).toMatchObject({ name: "Portail e-services", lang: "fr" });
    for (const icon of body.icons) {
      const response = await request.get(icon.src);
      expect(response.status(), icon.src).toBe(200);
      expect(response.headers()["content-type"], icon.src).toBe(icon.type);
    }

    await page.goto("/connexion");
    await expect(page.locator('link[rel="manifest"]')).toHaveAttribute("href", "/manifest.webmanifest");
    await expect(page.locator('link[rel="icon"][href^="/favicon.svg"]')).toHaveCount(1);
  });

  test("security headers are sent (SEC-4)", async ({ request }) => {
    const response = await request.get("/");
    expect(response.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(response.headers()["x-content-type-options"]).toBe("nosniff");
  });

  test("SEC-4 scripts run only with the request's nonce, and the pages still work", async ({ page }) => {
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/Content[- ]Security[- ]Policy/i.test(message.text())) violations.push(message.text());
    });
    const first = await page.goto("/inscription");
    const policy = first!.headers()["content-security-policy"];
    const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
    expect(nonce).toBeTruthy();
    expect(policy).not.toContain("'unsafe-inline' 'nonce");
    expect(policy).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'(;|$)/);
    // Next.js's inline scripts carry that nonce (the browser hides it from getAttribute).
    const inlineScripts = await page.locator("script:not([src])").evaluateAll((scripts) => scripts.map((script) => (script as HTMLScriptElement).nonce));
    expect(inlineScripts.length).toBeGreaterThan(0);
    expect(inlineScripts.every((value) => value === nonce)).toBe(true);
    // Hydrated: the live identifier preview reacts to typing.
    await page.getByLabel("Prénom").fill("Émile");
    await page.getByLabel("Nom", { exact: true }).fill("Zola");
    await expect(page.getByText("Votre identifiant sera")).toContainText("emile-zola");
    const second = await page.request.get("/inscription");
    expect(second.headers()["content-security-policy"]).not.toContain(`'nonce-${nonce}'`);
    expect(violations).toEqual([]);
  });
});
