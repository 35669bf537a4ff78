// SSO-1..6 end to end: an operator registers État civil as an OpenID Connect client, the
// example e-service (examples/e-service, openid-client 6) signs Julien Bernard in from
// "Ouvrir l'e-service", the administrator withdraws his permission and the example's session
// ends (back-channel logout through the job runner); refusals of the portal and of the
// protocol (another organisation, no permission, wrong redirect URI, PKCE, replayed code);
// a person with accounts in two organisations chooses the one they act for (ORG-5), and
// logging out at the example ends the portal session (RP-initiated logout).
import { spawn, type ChildProcess } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./fixtures/axe";
import { DEMO_PASSWORD, login } from "./fixtures/journeys";

const EXAMPLE_PORT = Number(process.env.E2E_EXAMPLE_PORT ?? 3235);
const EXAMPLE = `http://127.0.0.1:${EXAMPLE_PORT}`;
const SERVICE = "État civil en ligne";

test.describe.configure({ mode: "serial" });

let example: ChildProcess | undefined;
let clientId = "";
let clientSecret = "";

test.afterAll(() => {
  example?.kill("SIGTERM");
});

async function signedIn(browser: Browser, identifier: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await login(page, identifier, DEMO_PASSWORD);
  return page;
}

async function startExample(baseURL: string) {
  example = spawn(process.execPath, ["examples/e-service/server.mjs"], {
    env: { ...process.env, PORTAIL_ISSUER: `${baseURL}/oidc`, CLIENT_ID: clientId, CLIENT_SECRET: clientSecret, PUBLIC_URL: EXAMPLE, PORT: String(EXAMPLE_PORT) },
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve, reject) => {
    example!.stdout!.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("[exemple]")) resolve();
    });
    example!.once("exit", (code) => reject(new Error(`example exited with ${code}`)));
  });
}

test("SSO-2 an operator registers the e-service; SSO-3 SSO-6 opened from /e-services, the person is signed in at the example", async ({ browser, baseURL }) => {
  const operator = await signedIn(browser, "camille-roux");
  await operator.goto("/operateur/catalogue");
  await operator.getByRole("link", { name: `Modifier ${SERVICE}` }).click();
  await operator.getByLabel("Adresses de retour (redirect_uri)").fill(`${EXAMPLE}/retour`);
  await operator.getByLabel("Adresses après déconnexion (post_logout_redirect_uri)").fill(`${EXAMPLE}/`);
  await operator.getByLabel("Adresse de déconnexion back-channel").fill(`${EXAMPLE}/deconnexion-portail`);
  await operator.getByLabel("Adresse de connexion de l'e-service (initiate_login_uri)").fill(`${EXAMPLE}/connexion`);
  await operator.getByRole("button", { name: "Déclarer comme client OpenID Connect" }).click();
  clientSecret = (await operator.getByTestId("secret-client").textContent())!.trim();
  clientId = (await operator.getByTestId("identifiant-client").textContent())!.trim();
  expect(clientSecret).toMatch(/^[\w-]{43}$/);
  await expectNoAxeViolations(operator);
  // Shown once: a reload shows the client id, never the secret.
  await operator.reload();
  await expect(operator.getByText(clientSecret)).toHaveCount(0);
  await operator.context().close();

  await startExample(baseURL!);

  const julien = await signedIn(browser, "julien-bernard");
  await julien.goto("/e-services");
  await julien.getByRole("button", { name: `Ouvrir ${SERVICE}` }).click();
  await expect(julien).toHaveURL(/\/oidc\/interaction\//);
  await expect(julien.getByRole("heading", { level: 1 })).toHaveText(`Connexion à ${SERVICE}`);
  await expectNoAxeViolations(julien);
  await julien.getByRole("button", { name: "Continuer vers l'e-service" }).click();
  await expect(julien).toHaveURL(`${EXAMPLE}/`);
  await expect(julien.locator("#personne")).toHaveText("Julien Bernard");
  await expect(julien.locator("#organisation")).toContainText("Saint-Étienne");

  // SSO-5: the administrator withdraws the permission; the example's session ends.
  const admin = await signedIn(browser, "claire-martin");
  await admin.goto("/administration/permissions");
  await admin.getByRole("checkbox", { name: `Autoriser Julien Bernard à utiliser ${SERVICE}` }).uncheck();
  await admin.getByRole("button", { name: "Enregistrer les modifications" }).click();
  // Taking an e-service away from someone is confirmed first, naming the consequence.
  const confirmation = admin.getByRole("dialog", { name: "Retirer cette permission ?" });
  await expect(confirmation).toContainText(`Julien Bernard n'aura plus accès à ${SERVICE}.`);
  await confirmation.getByRole("button", { name: "Enregistrer et retirer l'accès" }).click();
  await expect(admin.getByText(/Enregistré\s:\s1 permission retirée/)).toBeVisible();
  await admin.context().close();
  await expect
    .poll(
      async () => {
        await julien.goto(`${EXAMPLE}/`);
        return julien.getByText("Vous n'êtes pas connecté.").isVisible();
      },
      { timeout: 60_000, intervals: [2_000] },
    )
    .toBe(true);

  // SSO-3: without the permission, the portal explains the refusal; going back gives access_denied.
  await julien.goto(`${EXAMPLE}/connexion`);
  await expect(julien.getByText("Vous n'avez pas la permission d'utiliser cet e-service").first()).toBeVisible();
  await expect(julien.getByRole("main")).toContainText("Claire Martin");
  await expectNoAxeViolations(julien);
  await julien.getByRole("button", { name: "Retourner à l'e-service" }).click();
  await expect(julien).toHaveURL(new RegExp(`^${EXAMPLE}/retour\\?error=access_denied`));
  await expect(julien.getByRole("heading", { name: "Accès refusé" })).toBeVisible();
  await julien.context().close();
});

test("SSO-3 an account of another organisation is refused", async ({ browser }) => {
  // Julien's account at Grand Besançon Métropole (ORG-5): the journeys leave its password as seeded.
  const nadia = await signedIn(browser, "julien-bernard2");
  await nadia.goto(`${EXAMPLE}/connexion`);
  await expect(nadia).toHaveURL(/\/oidc\/interaction\//);
  await expect(nadia.getByText("Vous n'avez pas la permission d'utiliser cet e-service").first()).toBeVisible();
  await nadia.getByRole("button", { name: "Retourner à l'e-service" }).click();
  await expect(nadia).toHaveURL(new RegExp(`^${EXAMPLE}/retour\\?error=access_denied`));
  await nadia.context().close();
});

test("SSO-3 ORG-5 a person with accounts in two organisations chooses the one they act for; SSO-1 SSO-5 logging out at the e-service ends the portal session", async ({ browser }) => {
  // SSO-1: an operator rotates the provider's signing key; the example keeps verifying (the
  // retired key stays in the JWKS, the new one is found there).
  const operator = await signedIn(browser, "camille-roux");
  await operator.goto("/operateur/catalogue");
  await operator.getByRole("button", { name: "Changer la clé de signature" }).click();
  await expect(operator.getByText("Nouvelle clé de signature en service.")).toBeVisible();
  await expectNoAxeViolations(operator);
  await operator.context().close();

  // Both of Julien's accounts may use the e-service: Besançon subscribes and grants it to
  // julien-bernard2; Saint-Étienne grants it back to julien-bernard (withdrawn above).
  const marc = await signedIn(browser, "marc-lefebvre");
  await marc.goto("/administration/abonnements");
  const subscription = marc.getByRole("region", { name: SERVICE });
  await subscription.getByLabel(`J'accepte les conditions d'utilisation de l'e-service « ${SERVICE} »`).check();
  await subscription.getByRole("button", { name: `S'abonner à ${SERVICE}` }).click();
  await expect(marc.getByRole("region", { name: SERVICE }).getByRole("button", { name: /Mettre fin à l'abonnement/ })).toBeVisible();
  await marc.goto("/administration/permissions");
  await marc.getByRole("checkbox", { name: `Autoriser Julien Bernard à utiliser ${SERVICE}` }).check();
  await marc.getByRole("button", { name: "Enregistrer les modifications" }).click();
  await expect(marc.getByText(/Enregistré\s:\s1 permission accordée/)).toBeVisible();
  await marc.context().close();
  const claire = await signedIn(browser, "claire-martin");
  await claire.goto("/administration/permissions");
  await claire.getByRole("checkbox", { name: `Autoriser Julien Bernard à utiliser ${SERVICE}` }).check();
  await claire.getByRole("button", { name: "Enregistrer les modifications" }).click();
  await expect(claire.getByText(/Enregistré\s:\s1 permission accordée/)).toBeVisible();
  await claire.context().close();

  // Signed in to the portal as julien-bernard (Saint-Étienne), he acts for Besançon: its
  // account's password is asked once, and the example receives that account.
  const julien = await signedIn(browser, "julien-bernard");
  await julien.goto(`${EXAMPLE}/connexion`);
  await expect(julien).toHaveURL(/\/oidc\/interaction\//);
  const choice = julien.getByRole("group", { name: "Pour quelle organisation vous connectez-vous ?" });
  await expect(choice.getByRole("radio", { name: /Saint-Étienne/ })).toBeChecked();
  await choice.getByRole("radio", { name: /Grand Besançon/ }).check();
  await julien.getByLabel("Mot de passe du compte julien-bernard2", { exact: true }).fill(DEMO_PASSWORD);
  await expectNoAxeViolations(julien);
  await julien.getByRole("button", { name: "Continuer vers l'e-service" }).click();
  await expect(julien).toHaveURL(`${EXAMPLE}/`);
  await expect(julien.locator("#personne")).toHaveText("Julien Bernard");
  await expect(julien.locator("#organisation")).toContainText("Grand Besançon");

  // RP-initiated logout: the portal asks in French; "yes" ends the portal session too.
  await julien.getByRole("link", { name: "Se déconnecter" }).click();
  await expect(julien.getByRole("heading", { level: 1 })).toHaveText("Se déconnecter du portail ?");
  await expectNoAxeViolations(julien);
  await julien.getByRole("button", { name: "Oui, me déconnecter du portail" }).click();
  await expect(julien).toHaveURL(`${EXAMPLE}/`);
  await expect(julien.getByText("Vous n'êtes pas connecté.")).toBeVisible();
  await julien.goto("/espace");
  await expect(julien).toHaveURL(/\/connexion/);
  await julien.context().close();
});

test("SSO-1 a wrong redirect URI, a missing PKCE verifier and a replayed code are refused", async ({ browser, request, baseURL }) => {
  const claire = await signedIn(browser, "claire-martin");
  const authorize = (redirectUri: string, challenge: string) =>
    `/oidc/auth?${new URLSearchParams({ client_id: clientId, redirect_uri: redirectUri, response_type: "code", scope: "openid profile", state: "etat-e2e", code_challenge: challenge, code_challenge_method: "S256" })}`;

  const verifier = randomBytes(32).toString("base64url");
  const challenge = createHash("sha256").update(verifier).digest("base64url");
  await claire.goto(authorize("http://127.0.0.1:9/ailleurs", challenge));
  await expect(claire.getByRole("heading", { name: "Connexion à l'e-service impossible" })).toBeVisible();
  await expect(claire.getByText("L'adresse de retour demandée par l'e-service n'est pas celle qui a été enregistrée.")).toBeVisible();

  // A code for the example's redirect URI, caught before the example uses it: the example is
  // stopped, so the browser's last request carries the code to nobody.
  if (example && example.exitCode === null) {
    const exited = new Promise((resolve) => example!.once("exit", resolve));
    example.kill("SIGTERM");
    await exited;
  }
  await claire.goto(authorize(`${EXAMPLE}/retour`, challenge));
  const caught = claire.waitForRequest((request) => request.url().startsWith(`${EXAMPLE}/retour`));
  await claire.getByRole("button", { name: "Continuer vers l'e-service" }).click();
  const callback = new URL((await caught).url());
  const code = callback.searchParams.get("code")!;
  expect(code).toBeTruthy();
  const basic = `Basic ${Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}`).toString("base64")}`;
  const exchange = (fields: Record<string, string>) =>
    request.post(`${baseURL}/oidc/token`, { headers: { authorization: basic }, form: { grant_type: "authorization_code", code, redirect_uri: `${EXAMPLE}/retour`, ...fields } });

  const missing = await exchange({});
  expect(missing.status()).toBe(400);
  const first = await exchange({ code_verifier: verifier });
  expect(first.status()).toBe(200);
  const replay = await exchange({ code_verifier: verifier });
  expect(replay.status()).toBe(400);
  expect((await replay.json()).error).toBe("invalid_grant");
  await claire.context().close();
});
