import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./fixtures/axe";
import { DEMO_PASSWORD, login, logout, registerAndActivate } from "./fixtures/journeys";
import { letterFor, submitCodes } from "./fixtures/letters";

const OPERATOR = "camille-roux";

test.describe("LR-1 to LR-6 the legal representative confirms the administrator with the letter's codes", () => {
  test("register as administrator → letter in the courrier queue → codes typed by the legal representative → console", async ({ page, request }) => {
    const email = `helene.morel.${Date.now()}@besancon-test.example`;
    const identifier = await registerAndActivate(
      page,
      request,
      { organisationQuery: "besancon", organisationName: "Besançon", firstName: "Hélène", lastName: "Morel", email, password: "Citadelle-Vauban-25", role: "Administrateur" },
      { axe: true },
    );
    await expect(page.getByText(/Votre demande pour devenir administrateur de/)).toBeVisible();

    // The operator prints the letter (one PDF per letter, and the day's batch).
    const { number, code, text } = await letterFor(page, "Besançon", { axe: true });
    expect(text).toContain("Hélène");
    expect(text).toContain("Morel");
    expect(text).toContain("BESANCON");
    expect(text).toContain("/validation-administrateur");
    // Issue 16 item 3: the configured sender signs it, and the address is printed in short form.
    expect(text).toContain("Affaire suivie par");
    expect(text).not.toContain("http://");

    await login(page, OPERATOR, DEMO_PASSWORD);
    await page.goto("/operateur/courrier");
    const [batch] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: /Télécharger le lot à imprimer/ }).click()]);
    expect(batch.suggestedFilename()).toMatch(/^courriers-\d{4}-\d{2}-\d{2}\.pdf$/);
    const row = page.getByRole("row").filter({ hasText: number });
    // Issue 16 item 3: the directory has no street for Besançon: flagged, not pre-selected;
    // the operator posts it knowingly.
    await expect(row).toContainText("Adresse incomplète (pas de numéro ni de voie)");
    await expect(row.getByRole("checkbox")).not.toBeChecked();
    await row.getByRole("checkbox").check();
    await page.getByRole("row").filter({ hasNotText: number }).getByRole("checkbox").evaluateAll((boxes) => boxes.forEach((box) => ((box as HTMLInputElement).checked = false)));
    await page.getByRole("button", { name: "Marquer comme posté" }).click();
    await expect(page.getByText(/marqué comme posté/)).toBeVisible();
    await expect(page.getByRole("region", { name: "Historique", exact: true })).toContainText(number);
    await expect(page.getByRole("region", { name: "Historique", exact: true }).getByRole("row").filter({ hasText: number })).toContainText(
      "Posté · En attente du représentant légal",
    );
    await expectNoAxeViolations(page);
    await logout(page);

    // The legal representative: a typo first, then the code as printed, typed loosely.
    await submitCodes(page, number, "2222-3333-4444");
    await expect(page.getByRole("alert").filter({ hasText: "Il reste 4 essais" })).toBeVisible();
    await expectNoAxeViolations(page);
    await submitCodes(page, number.replace(/-/g, " ").toLowerCase(), code.toLowerCase().replace(/-/g, " "));
    await expect(page.getByRole("heading", { name: "Vérifiez la demande avant de la confirmer" })).toBeVisible();
    await expect(page.getByText("Hélène Morel")).toBeVisible();
    await expect(page.getByText("Besançon", { exact: true })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: "Confirmer cet administrateur" }).click();
    await expect(page.getByRole("heading", { name: "Administrateur confirmé" })).toBeVisible();
    await expectNoAxeViolations(page);

    // The new administrator reaches the console.
    await login(page, identifier, "Citadelle-Vauban-25");
    await page.getByRole("banner").getByRole("link", { name: "Administration" }).click();
    await expect(page.getByRole("heading", { name: "Administration", level: 1 })).toBeVisible();
    await expect(page.getByRole("main")).toContainText("Besançon");
    await expectNoAxeViolations(page);
  });

  test("a superseded request's codes are refused, and 5 wrong codes lock a request", async ({ page, request }) => {
    const stamp = Date.now();
    await registerAndActivate(page, request, { organisationQuery: "quimper", organisationName: "Quimper", firstName: "Anaïs", lastName: "Le Goff", email: `anais.${stamp}@quimper-test.example`, password: "Odet-Riviere-29", role: "Administrateur" });
    const first = await letterFor(page, "Quimper");
    await registerAndActivate(page, request, { organisationQuery: "quimper", organisationName: "Quimper", firstName: "Yann", lastName: "Kerguelen", email: `yann.${stamp}@quimper-test.example`, password: "Odet-Riviere-30", role: "Administrateur" });
    const second = await letterFor(page, "Quimper");
    expect(second.number).not.toBe(first.number);

    await submitCodes(page, first.number, first.code);
    await expect(page.getByRole("alert").filter({ hasText: "remplacée par une demande plus récente" })).toBeVisible();

    for (let attempt = 1; attempt <= 4; attempt += 1) {
      await submitCodes(page, second.number, "ZZZZ-ZZZZ-ZZZ" + String(attempt + 1));
      await expect(page.getByRole("alert").filter({ hasText: "Code de confirmation incorrect" })).toBeVisible();
    }
    await submitCodes(page, second.number, "2345-6789-ABCD");
    await expect(page.getByRole("alert").filter({ hasText: "bloquée après 5 codes erronés" })).toBeVisible();
    await submitCodes(page, second.number, second.code);
    await expect(page.getByRole("alert").filter({ hasText: "bloquée" })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test("only operators reach the courrier queue and its PDFs", async ({ page }) => {
    await login(page, "claire-martin", DEMO_PASSWORD);
    const response = await page.goto("/operateur/courrier");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "Accès refusé" })).toBeVisible();
    expect((await page.request.get("/operateur/courrier/lot")).status()).toBe(403);
    await expectNoAxeViolations(page);
  });
});
