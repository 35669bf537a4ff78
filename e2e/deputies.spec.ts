import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./fixtures/axe";
import { DEMO_PASSWORD, login, logout, registerAndActivate } from "./fixtures/journeys";
import { confirmAsLegalRepresentative, letterFor } from "./fixtures/letters";
import { waitForMessage } from "./fixtures/mailbox";

const OPERATOR = "camille-roux";

async function validateInConsole(page: Page, name: string) {
  await page.goto("/administration/comptes");
  await page.getByRole("button", { name: `Valider ${name}` }).click();
  await expect(page.locator("#decision-message")).toContainText(`Compte validé : ${name}.`);
}

async function designate(page: Page, identifier: string) {
  await page.goto("/administration/suppleants");
  await page.getByLabel("Identifiant ou adresse électronique de la personne").fill(identifier);
  await page.getByRole("button", { name: "Désigner un suppléant" }).click();
  await expect(page.getByText(/est désigné suppléant/)).toBeVisible();
}

async function acceptDesignation(page: Page, request: APIRequestContext, email: string) {
  await waitForMessage(request, email, /Vous êtes désigné administrateur suppléant/);
  await page.goto("/espace");
  const section = page.getByRole("region", { name: "Administrateur suppléant" });
  await expect(section).toContainText("Rien ne change tant que vous n'avez pas accepté");
  await expectNoAxeViolations(page);
  await section.getByRole("button", { name: "Accepter le rôle de suppléant" }).click();
  await expect(page.getByText("Vous êtes maintenant administrateur suppléant")).toBeVisible();
}

test.describe("DEP-1 deputy administrators", () => {
  test("the administrator designates a deputy, who accepts from Mon espace and validates a newcomer; subscriptions and deputies stay with the administrator", async ({ page, request }) => {
    const stamp = Date.now();
    const deputyEmail = `ines.relais.${stamp}@saint-etienne-test.example`;
    const deputy = await registerAndActivate(page, request, {
      organisationQuery: "42218",
      organisationName: "Saint-Étienne",
      firstName: "Inès",
      lastName: "Relais",
      email: deputyEmail,
      password: "Tilleul-Vert-2026",
      role: "Utilisateur",
    });

    await login(page, "claire-martin", DEMO_PASSWORD);
    await validateInConsole(page, "Inès Relais");
    await page.goto("/administration/suppleants");
    await expect(page.getByRole("heading", { name: "Suppléants", level: 1 })).toBeVisible();
    await expectNoAxeViolations(page);
    await designate(page, deputy);
    await expect(page.getByRole("region", { name: "Qui administre l'organisation" }).getByRole("row").filter({ hasText: "Inès Relais" })).toContainText("Suppléant (en attente)");
    await expectNoAxeViolations(page);
    await logout(page);

    // A newcomer registers meanwhile.
    await registerAndActivate(page, request, {
      organisationQuery: "42218",
      organisationName: "Saint-Étienne",
      firstName: "Noé",
      lastName: "Nouveau",
      email: `noe.nouveau.${stamp}@saint-etienne-test.example`,
      password: "Chene-Rouge-2026",
      role: "Utilisateur",
    });

    await login(page, deputy, "Tilleul-Vert-2026");
    await acceptDesignation(page, request, deputyEmail);
    await expectNoAxeViolations(page);
    await page.getByRole("banner").getByRole("link", { name: "Administration" }).click();
    await expect(page.getByRole("heading", { name: "Administration", level: 1 })).toBeVisible();
    await expect(page.getByRole("main")).toContainText("vous êtes administrateur suppléant");
    const managers = page.getByRole("region", { name: "Qui administre l'organisation" });
    await expect(managers.getByRole("row").filter({ hasText: "Claire Martin" })).toContainText("Administrateur");
    await expect(managers.getByRole("row").filter({ hasText: "Inès Relais" })).toContainText("Suppléant");
    await expect(page.getByRole("navigation", { name: "Console d'administration" }).getByRole("link", { name: "Abonnements" })).toHaveCount(0);
    await expectNoAxeViolations(page);

    await validateInConsole(page, "Noé Nouveau");
    await page.goto("/administration/comptes?statut=ACTIVE&q=relais");
    await expect(page.getByRole("row").filter({ hasText: "Inès Relais" })).toContainText("Suppléant");
    await expectNoAxeViolations(page);

    // What stays with the administrator: 403 for the deputy.
    expect((await page.goto("/administration/abonnements"))?.status()).toBe(403);
    expect((await page.goto("/administration/suppleants"))?.status()).toBe(403);
    await logout(page);

    // The administrator sees the journal of it, then withdraws the role.
    await login(page, "claire-martin", DEMO_PASSWORD);
    await page.goto("/administration/journal");
    await expect(page.getByRole("cell", { name: "Rôle de suppléant accepté" }).first()).toBeVisible();
    await page.goto("/administration/suppleants");
    await page.getByRole("button", { name: "Retirer le rôle de suppléant à Inès Relais" }).click();
    await page.getByRole("dialog", { name: "Retirer le rôle de suppléant à Inès Relais ?" }).getByRole("button", { name: "Retirer le rôle" }).click();
    await expect(page.locator("#deputy-message")).toBeFocused();
    await expect(page.locator("#deputy-message")).toContainText("Inès Relais n'est plus suppléant");
    await expect(page.getByRole("button", { name: "Retirer le rôle de suppléant à Inès Relais" })).toHaveCount(0);
    await waitForMessage(request, deputyEmail, /Vous n'êtes plus administrateur suppléant/);
    await logout(page);
  });
});

test.describe("DEP-2 continuity: the administrator is gone, a deputy becomes administrator through the letter", () => {
  test("administrator closes their account → deputy told → asks for the role → letter names the deputy → legal representative confirms → deputy is administrator", async ({ page, request }) => {
    const stamp = Date.now();
    const organisation = { organisationQuery: "68066", organisationName: "Colmar" };
    const administrator = await registerAndActivate(page, request, {
      ...organisation,
      firstName: "Aline",
      lastName: "Premiere",
      email: `aline.${stamp}@colmar-test.example`,
      password: "Cigogne-Blanche-68",
      role: "Administrateur",
    });
    const first = await letterFor(page, "Colmar");
    await confirmAsLegalRepresentative(page, first.number, first.code);

    const deputyEmail = `berthe.${stamp}@colmar-test.example`;
    const deputy = await registerAndActivate(page, request, {
      ...organisation,
      firstName: "Berthe",
      lastName: "Relève",
      email: deputyEmail,
      password: "Vosges-Sapin-68",
      role: "Utilisateur",
    });
    await login(page, administrator, "Cigogne-Blanche-68");
    await validateInConsole(page, "Berthe Relève");
    await designate(page, deputy);
    await logout(page);
    await login(page, deputy, "Vosges-Sapin-68");
    await acceptDesignation(page, request, deputyEmail);
    await logout(page);

    // The administrator leaves: closing the account deactivates it.
    await login(page, administrator, "Cigogne-Blanche-68");
    await page.goto("/espace/donnees");
    const closing = page.getByRole("region", { name: "Fermer mon compte" });
    await closing.getByLabel("Mot de passe actuel").fill("Cigogne-Blanche-68");
    await closing.getByLabel("Je confirme vouloir fermer mon compte").check();
    await closing.getByRole("button", { name: "Fermer mon compte" }).click();
    await expect(page).toHaveURL(/\/connexion/);

    await waitForMessage(request, deputyEmail, /Colmar n'a plus d'administrateur actif/);
    await login(page, deputy, "Vosges-Sapin-68");
    await page.goto("/espace");
    await expect(page.getByText("Votre organisation n'a plus d'administrateur actif")).toBeVisible();
    await expectNoAxeViolations(page);
    // The deputy carries on in the console meanwhile.
    await page.goto("/administration");
    await expect(page.getByRole("region", { name: "Qui administre l'organisation" })).toContainText("n'a plus d'administrateur actif");
    await page.goto("/espace");
    await page.getByRole("button", { name: "Devenir administrateur" }).click();
    await expect(page.getByRole("region", { name: "Administrateur de mon organisation" })).toContainText(/Demande n° DA-\d{4}-\d{4} en cours/);
    await logout(page);

    const second = await letterFor(page, "Colmar");
    expect(second.number).not.toBe(first.number);
    expect(second.text.replace(/\s+/g, " ")).toContain("aujourd'hui administratrice suppléante");
    expect(second.text).toContain("Relève");

    // The operator's home lists organisations nobody runs: Colmar is not one (a deputy runs it).
    await login(page, OPERATOR, DEMO_PASSWORD);
    await page.goto("/operateur");
    await expect(page.getByRole("heading", { name: /Organisations sans administrateur ni suppléant/ })).toBeVisible();
    await expect(page.getByRole("region", { name: /Organisations sans administrateur ni suppléant/ })).not.toContainText("Colmar");
    await expectNoAxeViolations(page);
    await logout(page);

    await confirmAsLegalRepresentative(page, second.number, second.code);
    await waitForMessage(request, deputyEmail, /Vous êtes administrateur de Colmar/);
    await login(page, deputy, "Vosges-Sapin-68");
    await page.goto("/administration/suppleants");
    await expect(page.getByRole("heading", { name: "Suppléants", level: 1 })).toBeVisible();
    const managers = page.getByRole("region", { name: "Qui administre l'organisation" });
    await expect(managers.getByRole("row").filter({ hasText: "Berthe Relève" })).toContainText("Administrateur");
    await expect(managers).not.toContainText("Suppléant (en attente)");
    await expectNoAxeViolations(page);
  });
});
