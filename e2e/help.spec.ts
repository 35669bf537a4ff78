import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { extractText, getDocumentProxy } from "unpdf";
import { expectNoAxeViolations } from "./fixtures/axe";
import { DEMO_PASSWORD, login } from "./fixtures/journeys";
import { linkPath, waitForMessage } from "./fixtures/mailbox";

/** E-mails carry French typography (no-break spaces before « : » etc.): compare with white space collapsed. */
const flat = (text: string) => text.replace(/\s+/g, " ");

const unique = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

async function sendAssistanceRequest(page: Page, fields: { category?: string; message: string; email?: string; steps?: string }) {
  const form = page.locator("#assistance");
  if (fields.category) await form.getByLabel("Catégorie", { exact: true }).selectOption({ label: fields.category });
  if (fields.steps) await form.getByLabel("Démarches déjà effectuées", { exact: true }).fill(fields.steps);
  await form.getByLabel("Votre message", { exact: true }).fill(fields.message);
  if (fields.email) await form.getByLabel("Adresse électronique de contact", { exact: true }).fill(fields.email);
  await form.getByRole("button", { name: "Envoyer ma demande" }).click();
  const confirmation = form.getByRole("status").filter({ hasText: /Demande n° A-\d{4}-\d{6} enregistrée/ });
  await expect(confirmation).toBeVisible();
  return /A-\d{4}-\d{6}/.exec((await confirmation.textContent()) ?? "")![0];
}

test.describe("HELP help centre and assistance", () => {
  test("HELP-1/HELP-2 a visitor finds the answer by searching, asks for help, and reads the operator's answer", async ({ page, browser, request }) => {
    // A long journey (two people, many pages, each scanned by axe) on a shared 2-core machine.
    test.setTimeout(180_000);
    const email = `visiteur-${unique()}@exemple.test`;

    // The footer link works, and the page is searchable without a reload.
    await page.goto("/");
    await page.getByRole("contentinfo").getByRole("link", { name: "Aide" }).click();
    await expect(page).toHaveURL(/\/aide$/);
    await expect(page.getByRole("heading", { level: 1, name: "Aide" })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
    const search = page.getByRole("searchbox", { name: "Rechercher dans l'aide" });
    await search.fill("COMPTE desactive");
    await expect(page.getByRole("status").filter({ hasText: /réponses? trouvées?/ })).toBeVisible();
    const results = page.getByRole("region", { name: "Résultats de la recherche" });
    const answer = results.getByRole("article", { name: "Mon compte est désactivé" });
    await expect(answer).toBeVisible();
    await expect(answer).toContainText("16 mois");
    await expect(answer.getByRole("link", { name: "Renvoyer le courriel d'activation" }).first()).toHaveAttribute("href", "/activation/renvoyer");
    await search.fill("zèbre introuvable");
    await expect(page.getByRole("status").filter({ hasText: "Aucune réponse" })).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
    await search.fill("compte désactivé");
    await expectNoAxeViolations(page);

    // An incomplete form says what is missing, next to each field.
    await page.locator("#assistance").getByRole("button", { name: "Envoyer ma demande" }).click();
    await expect(page.getByLabel("Catégorie", { exact: true })).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("Catégorie", { exact: true })).toBeFocused();
    await expect(page.getByLabel("Votre message", { exact: true })).toHaveAttribute("aria-invalid", "true");
    await expectNoAxeViolations(page);

    // The organisation comes from the directory search.
    const organisation = page.getByRole("combobox", { name: "Organisation concernée" });
    await organisation.fill("Besançon");
    await page.getByRole("option", { name: /^Besançon\b/ }).first().click();
    const number = await sendAssistanceRequest(page, {
      category: "Mon compte",
      steps: "J'ai demandé un nouveau lien d'activation, sans succès.",
      message: "Mon compte est désactivé et le lien reçu ne fonctionne pas.",
      email,
    });
    await expectNoAxeViolations(page);

    // The acknowledgement gives the number and a private link; sent without signing in to an
    // unverified address, it quotes nothing the sender typed (HELP-2: no open relay).
    const acknowledgement = await waitForMessage(request, email, new RegExp(`Demande d'assistance ${number} enregistrée`));
    expect(acknowledgement.text).not.toContain("Mon compte est désactivé et le lien reçu ne fonctionne pas.");
    expect(acknowledgement.text).toContain("ne reprend pas le contenu de la demande");
    const followPath = linkPath(acknowledgement, "/aide/demande/");

    // An operator answers from the console.
    const operatorContext = await browser.newContext();
    const operator = await operatorContext.newPage();
    await login(operator, "camille-roux", DEMO_PASSWORD);
    await operator.goto("/operateur/assistance");
    await expectNoAxeViolations(operator);
    await operator.getByRole("link", { name: number }).click();
    await expect(operator.getByRole("heading", { level: 1, name: `Demande n° ${number}` })).toBeVisible();
    await expect(operator.getByText("J'ai demandé un nouveau lien d'activation, sans succès.")).toBeVisible();
    await expectNoAxeViolations(operator);
    await operator.getByLabel("Réponse", { exact: true }).fill("Nous avons vérifié votre compte : un nouveau lien vous a été envoyé.");
    const answeredAt = new Date();
    await operator.getByRole("button", { name: "Envoyer la réponse" }).click();
    await expect(operator.getByText("Votre réponse est envoyée par courriel à la personne.")).toBeVisible();
    await expect(operator.getByRole("list", { name: "Messages de la demande" })).toContainText("un nouveau lien vous a été envoyé");
    await expectNoAxeViolations(operator);

    // The answer arrives; the private link shows the exchange and takes a reply.
    const answerMail = await waitForMessage(request, email, new RegExp(`Réponse à votre demande d'assistance ${number}`), new Date(answeredAt.getTime() - 1000));
    expect(flat(answerMail.text)).toContain("Nous avons vérifié votre compte : un nouveau lien vous a été envoyé.");
    await page.goto(linkPath(answerMail, "/aide/demande/"));
    await expect(page.getByRole("heading", { level: 1, name: `Demande n° ${number}` })).toBeVisible();
    await expect(page.getByRole("list", { name: "Messages de la demande" })).toContainText("un nouveau lien vous a été envoyé");
    await expectNoAxeViolations(page);
    await page.getByLabel("Votre message", { exact: true }).fill("Merci, le nouveau lien a fonctionné.");
    await page.getByRole("button", { name: "Envoyer mon message" }).click();
    await expect(page.getByText("Votre message est ajouté à la demande.")).toBeVisible();
    await page.goto(followPath);
    await expect(page.getByRole("list", { name: "Messages de la demande" })).toContainText("Merci, le nouveau lien a fonctionné.");

    // The reply is counted and flagged for operators (issue 15 item 6).
    await operator.goto("/operateur");
    await expect(operator.getByRole("main")).toContainText(/dont \d+ avec une nouvelle réponse du demandeur/);
    await operator.goto("/operateur/assistance");
    await expect(operator.getByRole("row", { name: new RegExp(number) })).toContainText("Nouvelle réponse du demandeur");
    await expectNoAxeViolations(operator);

    // The operator closes it and the requester is told by e-mail; a forged link shows nothing.
    await operator.getByRole("link", { name: number }).click();
    const closedAt = new Date();
    await operator.getByRole("button", { name: "Clore la demande" }).click();
    await expect(operator.getByText("La demande est close.")).toBeVisible();
    const closedMail = await waitForMessage(request, email, new RegExp(`Votre demande d'assistance ${number} est close`), new Date(closedAt.getTime() - 1000));
    expect(closedMail.text).toContain("nouvelle demande");
    await expect(operator.getByRole("button", { name: "Rouvrir la demande" })).toBeVisible();
    await expectNoAxeViolations(operator);
    await page.goto(`${followPath.slice(0, -4)}abcd`);
    await expect(page.getByText("Ce lien n'est pas ou plus valable")).toBeVisible();
    await expect(page.getByText(number)).toHaveCount(0);
    await expectNoAxeViolations(page);
    await operatorContext.close();
  });

  test("DASH-5 the dashboards' error link pre-fills the form, and a signed-in person follows the ticket from Mon espace", async ({ page, request }) => {
    test.setTimeout(120_000);
    await login(page, "julien-bernard", DEMO_PASSWORD);
    await page.goto("/aide?categorie=tableaux-de-bord&tableau=portail&periode=30j#assistance");
    const form = page.locator("#assistance");
    await expect(form.getByLabel("Catégorie", { exact: true })).toHaveValue("DASHBOARDS");
    await expect(form.getByText("Tableau de bord : Portail — période : 30 derniers jours")).toBeVisible();
    // Pre-filled for a signed-in person.
    const email = await form.getByLabel("Adresse électronique de contact", { exact: true }).inputValue();
    expect(email).toMatch(/@/);
    await expect(form.getByRole("combobox", { name: "Organisation concernée" })).toHaveValue(/Saint-Étienne/);
    await expectNoAxeViolations(page);
    const sentAt = new Date();
    const number = await sendAssistanceRequest(page, { message: "Le nombre de connexions d'hier affiche zéro alors que nous étions dix." });
    const acknowledgement = await waitForMessage(request, email, new RegExp(`Demande d'assistance ${number} enregistrée`), new Date(sentAt.getTime() - 1000));
    expect(flat(acknowledgement.text)).toContain("Tableau de bord : Portail — période : 30 derniers jours");

    await page.goto("/espace");
    const mine = page.getByRole("region", { name: "Mes demandes d'assistance" });
    await mine.getByRole("link", { name: `Demande n° ${number}` }).click();
    await expect(page.getByRole("heading", { level: 1, name: `Demande n° ${number}` })).toBeVisible();
    await expect(page.getByText("Tableau de bord : Portail — période : 30 derniers jours")).toBeVisible();
    await expectNoAxeViolations(page);

    // Bad values are ignored, never shown.
    await page.goto("/aide?categorie=tableaux-de-bord&tableau=%3Cscript%3E&periode=99#assistance");
    await expect(page.getByLabel("Catégorie", { exact: true })).toHaveValue("DASHBOARDS");
    await expect(page.locator("#assistance-contexte")).toHaveCount(0);
    await page.goto("/aide?categorie=nimporte&tableau=inconnu&periode=30j#assistance");
    await expect(page.getByLabel("Catégorie", { exact: true })).toHaveValue("");
    await expect(page.locator("#assistance-contexte")).toHaveCount(0);
  });

  test("HELP-3/HELP-4 the practical guide downloads with its table of contents; browsers, cookies and accessibility pages", async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto("/aide");
    const downloading = page.waitForEvent("download");
    await page.getByRole("link", { name: "Télécharger le guide pratique (PDF)" }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    const bytes = await readFile((await download.path())!);
    const { text, totalPages } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: false });
    expect(text[0]).toContain("Guide pratique");
    expect(text[1]).toContain("Sommaire");
    expect(text[1]).toMatch(/Mon compte est désactivé\s+\d+/);
    expect(text[1]).toContain(`Page 2 sur ${totalPages}`);

    for (const [path, heading] of [
      ["/aide/navigateurs", "Navigateurs pris en charge"],
      ["/cookies", "Cookies"],
      ["/accessibilite", "Déclaration d'accessibilité"],
    ]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
      await expectNoAxeViolations(page);
    }
    await page.goto("/aide/navigateurs");
    await expect(page.getByRole("heading", { name: "Vous n'avez pas trouvé ?" })).toBeVisible();
    await page.goto("/cookies");
    await expect(page.getByRole("main")).toContainText("indispensables");
    await page.goto("/accessibilite");
    await expect(page.getByRole("main")).toContainText("Défenseur des droits");
  });
});
