import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./fixtures/axe";
import { DEMO_PASSWORD, login } from "./fixtures/journeys";

test.describe("ORG-3 ORG-4 operators keep the directory and its postal addresses", () => {
  test("an operator completes an EPCI's address, creates an organisation with a checked code, and every page passes axe", async ({ page }) => {
    await login(page, "camille-roux", DEMO_PASSWORD);
    await page.goto("/operateur");
    await expectNoAxeViolations(page);
    await page.getByRole("link", { name: "Organisations" }).click();
    await page.getByLabel("Rechercher une organisation").fill("rennes metropole");
    await page.getByRole("button", { name: "Rechercher" }).click();
    await expectNoAxeViolations(page);
    await page.getByRole("link", { name: /Modifier.*Rennes Métropole/ }).click();
    await expect(page.getByText("Adresse incomplète")).toBeVisible();
    await expectNoAxeViolations(page);

    await page.getByLabel("Numéro et voie", { exact: true }).fill("4 avenue Henri Fréville");
    await page.getByLabel("Code postal", { exact: true }).fill("35200");
    await page.getByLabel("Ville", { exact: true }).fill("Rennes");
    await page.getByRole("button", { name: "Enregistrer" }).click();
    await expect(page.getByText("35200 RENNES").first()).toBeVisible();

    await page.goto("/operateur/organisations/nouvelle");
    await page.getByLabel("Nom", { exact: true }).fill("Caisse de test des agents");
    await page.getByLabel("Type d'organisation", { exact: true }).selectOption({ label: "Organisme public" });
    await page.getByLabel("Code organisation", { exact: true }).fill("12345RH");
    await page.getByLabel("Titre du représentant légal", { exact: true }).fill("Directeur");
    await page.getByRole("button", { name: "Créer l'organisation" }).click();
    await expect(page.getByText(/6 chiffres suivis de «\sRH\s»|123456RH/).first()).toBeVisible();
    await expect(page.getByLabel("Code organisation", { exact: true })).toBeFocused();
    await expectNoAxeViolations(page);
    await page.getByLabel("Code organisation", { exact: true }).fill(" 123456rh ");
    await page.getByRole("button", { name: "Créer l'organisation" }).click();
    await expect(page).toHaveURL(/\/operateur\/organisations\/[0-9a-f-]{36}/);
    await expect(page.getByLabel("Code organisation", { exact: true })).toHaveValue("123456RH");
  });
});
