import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./fixtures/axe";
import { DEMO_PASSWORD, login } from "./fixtures/journeys";
import { pdfText } from "./fixtures/letters";

/** Yesterday's Paris calendar day, "YYYY-MM-DD": the last day of every period. */
function parisYesterday(): string {
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris" }).format(new Date());
  return new Date(Date.parse(`${today}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}

function dashboard(page: Page, title: string) {
  return page.getByRole("region", { name: title, exact: true });
}

/** Whitespace collapsed, the French thousands separator (a narrow no-break space) included. */
const flat = (text: string) => text.replace(/\s+/g, " ").trim();

// Dashboard pages are long (a table per chart): axe takes its time on the shared machines.
test.describe.configure({ timeout: 180_000 });

test.describe("DASH-1 DASH-3 DASH-5 dashboards by role and permission", () => {
  test("a user sees the portal and only the e-services they may use, with periods and error-report links", async ({ page }) => {
    // julien-bernard may use État civil and Urbanisme in Saint-Étienne, not the health e-service.
    await login(page, "julien-bernard", DEMO_PASSWORD);
    await page.getByRole("banner").getByRole("link", { name: "Tableaux de bord" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Tableaux de bord" })).toBeVisible();
    await expect(page.getByRole("main")).toContainText("Saint-Étienne");
    for (const title of ["Portail e-services", "État civil en ligne", "Autorisations d'urbanisme"]) {
      await expect(dashboard(page, title)).toBeVisible();
      await expect(dashboard(page, title)).toContainText(/Mis à jour le \d{1,2}(er)? \S+ \d{4} à \d{2}:\d{2}/);
    }
    await expect(page.getByRole("heading", { name: "Santé au travail des agents" })).toHaveCount(0);
    await expect(page.getByRole("link", { name: "30 derniers jours" })).toHaveAttribute("aria-current", "page");
    const portal = dashboard(page, "Portail e-services");
    // Issue 16 item 7: the dashboard opens with its summary (today's accounts, each flow against
    // the previous period); tables list the newest day first.
    await expect(portal.getByRole("term").filter({ hasText: "Comptes actifs" }).locator("..")).toContainText("aujourd'hui");
    await expect(portal.getByRole("term").filter({ hasText: "Connexions" }).locator("..")).toContainText("par rapport aux 30 jours précédents");
    const [year, month, date] = parisYesterday().split("-");
    await expect(portal.getByRole("table", { name: /Connexions/ }).getByRole("row").nth(1).getByRole("rowheader")).toHaveText(`${date}/${month}/${year}`);
    await expect(portal.getByRole("table", { name: /Comptes par statut/ })).toBeVisible();
    await expect(portal.getByRole("table", { name: /Comptes par statut/ }).getByRole("row")).toHaveCount(31);
    // DASH-5: each dashboard's report link names it and carries its key and the period.
    await expect(portal.getByRole("link", { name: "Signaler une erreur dans mes chiffres : tableau Portail e-services" })).toHaveAttribute(
      "href",
      "/aide?categorie=tableaux-de-bord&tableau=portail&periode=30j#assistance",
    );
    await expect(
      dashboard(page, "État civil en ligne").getByRole("link", { name: "Signaler une erreur dans mes chiffres : tableau État civil en ligne" }),
    ).toHaveAttribute("href", "/aide?categorie=tableaux-de-bord&tableau=etat-civil&periode=30j#assistance");
    await expectNoAxeViolations(page);

    await page.getByRole("link", { name: "12 derniers mois" }).click();
    await expect(page).toHaveURL(/periode=12m/);
    await expect(page.getByRole("link", { name: "12 derniers mois" })).toHaveAttribute("aria-current", "page");
    const civil = dashboard(page, "État civil en ligne");
    await expect(civil.getByRole("table").getByRole("row")).toHaveCount(13);
    await expect(civil.getByRole("link", { name: /Signaler une erreur/ })).toHaveAttribute("href", /tableau=etat-civil&periode=12m#assistance$/);
    await expectNoAxeViolations(page);

    // A forged period is the default one, not an error.
    await page.goto("/tableaux-de-bord?periode=%3Cscript%3E");
    await expect(page.getByRole("link", { name: "30 derniers jours" })).toHaveAttribute("aria-current", "page");

  });

  test("the administrator sees the dashboard of every e-service the organisation is subscribed to, its accounts as the console counts them", async ({ page }) => {
    await login(page, "claire-martin", DEMO_PASSWORD);
    // Issue 16 item 7: the dashboard's accounts agree with the console (it said 3 active /
    // 0 deactivated where the console said 2 / 1).
    await page.goto("/administration");
    const consoleCount = async (label: string) =>
      (await page.getByRole("region", { name: "Comptes de l'organisation" }).getByRole("listitem").filter({ hasText: label }).locator("p").first().textContent())!.trim();
    const [activeInConsole, deactivatedInConsole] = [await consoleCount("Actifs"), await consoleCount("Désactivés")];
    await page.goto("/tableaux-de-bord?periode=90j");
    for (const title of ["Portail e-services", "État civil en ligne", "Autorisations d'urbanisme", "Santé au travail des agents"]) {
      await expect(dashboard(page, title)).toBeVisible();
    }
    const summaryValue = (label: string) =>
      dashboard(page, "Portail e-services").getByRole("term").filter({ hasText: label }).locator("..").getByRole("definition").first();
    await expect(summaryValue("Comptes actifs")).toHaveText(activeInConsole);
    await expect(summaryValue("Comptes désactivés")).toHaveText(deactivatedInConsole);
    await expectNoAxeViolations(page);
  });

  test("an operator has no dashboard, and the export refuses them", async ({ page }) => {
    await login(page, "camille-roux", DEMO_PASSWORD);
    await page.goto("/tableaux-de-bord");
    await expect(page.getByText("n'est rattaché à aucune organisation")).toBeVisible();
    await expect(page.getByRole("table")).toHaveCount(0);
    await expectNoAxeViolations(page);
    const response = await page.request.get("/tableaux-de-bord/export?periode=30j");
    expect(response.status()).toBe(403);
  });
});

test.describe("DASH-4 PDF export", () => {
  test("the PDF icon downloads the dashboards with the organisation, the period and the figures shown on screen", async ({ page }) => {
    await login(page, "julien-bernard", DEMO_PASSWORD);
    await page.goto("/tableaux-de-bord?periode=12m");
    const period = flat((await page.getByRole("main").locator("p").first().textContent()) ?? "").match(/12 derniers mois \(du .+ au .+?\)/)?.[0];
    expect(period).toBeTruthy();

    // The figures on screen: the last two months of every table (newest first, right under
    // the header row), each row as "month figure figure…".
    const shown: string[] = [];
    for (const table of await page.getByRole("table").all()) {
      const rows = await table.getByRole("row").all();
      for (const row of rows.slice(1, 3)) {
        const header = (await row.getByRole("rowheader").textContent()) ?? "";
        shown.push([header, ...(await row.getByRole("cell").allTextContents())].map(flat).join(" "));
      }
    }
    expect(shown).toHaveLength(10);
    expect(shown.filter((row) => / [1-9]/.test(row)).length).toBeGreaterThan(3);

    // Issue 16 item 7: the button says what it does in visible text, not an icon only.
    const exportLink = page.getByRole("link", { name: "Exporter en PDF" });
    await expect(exportLink).toBeVisible();
    await expect(exportLink).toHaveAccessibleName("Exporter en PDF");
    await expect(exportLink.getByText("Exporter en PDF", { exact: true })).toBeVisible();
    const [download] = await Promise.all([page.waitForEvent("download"), exportLink.click()]);
    expect(download.suggestedFilename()).toMatch(/^tableaux-de-bord-saint-etienne-12m-\d{4}-\d{2}-\d{2}\.pdf$/);
    const text = flat(await pdfText(await readFile((await download.path())!)));
    expect(text).toContain("Saint-Étienne");
    expect(text).toContain(period!);
    expect(text).toMatch(/Mis à jour le \d{1,2}(er)? \S+ \d{4} à \d{2}:\d{2}/);
    for (const title of ["Comptes par statut", "Connexions", "État civil en ligne", "Autorisations d'urbanisme"]) expect(text).toContain(title);
    expect(text).not.toContain("Santé au travail");
    for (const row of shown) expect(text, `row "${row}" in the PDF`).toContain(row);
    await expectNoAxeViolations(page);
  });
});

test.describe("DASH-1 e-service figures API", () => {
  test("an operator creates a key; the e-service pushes a day's figures, shown to the organisation's users; a revoked key is refused", async ({ page, browser }) => {
    await login(page, "camille-roux", DEMO_PASSWORD);
    await page.goto("/operateur/catalogue");
    await page.getByRole("link", { name: "Modifier État civil en ligne" }).click();
    await expect(page.getByRole("heading", { name: "Clés d'API des chiffres" })).toBeVisible();
    await page.getByRole("button", { name: "Créer une clé d'API" }).click();
    const key = (await page.getByTestId("nouvelle-cle").textContent())!.trim();
    expect(key).toMatch(/^pes_[a-z2-7]{10}_[\w-]{43}$/);
    await expect(page.getByText("elle ne sera plus jamais affichée")).toBeVisible();
    await expectNoAxeViolations(page);

    const day = parisYesterday();
    const batch = {
      organisation: "42218",
      day,
      figures: [
        { metric: "actes_delivres", label: "Actes délivrés", value: 1234 },
        { metric: "demandes_recues", label: "Demandes d'actes reçues", value: 4321 },
      ],
    };
    const headers = { Authorization: `Bearer ${key}` };
    const stored = await page.request.post("/api/v1/figures", { headers, data: batch });
    expect(stored.status()).toBe(200);
    expect(await stored.json()).toMatchObject({ status: "stored", stored: 2, day });
    // Idempotent: the same batch again changes nothing.
    expect((await page.request.post("/api/v1/figures", { headers, data: batch })).status()).toBe(200);

    const invalid = await page.request.post("/api/v1/figures", { headers, data: { ...batch, figures: [{ metric: "demandes_recues", value: -3 }] } });
    expect(invalid.status()).toBe(422);
    expect(await invalid.json()).toMatchObject({ error: "invalid_batch", issues: [{ path: "figures.0.value" }] });
    // CU Grand Besançon Métropole is not subscribed to État civil: its figures are refused.
    const foreign = await page.request.post("/api/v1/figures", { headers, data: { ...batch, organisation: "242500361" } });
    expect(foreign.status()).toBe(403);

    const member = await browser.newPage();
    await login(member, "julien-bernard", DEMO_PASSWORD);
    await member.goto("/tableaux-de-bord?periode=30j");
    const table = dashboard(member, "État civil en ligne").getByRole("table");
    const [year, month, date] = day.split("-");
    const row = table.getByRole("row", { name: new RegExp(`^${date}/${month}/${year}\\b`) });
    await expect(row.getByRole("cell")).toHaveText(["1 234", "4 321"]);
    await member.close();

    const prefix = key.split("_")[1];
    await page.getByRole("button", { name: `Révoquer la clé ${prefix}` }).click();
    const confirmation = page.getByRole("dialog", { name: `Révoquer la clé ${prefix} ?` });
    await expect(confirmation).toContainText("ne pourra plus envoyer de chiffres avec cette clé");
    await expectNoAxeViolations(page);
    await confirmation.getByRole("button", { name: "Révoquer la clé", exact: true }).click();
    await expect(page.locator("#cles-message")).toContainText(`La clé ${prefix} est révoquée`);
    await expect(page.locator("#cles-message")).toBeFocused();
    const revoked = await page.request.post("/api/v1/figures", { headers, data: batch });
    expect(revoked.status()).toBe(401);
    expect(await revoked.json()).toMatchObject({ error: "revoked_api_key" });
    await expectNoAxeViolations(page);
  });
});
