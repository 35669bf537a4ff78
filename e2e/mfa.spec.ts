// MFA-1..MFA-4 in Chromium: an authenticator app enrolled by reading the key shown on the page,
// a passkey enrolled with Chromium's virtual authenticator (WebAuthn through the DevTools
// protocol), sign-in with each, a recovery code accepted once then refused, axe on every page.
import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./fixtures/axe";
import { DEMO_PASSWORD, enterTotpCode, login, logout, TOTP_KEYS } from "./fixtures/journeys";
import { nextTotpCode } from "./fixtures/totp";

// WebAuthn refuses IP addresses as relying party: these journeys use localhost (the server's
// WEBAUTHN_RP_ID, playwright.config.ts).
test.use({ baseURL: `http://localhost:${Number(process.env.E2E_PORT ?? 3100)}` });

async function passwordStep(page: Page, identifier: string) {
  await page.goto("/connexion");
  await page.getByLabel("Identifiant", { exact: true }).fill(identifier);
  await page.getByLabel("Mot de passe", { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page).toHaveURL(/\/connexion\/verification/);
  await expect(page.getByRole("heading", { name: "Vérification en deux étapes" })).toBeVisible();
}

test.describe("MFA authenticator app and recovery codes", () => {
  // julien-bernard; his authenticator app is removed at the end.
  const IDENTIFIER = "julien-bernard";

  test("enrol by reading the key, sign in with a code, then with a recovery code once; support resets it after a confirmation", async ({ page, browser }) => {
    // Two people and axe on a shared 2-core machine.
    test.setTimeout(180_000);
    await login(page, IDENTIFIER, DEMO_PASSWORD);
    await page.goto("/espace");
    await page.getByRole("navigation", { name: "Mes réglages" }).getByRole("link", { name: "Sécurité", exact: true }).click();
    await expect(page.getByRole("heading", { name: "Sécurité : double authentification" })).toBeVisible();
    await expectNoAxeViolations(page);

    const app = page.getByRole("region", { name: "Application d'authentification" });
    await app.getByLabel("Mot de passe actuel", { exact: true }).fill(DEMO_PASSWORD);
    await app.getByRole("button", { name: "Ajouter une application d'authentification" }).click();
    await expect(app.getByRole("img", { name: "QR code à scanner avec votre application d'authentification" })).toBeVisible();
    const key = (await app.getByTestId("cle-totp").innerText()).replace(/\s+/g, "");
    expect(key).toMatch(/^[A-Z2-7]{32}$/);
    await expectNoAxeViolations(page);

    // A wrong code first: said next to the field, which gets the focus.
    await app.getByLabel("Code à 6 chiffres", { exact: true }).fill("000000");
    await app.getByRole("button", { name: "Valider le code" }).click();
    await expect(app.getByLabel("Code à 6 chiffres", { exact: true })).toBeFocused();
    await app.getByLabel("Code à 6 chiffres", { exact: true }).fill(await nextTotpCode(IDENTIFIER, key));
    await app.getByRole("button", { name: "Valider le code" }).click();
    await expect(app.getByText("L'application d'authentification est enregistrée")).toBeVisible();
    const codes = await app.getByRole("list", { name: "Codes de secours" }).getByRole("listitem").allInnerTexts();
    expect(codes).toHaveLength(10);
    TOTP_KEYS.set(IDENTIFIER, key);
    await expectNoAxeViolations(page);
    await app.getByRole("link", { name: "Continuer" }).click();
    await expect(page.getByText(/Il vous reste 10 codes de secours/)).toBeVisible();
    await logout(page);

    // The password alone opens no session: the second step asks for the code.
    await passwordStep(page, IDENTIFIER);
    await expectNoAxeViolations(page);
    await page.goto("/espace");
    await expect(page).toHaveURL(/\/connexion\?callbackUrl=%2Fespace/);
    await passwordStep(page, IDENTIFIER);
    await enterTotpCode(page, IDENTIFIER, key);
    await expect(page).toHaveURL(/\/accueil|\/espace/);
    await logout(page);

    // A recovery code opens once…
    await passwordStep(page, IDENTIFIER);
    await page.getByLabel("Code de vérification", { exact: true }).fill(codes[0]);
    await page.getByRole("button", { name: "Vérifier" }).click();
    await expect(page).toHaveURL(/\/accueil|\/espace/);
    await logout(page);

    // …and is refused the second time.
    await passwordStep(page, IDENTIFIER);
    await page.getByLabel("Code de vérification", { exact: true }).fill(codes[0]);
    await page.getByRole("button", { name: "Vérifier" }).click();
    await expect(page.getByText("Code incorrect ou déjà utilisé.", { exact: false }).first()).toBeVisible();
    await expect(page.getByLabel("Code de vérification", { exact: true })).toBeFocused();
    await expectNoAxeViolations(page);
    await page.getByLabel("Code de vérification", { exact: true }).fill(codes[1]);
    await page.getByRole("button", { name: "Vérifier" }).click();
    await expect(page).toHaveURL(/\/accueil|\/espace/);

    // MFA-4: he lost his phone and his codes; he asks for help…
    await page.goto("/aide#assistance");
    const request = page.locator("#assistance");
    await request.getByLabel("Catégorie", { exact: true }).selectOption({ index: 1 });
    await request.getByLabel("Votre message", { exact: true }).fill("J'ai perdu mon téléphone et mes codes de secours.");
    await request.getByRole("button", { name: "Envoyer ma demande" }).click();
    const confirmation = request.getByRole("status").filter({ hasText: /Demande n° A-\d{4}-\d{6} enregistrée/ });
    await expect(confirmation).toBeVisible();
    const ticketNumber = /A-\d{4}-\d{6}/.exec((await confirmation.textContent()) ?? "")![0];
    await logout(page);

    // …and the operator, after checking who he is, resets his second factor: the portal's
    // confirmation first says what it ends for him (issue 16 item 6), Annuler has the focus.
    const operator = await (await browser.newContext()).newPage();
    await login(operator, "camille-roux", DEMO_PASSWORD);
    await operator.goto("/operateur/assistance");
    await operator.getByRole("link", { name: ticketNumber, exact: true }).click();
    await operator.getByLabel(`Vérification d'identité faite pour ${IDENTIFIER}`, { exact: true }).fill("Rappel au numéro de la mairie, identité confirmée.");
    await operator.getByRole("button", { name: `Réinitialiser la double authentification de ${IDENTIFIER}`, exact: true }).click();
    const dialog = operator.getByRole("dialog", { name: `Réinitialiser la double authentification de ${IDENTIFIER} ?` });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText("toutes ses sessions fermées");
    await expect(dialog.getByRole("button", { name: "Annuler" })).toBeFocused();
    await expectNoAxeViolations(operator);
    await dialog.getByRole("button", { name: "Réinitialiser la double authentification", exact: true }).click();
    // Done: the page is rendered again without the factor, so without the button; the answer
    // stays above the list, focused (issue 16 item 6).
    await expect(dialog).toBeHidden();
    await expect(operator.locator("#compte-message")).toBeFocused();
    await expect(operator.locator("#compte-message")).toContainText("La double authentification du compte est réinitialisée");
    await expect(operator.getByRole("button", { name: `Réinitialiser la double authentification de ${IDENTIFIER}`, exact: true })).toHaveCount(0);
    await operator.context().close();

    // The journeys after this file sign him in with his password alone (the demo state).
    TOTP_KEYS.delete(IDENTIFIER);
    await login(page, IDENTIFIER, DEMO_PASSWORD);
    await expect(page).toHaveURL(/\/accueil|\/espace/);
  });
});

test.describe("MFA passkeys", () => {
  // claire-martin, an administrator within her 14 days; the passkey is removed at the end.
  const IDENTIFIER = "claire-martin";

  test("enrol a passkey with Chromium's virtual authenticator, then sign in with it", async ({ page }) => {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("WebAuthn.enable");
    await cdp.send("WebAuthn.addVirtualAuthenticator", {
      options: { protocol: "ctap2", transport: "internal", hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
    });

    await login(page, IDENTIFIER, DEMO_PASSWORD);
    // MFA-3: the administrator's days are counted down on every page.
    await expect(page.getByRole("region", { name: "Rappel : double authentification à ajouter" })).toContainText(/Plus que 1[34] jours/);
    await page.goto("/espace/securite");
    const keys = page.getByRole("region", { name: "Clés d'accès" });
    await keys.getByLabel("Nom de la clé d'accès", { exact: true }).fill("Ordinateur de test");
    await keys.getByLabel("Mot de passe actuel", { exact: true }).fill(DEMO_PASSWORD);
    await keys.getByRole("button", { name: "Ajouter une clé d'accès" }).click();
    await expect(keys.getByText("La clé d'accès « Ordinateur de test » est enregistrée.")).toBeVisible();
    await expect(keys.getByRole("list", { name: "Codes de secours" }).getByRole("listitem")).toHaveCount(10);
    await expectNoAxeViolations(page);
    await keys.getByRole("link", { name: "Continuer" }).click();
    await expect(keys.getByText(/Ordinateur de test · ajoutée le .* · jamais utilisée/)).toBeVisible();
    // Enrolled: the countdown is over.
    await expect(page.getByRole("region", { name: "Rappel : double authentification à ajouter" })).toHaveCount(0);
    await logout(page);

    await passwordStep(page, IDENTIFIER);
    await page.getByRole("button", { name: "Utiliser une clé d'accès" }).click();
    await expect(page).toHaveURL(/\/accueil|\/espace/);
    await page.goto("/espace/securite");
    await expect(page.getByRole("region", { name: "Clés d'accès" }).getByText(/Ordinateur de test · .* dernière utilisation le/)).toBeVisible();
    await expectNoAxeViolations(page);

    // Within her 14 days the last factor may go: the journeys after this file sign her in with
    // her password alone (the demo state).
    const region = page.getByRole("region", { name: "Clés d'accès" });
    await region.getByLabel("Mot de passe actuel (pour retirer « Ordinateur de test »)", { exact: true }).fill(DEMO_PASSWORD);
    await region.getByRole("button", { name: "Retirer « Ordinateur de test »", exact: true }).click();
    // The page is rendered again without it.
    await expect(region.getByText(/Ordinateur de test ·/)).toHaveCount(0);
  });
});
