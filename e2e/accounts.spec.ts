import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./fixtures/axe";
import { linkPath, readMailbox, waitForMessage } from "./fixtures/mailbox";

const DEMO_PASSWORD = "Portail-Demo-2026";

async function login(page: Page, identifier: string, password: string) {
  await page.goto("/connexion");
  await page.getByLabel("Identifiant", { exact: true }).fill(identifier);
  await page.getByLabel("Mot de passe", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Se connecter" }).click();
}

const alertWith = (page: Page, text: string | RegExp) => page.getByRole("alert").filter({ hasText: text });

test.describe("ACC-1 ACC-3 ACC-4 registration, activation, waiting for validation", () => {
  test("an incomplete form shows every error next to its field, keeps the values and focuses the first error", async ({ page }) => {
    await page.goto("/inscription");
    await page.getByLabel("Prénom", { exact: true }).fill("Élodie");
    await page.getByRole("button", { name: "Valider" }).click();

    await expect(alertWith(page, "Le formulaire contient des erreurs")).toBeVisible();
    await expect(page.getByRole("combobox", { name: "Organisation" })).toBeFocused();
    for (const message of [
      "Choisissez votre organisation dans la liste proposée.",
      "Indiquez votre civilité.",
      "Indiquez votre nom.",
      "Indiquez votre adresse électronique.",
      "Choisissez un mot de passe.",
      "Indiquez si vous vous inscrivez en tant qu'utilisateur ou administrateur.",
      "Acceptez les conditions générales d'utilisation pour vous inscrire.",
    ]) {
      await expect(page.getByText(message)).toBeVisible();
    }
    await expect(page.getByLabel("Prénom", { exact: true })).toHaveValue("Élodie");
    await expect(page.getByLabel("Nom", { exact: true })).toHaveAttribute("aria-invalid", "true");
    await expectNoAxeViolations(page);
  });

  test("a user registers, reads the e-mail, activates and waits for the administrator", async ({ page, request }) => {
    const email = `elodie.${Date.now()}@mairie-test.example`;
    await page.goto("/inscription");
    const organisation = page.getByRole("combobox", { name: "Organisation" });
    await organisation.fill("st etienne");
    await expect(page.getByRole("option").first()).toContainText("Saint-Étienne");
    await organisation.press("ArrowDown");
    await organisation.press("Enter");
    await expect(page.getByText("Organisation choisie : Saint-Étienne")).toBeVisible();

    await page.getByRole("radio", { name: "Madame" }).check();
    await page.getByLabel("Prénom", { exact: true }).fill("Élodie");
    await page.getByLabel("Nom", { exact: true }).fill("Lefèvre-Aubry");
    await expect(page.getByText("Votre identifiant sera : elodie-lefevre-aubry")).toBeVisible();
    await page.getByLabel("Adresse électronique", { exact: true }).fill(email);
    await page.getByLabel("Téléphone", { exact: true }).fill("04 77 00 00 00");
    await page.getByLabel("Fonction", { exact: true }).fill("Secrétaire de mairie");

    const password = page.getByLabel("Mot de passe", { exact: true });
    await password.fill("elodie");
    await expect(page.getByText("Au moins un chiffre : pas encore respecté")).toBeAttached();
    await password.fill("Tilleul-Argenté-58");
    await expect(page.getByText("Au moins un chiffre : respecté")).toBeAttached();
    await page.getByLabel("Confirmation du mot de passe", { exact: true }).fill("Tilleul-Argenté-58");
    await page.getByRole("radio", { name: "Utilisateur" }).check();
    await page.getByLabel("J'accepte les conditions générales d'utilisation").check();
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: "Valider" }).click();

    await expect(page.getByRole("heading", { name: "Votre inscription est enregistrée" })).toBeVisible();
    // SEC-8: the same page whatever existed; the identifier comes by e-mail (below).
    await expect(page.getByText(email, { exact: true })).toBeVisible();
    await expect(page.getByText(/courriers indésirables/)).toBeVisible();
    await expectNoAxeViolations(page);

    // "Renvoyer le courriel d'activation": only the newest link works.
    const first = await waitForMessage(request, email, /Activez votre compte/);
    expect(first.text).toContain("elodie-lefevre-aubry");
    await page.getByRole("button", { name: "Renvoyer le courriel d'activation" }).click();
    await expect(page.getByText("Un nouveau courriel d'activation vient d'être envoyé.", { exact: false })).toBeVisible();
    const messages = await readMailbox(request, email);
    expect(messages).toHaveLength(2);
    const latest = messages[0];
    expect(latest.text).toContain("elodie-lefevre-aubry");
    expect(latest.text).toContain("Saint-Étienne");

    await page.goto(linkPath(first, "/activation/"));
    await expect(alertWith(page, "remplacé par un lien plus récent")).toBeVisible();
    await expectNoAxeViolations(page);

    await page.goto(linkPath(latest, "/activation/"));
    await page.getByRole("button", { name: "Confirmer mon adresse électronique" }).click();
    await expect(page.getByText("Votre adresse électronique est confirmée")).toBeVisible();
    await expect(page.getByText(/attend maintenant la validation de l'administrateur de Saint-Étienne/)).toBeVisible();
    await expectNoAxeViolations(page);

    // ACC-6: the right password, but the administrator has not validated the account yet.
    await login(page, "elodie-lefevre-aubry", "Tilleul-Argenté-58");
    await expect(alertWith(page, "attend la validation de l'administrateur")).toBeVisible();
  });
});

test.describe("ACC-5 ACC-6 login", () => {
  test("wrong password and unknown identifier give one message; statuses are told with the right password", async ({ page }) => {
    await login(page, "claire-martin", "Mauvais-2026");
    await expect(alertWith(page, "Identifiant ou mot de passe incorrect.")).toBeVisible();
    await expect(page.getByLabel("Identifiant", { exact: true })).toHaveValue("claire-martin");
    await login(page, "personne-inconnue", "Mauvais-2026");
    await expect(alertWith(page, "Identifiant ou mot de passe incorrect.")).toBeVisible();
    await expectNoAxeViolations(page);

    await login(page, "luc-moreau", DEMO_PASSWORD);
    await expect(alertWith(page, "n'est pas encore confirmée")).toBeVisible();
    await expect(page.getByRole("link", { name: "Recevoir un nouveau lien d'activation" })).toBeVisible();
    await login(page, "anne-durand", DEMO_PASSWORD);
    await expect(alertWith(page, "depuis 16 mois")).toBeVisible();
  });

  test("an active account signs in with spaces around the identifier, lands on its home, sees its space, and signs out", async ({ page }) => {
    await login(page, "  marc-lefebvre  ", DEMO_PASSWORD);
    await expect(page).toHaveURL(/\/accueil$/);
    await expect(page.getByRole("heading", { name: "Accueil", level: 1 })).toBeVisible();
    const header = page.getByRole("banner");
    await expect(header).toContainText("Marc Lefebvre");
    await expect(header).toContainText("CU Grand Besançon Métropole");
    // Issue 16 item 5: the administrator's tasks; the logo leads home, not to the public page.
    await expect(page.getByRole("region", { name: "À faire" })).toContainText(/validation/);
    await expect(header.getByRole("link", { name: "Portail e-services" })).toHaveAttribute("href", "/accueil");
    await expect(header.getByRole("link", { name: "Accueil" })).toHaveAttribute("aria-current", "page");
    await expectNoAxeViolations(page);

    await header.getByRole("link", { name: "Mon espace" }).click();
    await expect(page.getByRole("heading", { name: "Mon espace", level: 1 })).toBeVisible();
    await expect(header.getByRole("link", { name: "Mon espace" })).toHaveAttribute("aria-current", "page");
    await expect(page.getByRole("region", { name: "Mes e-services" })).toContainText("Paie et ressources humaines");
    await page.getByRole("navigation", { name: "Mes réglages" }).getByRole("link", { name: "Sécurité", exact: true }).click();
    await expect(page.getByRole("region", { name: "Mes dernières connexions" }).getByRole("row")).not.toHaveCount(1);
    await expectNoAxeViolations(page);
    await header.getByRole("button", { name: "Se déconnecter" }).click();
    await expect(page.getByRole("banner").getByRole("link", { name: "Se connecter" })).toBeVisible();
    await page.goto("/espace");
    await expect(page).toHaveURL(/\/connexion\?callbackUrl=%2Fespace/);
  });
});

test.describe("ACC-7 ACC-10 forgotten password", () => {
  test("a reset link by e-mail, a new password, the old session ended", async ({ browser, page, request }) => {
    const email = "nadia.garnier@grand-besancon.example";
    // A session opened before the reset…
    const other = await browser.newContext();
    const otherPage = await other.newPage();
    await login(otherPage, "nadia-garnier", DEMO_PASSWORD);
    await expect(otherPage).toHaveURL(/\/accueil$/);

    const before = new Date();
    await page.goto("/mot-de-passe-oublie");
    await page.getByLabel("Identifiant ou adresse électronique").fill("nadia-garnier");
    await page.getByRole("button", { name: "Envoyer" }).click();
    await expect(page.getByText(/Si un compte correspond à votre saisie/)).toBeVisible();
    await expectNoAxeViolations(page);

    const message = await waitForMessage(request, email, /nouveau mot de passe/, before);
    expect(message.text).not.toContain(DEMO_PASSWORD);
    await page.goto(linkPath(message, "/mot-de-passe-oublie/"));
    await expect(page.getByText("nadia-garnier")).toBeVisible();
    await page.getByLabel("Nouveau mot de passe", { exact: true }).fill("Cascade-Bleue-2027");
    await page.getByLabel("Confirmation du mot de passe", { exact: true }).fill("Cascade-Bleue-2027");
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: "Enregistrer le nouveau mot de passe" }).click();
    await expect(page.getByText("Votre mot de passe a été modifié")).toBeVisible();

    await login(page, "nadia-garnier", "Cascade-Bleue-2027");
    await expect(page).toHaveURL(/\/accueil$/);
    // …is over.
    await otherPage.goto("/espace");
    await expect(otherPage).toHaveURL(/\/connexion/);
    await other.close();

    // The link was single-use.
    await page.goto(linkPath(message, "/mot-de-passe-oublie/"));
    await expect(page.getByText("Ce lien a déjà été utilisé.")).toBeVisible();
  });

  test("the answer is the same for an unknown account", async ({ page }) => {
    await page.goto("/mot-de-passe-oublie");
    await page.getByLabel("Identifiant ou adresse électronique").fill("personne@nulle-part.example");
    await page.getByRole("button", { name: "Envoyer" }).click();
    await expect(page.getByText(/Si un compte correspond à votre saisie/)).toBeVisible();
  });
});

test.describe("ACC-8 forgotten identifier", () => {
  test("one e-mail lists both accounts of an address, with their organisations", async ({ page, request }) => {
    const before = new Date();
    await page.goto("/identifiant-oublie");
    await page.getByLabel("Adresse électronique").fill("Julien.Bernard@demo.example");
    await page.getByRole("button", { name: "Envoyer" }).click();
    await expect(page.getByText(/Si des comptes utilisent cette adresse/)).toBeVisible();
    await expectNoAxeViolations(page);
    const message = await waitForMessage(request, "julien.bernard@demo.example", /identifiants/, before);
    for (const text of ["julien-bernard", "julien-bernard2", "Saint-Étienne", "CU Grand Besançon Métropole"]) {
      expect(message.text).toContain(text);
    }
  });
});

test.describe("ORG-5 switching between the accounts of one person", () => {
  test("the other account's password is asked once per browser session", async ({ page }) => {
    await login(page, "julien-bernard", DEMO_PASSWORD);
    await expect(page).toHaveURL(/\/accueil$/);
    // The switcher is reachable from the header.
    await page.getByRole("banner").getByRole("link", { name: "Changer de compte" }).click();
    await expect(page).toHaveURL(/\/espace\/comptes$/);
    const others = page.getByRole("region", { name: "Mes autres comptes" });
    await expect(others).toContainText("CU Grand Besançon Métropole");
    await expectNoAxeViolations(page);

    await others.getByLabel("Mot de passe du compte julien-bernard2", { exact: true }).fill("Mauvais-2026");
    await others.getByRole("button", { name: "Passer au compte julien-bernard2" }).click();
    await expect(page.getByText("Mot de passe incorrect pour ce compte.")).toBeVisible();
    await others.getByLabel("Mot de passe du compte julien-bernard2", { exact: true }).fill(DEMO_PASSWORD);
    await others.getByRole("button", { name: "Passer au compte julien-bernard2" }).click();
    await expect(page.getByText("Vous utilisez maintenant le compte julien-bernard2")).toBeVisible();
    await expect(page).toHaveURL(/\/accueil\?info=compte-change$/);
    await expect(page.getByRole("banner")).toContainText("CU Grand Besançon Métropole");

    // Back to the first account: already unlocked in this session.
    await page.getByRole("banner").getByRole("link", { name: "Changer de compte" }).click();
    const back = page.getByRole("region", { name: "Mes autres comptes" });
    await expect(back.getByText("Déjà déverrouillé pendant cette session")).toBeVisible();
    await back.getByRole("button", { name: "Passer au compte julien-bernard" }).click();
    await expect(page.getByText("Vous utilisez maintenant le compte julien-bernard")).toBeVisible();
    await expect(page.getByRole("banner")).toContainText("Saint-Étienne");
    await expectNoAxeViolations(page);
  });
});

test.describe("ORG-2 ACC-6 LR-1 issue 16 items 4 and 8: an organisation without administrator is no dead end", () => {
  test("the directory finds Annecy by a commune déléguée, says it has no administrator, and the user asks for the role from the login page", async ({ page, request }) => {
    const email = `ines.${Date.now()}@mairie-annecy.example`;
    const password = "Lac-Annecy-2026";
    await page.goto("/inscription");
    const organisation = page.getByRole("combobox", { name: "Organisation" });
    await organisation.fill("Annecy-le-Vieux");
    const option = page.getByRole("option").first();
    await expect(option).toContainText("Annecy — dont Annecy-le-Vieux");
    await expect(option).toContainText("Haute-Savoie (74)");
    await expect(option).toContainText("SIREN 200063402");
    await option.click();
    await expect(page.getByText("Annecy n'a pas encore d'administrateur sur le portail")).toBeVisible();
    await expect(page.getByRole("radio", { name: "Administrateur" })).toBeChecked();
    await expectNoAxeViolations(page);

    // She registers as a user all the same: nobody can validate her account.
    await page.getByRole("radio", { name: "Madame" }).check();
    await page.getByLabel("Prénom", { exact: true }).fill("Inès");
    await page.getByLabel("Nom", { exact: true }).fill("Favre");
    await page.getByLabel("Adresse électronique", { exact: true }).fill(email);
    await page.getByLabel("Mot de passe", { exact: true }).fill(password);
    await page.getByLabel("Confirmation du mot de passe", { exact: true }).fill(password);
    await page.getByRole("radio", { name: "Utilisateur" }).check();
    await page.getByLabel("J'accepte les conditions générales d'utilisation").check();
    await page.getByRole("button", { name: "Valider" }).click();
    await expect(page.getByRole("heading", { name: "Votre inscription est enregistrée" })).toBeVisible();
    const message = await waitForMessage(request, email, /Activez votre compte/);
    const identifier = /Activez votre compte (\S+) sur/.exec(message.subject)![1];
    await page.goto(linkPath(message, "/activation/"));
    await page.getByRole("button", { name: "Confirmer mon adresse électronique" }).click();
    await expect(page.getByText(/l'administrateur d'Annecy, mais votre organisation n'a pas encore d'administrateur/)).toBeVisible();
    await expect(page.getByRole("button", { name: "Demander à devenir administrateur" })).toBeVisible();
    await expectNoAxeViolations(page);

    // The login page says so, instead of sending her to an administrator who does not exist.
    await login(page, identifier, password);
    await expect(alertWith(page, "mais votre organisation n'a ni administrateur ni suppléant")).toBeVisible();
    await page.getByLabel("Confirmez votre mot de passe").fill(password);
    await page.getByRole("button", { name: "Demander à devenir administrateur" }).click();
    await expect(page.getByText(/Votre demande est enregistrée\s:\sun courrier avec un code/)).toBeVisible();
    await expectNoAxeViolations(page);

    await login(page, identifier, password);
    await expect(alertWith(page, "attend la confirmation du représentant légal")).toBeVisible();
  });
});
