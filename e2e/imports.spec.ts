import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./fixtures/axe";
import { DEMO_PASSWORD, login, logout } from "./fixtures/journeys";
import { linkPath, waitForMessage } from "./fixtures/mailbox";

test.describe("BULK-1 BULK-3 BULK-4 accounts created from management software", () => {
  test("upload, preview, confirm, progress to 100 %, welcome e-mails, listings, activation with a chosen password", async ({ page, request }) => {
    test.setTimeout(180_000);
    const stamp = Date.now();
    const first = { firstName: "Océane", lastName: `Import${stamp}`, email: `oceane.${stamp}@eleves-saint-etienne.example` };
    const second = { firstName: "Mathis", lastName: `Import${stamp}`, email: `mathis.${stamp}@eleves-saint-etienne.example` };
    // Windows-1252 is the other accepted encoding; this file is UTF-8 with a BOM, semicolons, a quoted value.
    const csv =
      "\uFEFFCivilité;Prénom;Nom;Adresse électronique;Catégorie;E-services;Date d'ouverture\r\n" +
      `Madame;${first.firstName};${first.lastName};${first.email};"Seconde; groupe A";etat-civil;\r\n` +
      `Monsieur;${second.firstName};${second.lastName};${second.email};Seconde;Paie et ressources humaines;\r\n` +
      `Madame;Sans;Adresse;pas-une-adresse;Seconde;;\r\n`;

    await login(page, "claire-martin", DEMO_PASSWORD);
    await page.goto("/administration");
    await page.getByRole("navigation", { name: "Console d'administration" }).getByRole("link", { name: "Imports" }).click();
    await expect(page.getByRole("heading", { name: "Imports de comptes" })).toBeVisible();
    await expectNoAxeViolations(page);

    // A file without the mandatory columns is refused with a clear message, nothing written.
    await page.getByLabel("Fichier CSV").setInputFiles({ name: "mauvais.csv", mimeType: "text/csv", buffer: Buffer.from("nom;prénom\nRoux;Léa\n") });
    await page.getByRole("button", { name: "Analyser le fichier" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "il manque" })).toBeVisible();
    await expectNoAxeViolations(page);

    await page.getByLabel("Fichier CSV").setInputFiles({ name: "eleves.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") });
    await page.getByRole("button", { name: "Analyser le fichier" }).click();
    await expect(page.getByRole("heading", { name: /Aperçu de l'import\s:\seleves\.csv/ })).toBeVisible();
    const rows = page.getByRole("table").getByRole("row");
    await expect(rows.filter({ hasText: first.email })).toContainText("créé");
    await expect(rows.filter({ hasText: second.email })).toContainText("créé");
    await expect(rows.filter({ hasText: second.email })).toContainText("n'y est pas abonnée : Paie et ressources humaines");
    await expect(rows.filter({ hasText: "pas-une-adresse" })).toContainText("refusé");
    await expect(rows.filter({ hasText: "pas-une-adresse" })).toContainText("Adresse électronique « pas-une-adresse » invalide");
    await expectNoAxeViolations(page);
    // Nothing is written before the confirmation: no e-mail yet.
    const mailbox = await request.get(`/api/dev/mailbox?to=${encodeURIComponent(first.email)}`);
    expect(await mailbox.json()).toEqual([]);

    await page.getByRole("button", { name: "Confirmer l'import" }).click();
    await expect(page.getByText("Import confirmé : il est appliqué en arrière-plan")).toBeVisible();
    const progress = page.getByRole("progressbar", { name: "Progression de l'import" });
    await expect(progress).toBeVisible();
    // The progress is the import's, not the page's: a reload shows it again.
    await page.reload();
    await expect(page.getByRole("progressbar", { name: "Progression de l'import" })).toBeVisible();
    await expect(page.getByRole("progressbar", { name: "Progression de l'import" })).toHaveAttribute("aria-valuenow", "100", { timeout: 60_000 });
    await expect(page.getByText("Import terminé.", { exact: true })).toBeVisible();
    await expect(page.getByRole("link", { name: "Télécharger la liste (CSV)" })).toBeVisible();
    await expectNoAxeViolations(page);

    // BULK-3: each created account gets its welcome e-mail: identifier and link, never a password.
    const welcome = await waitForMessage(request, first.email, /Bienvenue sur le Portail e-services/);
    await waitForMessage(request, second.email, /Bienvenue sur le Portail e-services/);
    expect(welcome.text).not.toMatch(/mot de passe\s*:/i);
    const identifier = /Identifiant\s*:\s*(\S+)/.exec(welcome.text)![1];

    // BULK-4: the listing, CSV and PDF.
    const [csvDownload] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Télécharger la liste (CSV)" }).click()]);
    const listing = await readFile((await csvDownload.path())!, "utf8");
    expect(listing).toContain("Identifiant;Prénom;Nom;Adresse électronique;État d'activation");
    expect(listing).toContain(`${identifier};${first.firstName};${first.lastName};${first.email};lien envoyé le`);
    expect(listing).not.toContain("pas-une-adresse");
    expect(listing.toLowerCase()).not.toContain("mot de passe");
    const [pdfDownload] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Télécharger la liste (PDF)" }).click()]);
    expect((await readFile((await pdfDownload.path())!)).subarray(0, 5).toString()).toBe("%PDF-");

    await page.goto("/administration/imports");
    await expect(page.getByRole("link", { name: "eleves.csv" }).first()).toBeVisible();
    await expectNoAxeViolations(page);
    await logout(page);

    // The person chooses their password through the link and signs in with the identifier.
    await page.goto(linkPath(welcome, "/activation/"));
    await expect(page.getByText(`Votre identifiant : ${identifier}`)).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByLabel("Mot de passe", { exact: true }).fill("Marronnier-Bleu-2027");
    await page.getByLabel("Confirmation du mot de passe", { exact: true }).fill("Marronnier-Bleu-2027");
    await page.getByRole("button", { name: "Activer mon compte" }).click();
    await expect(page.getByText("Votre compte est activé")).toBeVisible();
    await expectNoAxeViolations(page);
    await login(page, identifier, "Marronnier-Bleu-2027");
  });

  test("an operator imports for an organisation from its page; a user cannot reach the imports", async ({ page }) => {
    await login(page, "julien-bernard", DEMO_PASSWORD);
    const response = await page.goto("/administration/imports");
    expect(response?.status()).toBe(403);
    await logout(page);

    await login(page, "camille-roux", DEMO_PASSWORD);
    await page.goto("/operateur/organisations?q=besancon");
    await page.getByRole("link", { name: /Grand Besançon Métropole/ }).first().click();
    await page.getByRole("link", { name: "imports de comptes" }).click();
    await expect(page.getByRole("heading", { name: "Imports de comptes" })).toBeVisible();
    await expect(page.getByRole("main")).toContainText("les comptes de CU Grand Besançon Métropole");
    await expectNoAxeViolations(page);
    const stamp = Date.now();
    await page
      .getByLabel("Fichier CSV")
      .setInputFiles({ name: "agents.csv", mimeType: "text/csv", buffer: Buffer.from(`civilite,prenom,nom,email\nMonsieur,Arthur,Agent${stamp},arthur.${stamp}@besancon.example\n`) });
    await page.getByRole("button", { name: "Analyser le fichier" }).click();
    await expect(page).toHaveURL(/\/operateur\/organisations\/[0-9a-f-]+\/imports\/[0-9a-f-]+$/);
    await expect(page.getByRole("table").getByRole("row").filter({ hasText: `arthur.${stamp}@besancon.example` })).toContainText("créé");
    await expectNoAxeViolations(page);
  });
});
