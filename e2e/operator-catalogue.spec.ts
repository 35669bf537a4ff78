import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./fixtures/axe";
import { DEMO_PASSWORD, login } from "./fixtures/journeys";

test.describe("ADM operators manage the e-service catalogue", () => {
  test("an operator adds an e-service, then withdraws it from the catalogue; every page passes axe", async ({ page }) => {
    await login(page, "camille-roux", DEMO_PASSWORD);
    await page.goto("/operateur/catalogue");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole("link", { name: "Ajouter un e-service" }).click();
    await page.getByLabel("Nom", { exact: true }).fill("Gestion des cimetières");
    await page.getByLabel("Identifiant technique (slug)", { exact: true }).fill("cimetieres");
    await page.getByLabel("Description", { exact: true }).fill("Tenir le registre des concessions et des inhumations.");
    await page.getByLabel("Adresse de l'e-service", { exact: true }).fill("http://exemple-non-securise.example/");
    await page.getByLabel("Conditions d'utilisation", { exact: true }).fill("Les données des familles restent confidentielles.");
    await page.getByRole("button", { name: "Ajouter l'e-service" }).click();
    await expect(page.getByLabel("Adresse de l'e-service", { exact: true })).toHaveAttribute("aria-invalid", "true");
    await expectNoAxeViolations(page);
    await page.getByLabel("Adresse de l'e-service", { exact: true }).fill("https://cimetieres.e-services.example/");
    await page.getByRole("button", { name: "Ajouter l'e-service" }).click();
    await expect(page).toHaveURL(/\/operateur\/catalogue\/[0-9a-f-]{36}/);
    await expectNoAxeViolations(page);

    await page.getByLabel("Proposé aux organisations", { exact: true }).uncheck();
    await page.getByRole("button", { name: "Enregistrer" }).click();
    // The save is done once the page says so (the box is unticked before that already).
    await expect(page.getByText("Les modifications de l'e-service sont enregistrées.")).toBeVisible();
    await expect(page.getByLabel("Proposé aux organisations", { exact: true })).not.toBeChecked();
    await page.goto("/");
    await expect(page.getByRole("region", { name: "Les e-services proposés" })).not.toContainText("Gestion des cimetières");
  });
});
