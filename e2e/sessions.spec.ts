import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, login, logout } from "./fixtures/journeys";

// marc-lefebvre: no other journey changes his password.
const IDENTIFIER = "marc-lefebvre";

test.describe("SEC-7 logging out ends the session on the server", () => {
  test("a copy of the session cookie opens nothing once its owner has logged out", async ({ browser, page }) => {
    await login(page, IDENTIFIER, DEMO_PASSWORD);
    const copied = await page.context().cookies();
    await logout(page);

    const elsewhere = await browser.newContext();
    await elsewhere.addCookies(copied);
    const thief = await elsewhere.newPage();
    await thief.goto("/espace");
    await expect(thief).toHaveURL(/\/connexion\?callbackUrl=%2Fespace/);
    await elsewhere.close();
  });

  test("\"Se déconnecter partout\" in Mon espace ends the sessions of every browser", async ({ browser, page }) => {
    const laptop = await browser.newContext();
    const laptopPage = await laptop.newPage();
    await login(laptopPage, IDENTIFIER, DEMO_PASSWORD);
    await login(page, IDENTIFIER, DEMO_PASSWORD);

    await page.goto("/espace/securite");
    await page.getByRole("region", { name: "Mes dernières connexions" }).getByRole("button", { name: "Se déconnecter partout" }).click();
    await expect(page).toHaveURL(/\/connexion\?info=deconnecte-partout/);
    await expect(page.getByText("Toutes les sessions de votre compte sont fermées")).toBeVisible();

    await laptopPage.goto("/espace");
    await expect(laptopPage).toHaveURL(/\/connexion\?callbackUrl=%2Fespace/);
    await laptop.close();
  });
});

test.describe("SEC-9 redirect targets stay on the portal", () => {
  test("signed in, the login page answers every hostile callbackUrl with a redirect within the portal, never a 500", async ({ page, baseURL }) => {
    await login(page, IDENTIFIER, DEMO_PASSWORD);
    const origin = new URL(baseURL!).origin;
    // Raw query strings, as the probe sent them.
    for (const callbackUrl of ["/%09/evil.example", "/%0a/evil.example", "/%0d/evil.example", "/%5Cevil.example", "%2F%2Fevil.example", "//evil.example", "https://evil.example/", "javascript:alert(1)", "/espace%00", "/%C3%A9"]) {
      const response = await page.request.get(`/connexion?callbackUrl=${callbackUrl}`, { maxRedirects: 0 });
      expect(response.status(), callbackUrl).toBe(307);
      const location = response.headers().location;
      expect(location, callbackUrl).toMatch(/^\/[\x21-\x7e]*$/);
      expect(new URL(location, `${origin}/connexion`).origin, callbackUrl).toBe(origin);
    }
  });
});
