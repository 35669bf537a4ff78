import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./fixtures/axe";
import { DEMO_PASSWORD, login, logout, registerAndActivate } from "./fixtures/journeys";

test.describe("ADM-1 ADM-2 ADM-3 ADM-4 ADM-5 the administrator's console and e-service access", () => {
  test("subscribe, validate a user, grant the e-service to that user and to oneself; the user opens it; others are refused with the reason", async ({ page, request }) => {
    const email = `ines.vidal.${Date.now()}@grand-besancon.example`;
    const identifier = await registerAndActivate(page, request, {
      organisationQuery: "grand besancon",
      organisationName: "CU Grand Besançon Métropole",
      firstName: "Inès",
      lastName: "Vidal",
      email,
      password: "Doubs-Riviere-2026",
      role: "Utilisateur",
    });

    await login(page, "marc-lefebvre", DEMO_PASSWORD);
    await page.goto("/administration/abonnements");
    await expectNoAxeViolations(page);
    const urbanisme = page.getByRole("region", { name: "Autorisations d'urbanisme" });
    await urbanisme.getByLabel("J'accepte les conditions d'utilisation de l'e-service « Autorisations d'urbanisme »").check();
    await urbanisme.getByRole("button", { name: "S'abonner à Autorisations d'urbanisme" }).click();
    await expect(page.getByRole("region", { name: "Autorisations d'urbanisme" }).getByRole("button", { name: /Mettre fin à l'abonnement/ })).toBeVisible();

    await page.goto("/administration/comptes");
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: "Valider Inès Vidal" }).click();
    // Issue 16 item 6: the answer takes the focus, the row leaves "À valider" without a reload.
    await expect(page.locator("#decision-message")).toContainText("Compte validé : Inès Vidal.");
    await expect(page.locator("#decision-message")).toBeFocused();
    await expect(page.getByRole("button", { name: "Valider Inès Vidal" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Refuser Inès Vidal" })).toHaveCount(0);

    await page.goto("/administration/permissions");
    await page.getByRole("checkbox", { name: "Autoriser Inès Vidal à utiliser Autorisations d'urbanisme" }).check();
    await page.getByRole("checkbox", { name: "Autoriser Marc Lefebvre à utiliser Autorisations d'urbanisme" }).check();
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: "Enregistrer les modifications" }).click();
    // Saved once the page says so (the boxes are ticked in the browser before that already).
    await expect(page.getByText("Enregistré : 2 permissions accordées.")).toBeVisible();
    await page.reload();
    await expect(page.getByRole("checkbox", { name: "Autoriser Inès Vidal à utiliser Autorisations d'urbanisme" })).toBeChecked();
    await expect(page.getByRole("checkbox", { name: "Autoriser Marc Lefebvre à utiliser Autorisations d'urbanisme" })).toBeChecked();

    await page.goto("/administration/journal");
    await expect(page.getByRole("cell", { name: "E-service attribué" }).first()).toBeVisible();
    await expect(page.getByRole("cell", { name: "Compte validé" }).first()).toBeVisible();
    await expectNoAxeViolations(page);
    // DEP-4: the journal downloads with the page's filters, as the session's organisation.
    await page.getByLabel("Action", { exact: true }).selectOption({ label: "E-service attribué" });
    await page.getByRole("button", { name: "Filtrer" }).click();
    const csvLink = page.getByRole("link", { name: "Télécharger (CSV)" });
    await expect(csvLink).toHaveAttribute("href", "/administration/journal/export?action=permission.granted&format=csv");
    await expect(page.getByRole("link", { name: "Télécharger (JSON lignes)" })).toHaveAttribute("href", /format=jsonl/);
    const csv = await page.request.get((await csvLink.getAttribute("href"))!);
    expect(csv.headers()["content-type"]).toContain("text/csv");
    const csvText = await csv.text();
    expect(csvText).toContain("Date (heure de Paris);Action;");
    expect(csvText).toContain("E-service attribué");
    expect(csvText).not.toContain("Compte validé");
    await expectNoAxeViolations(page);
    await logout(page);

    // The user sees exactly the e-service granted, and opens it (its address: it starts its own OpenID Connect login, SSO-6).
    await login(page, identifier, "Doubs-Riviere-2026");
    await page.goto("/e-services");
    await expect(page.getByRole("main")).toContainText("Autorisations d'urbanisme");
    await expect(page.getByRole("main")).not.toContainText("Paie et ressources humaines");
    await expectNoAxeViolations(page);
    let handedOver: URL | null = null;
    await page.route("https://urbanisme.e-services.example/**", async (route) => {
      handedOver = new URL(route.request().url());
      await route.fulfill({ contentType: "text/html", body: "<!doctype html><html lang='fr'><title>Urbanisme</title><h1>Urbanisme</h1></html>" });
    });
    await page.getByRole("button", { name: /Ouvrir.*Autorisations d'urbanisme|Ouvrir/ }).first().click();
    await expect(page).toHaveURL(/urbanisme\.e-services\.example/);
    expect(handedOver!.searchParams.get("jeton")).toBeNull();
  });

  test("a user without permission is refused with the reason and whom to ask", async ({ page }) => {
    // julien-bernard may use two of Saint-Étienne's e-services, not the health one.
    await login(page, "julien-bernard", DEMO_PASSWORD);
    await page.goto("/e-services/sante-au-travail");
    await expect(page.getByText("Vous n'avez pas la permission d'utiliser cet e-service").first()).toBeVisible();
    await expect(page.getByRole("main")).toContainText("Claire Martin");
    // ADM-6: a health-data e-service's page says access is limited to the holder of the credentials.
    await expect(page.getByRole("main")).toContainText("strictement réservé au titulaire des identifiants");
    await expectNoAxeViolations(page);
    // Nothing to open from there, and the console is out of reach.
    await expect(page.getByRole("button", { name: "Ouvrir l'e-service" })).toHaveCount(0);
    const response = await page.goto("/administration");
    expect(response?.status()).toBe(403);
  });
});
