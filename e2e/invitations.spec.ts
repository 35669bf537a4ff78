import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./fixtures/axe";
import { DEMO_PASSWORD, login, logout } from "./fixtures/journeys";
import { linkPath, readMailbox, waitForMessage } from "./fixtures/mailbox";

test.describe("DEP-3 invitations from the administrator's console", () => {
  test("invite → the welcome e-mail → activation with a chosen password → sign-in; re-send and withdraw a pending invitation", async ({ page, request }) => {
    test.setTimeout(180_000);
    const stamp = Date.now();
    const guest = { firstName: "Maëlle", lastName: `Invitée${stamp}`, email: `maelle.${stamp}@saint-etienne.example` };
    const other = { firstName: "Hugo", lastName: `Retiré${stamp}`, email: `hugo.${stamp}@saint-etienne.example` };
    const guestName = `${guest.firstName} ${guest.lastName}`;
    const otherName = `${other.firstName} ${other.lastName}`;

    await login(page, "claire-martin", DEMO_PASSWORD);
    await page.goto("/administration");
    await page.getByRole("navigation", { name: "Console d'administration" }).getByRole("link", { name: "Invitations" }).click();
    await expect(page.getByRole("heading", { name: "Invitations", level: 1 })).toBeVisible();
    await expectNoAxeViolations(page);

    // An empty form says what is missing, field by field.
    await page.getByRole("button", { name: "Inviter une personne" }).click();
    await expect(page.getByText("Indiquez le prénom de la personne.")).toBeVisible();
    await expect(page.getByText("Indiquez l'adresse électronique de la personne.")).toBeVisible();
    await expectNoAxeViolations(page);

    const form = page.getByRole("region", { name: "Inviter une personne" });
    async function submit(person: { firstName: string; lastName: string; email: string }, eService: boolean) {
      await form.getByRole("radio", { name: "Madame" }).check();
      await form.getByLabel("Prénom", { exact: true }).fill(person.firstName);
      await form.getByLabel("Nom", { exact: true }).fill(person.lastName);
      await form.getByLabel("Adresse électronique", { exact: true }).fill(person.email);
      if (eService) await form.getByRole("group", { name: "E-services accordés" }).getByRole("checkbox").first().check();
      await form.getByRole("button", { name: "Inviter une personne" }).click();
    }
    async function invite(person: { firstName: string; lastName: string; email: string }, eService: boolean) {
      await submit(person, eService);
      await expect(form.getByText(`Invitation envoyée à ${person.email}`)).toBeVisible();
    }
    await invite(guest, true);
    await invite(other, false);
    const pending = page.getByRole("region", { name: "Invitations en attente" });
    await expect(pending.getByRole("listitem").filter({ hasText: guest.email })).toContainText("Courriel de bienvenue envoyé le");
    await expectNoAxeViolations(page);

    // The same address again: a clear field error.
    await submit(guest, false);
    await expect(form.getByText(/Cette personne est déjà invitée/)).toBeVisible();

    // Withdraw asks for a confirmation, then the invitation is gone and its link dead.
    const first = await waitForMessage(request, other.email, /Bienvenue sur le Portail e-services/);
    await pending.getByRole("button", { name: `Retirer l'invitation de ${otherName}` }).click();
    const dialog = page.getByRole("dialog", { name: `Retirer l'invitation de ${otherName} ?` });
    await expect(dialog.getByRole("button", { name: "Annuler" })).toBeFocused();
    await expectNoAxeViolations(page);
    await dialog.getByRole("button", { name: "Retirer l'invitation" }).click();
    await expect(pending.getByText(/Invitation retirée\s:\sle compte .+ est supprimé/)).toBeVisible();

    // Re-send: a new link; only the newest works.
    const sentAt = new Date();
    const original = await waitForMessage(request, guest.email, /Bienvenue sur le Portail e-services/);
    await pending.getByRole("button", { name: `Renvoyer l'invitation de ${guestName}` }).click();
    await expect(pending.getByText(`Invitation renvoyée à ${guest.email}`)).toBeVisible();
    await expect.poll(async () => (await readMailbox(request, guest.email)).length).toBe(2);
    const welcome = (await readMailbox(request, guest.email))[0];
    expect(new Date(welcome.createdAt) >= new Date(sentAt.getTime() - 5_000)).toBe(true);
    expect(linkPath(welcome, "/activation/")).not.toBe(linkPath(original, "/activation/"));
    await logout(page);

    await page.goto(linkPath(first, "/activation/"));
    await expect(page.getByRole("main")).toContainText("Ce lien n'est pas valide.");

    // The person opens the welcome: identifier, never a password; chooses a password; signs in.
    expect(welcome.text).not.toMatch(/mot de passe\s*:/i);
    const identifier = /Identifiant\s:\s(\S+)/.exec(welcome.text)![1];
    await page.goto(linkPath(welcome, "/activation/"));
    await expect(page.getByText(`Votre identifiant : ${identifier}`)).toBeVisible();
    await page.getByLabel("Mot de passe", { exact: true }).fill("Glycine-Mauve-2027");
    await page.getByLabel("Confirmation du mot de passe", { exact: true }).fill("Glycine-Mauve-2027");
    await page.getByRole("button", { name: "Activer mon compte" }).click();
    await expect(page.getByText("Votre compte est activé")).toBeVisible();
    await login(page, identifier, "Glycine-Mauve-2027");
    await page.goto("/espace");
    await expect(page.getByRole("main")).toContainText(identifier);
  });
});

test.describe("DEP-5 the personal data page", () => {
  test("reached from the footer, it says what is kept, for how long and whom to write to", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("navigation", { name: "Pied de page" }).getByRole("link", { name: "Données personnelles" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Données personnelles");
    await expect(page.getByRole("main")).toContainText("est anonymisé 3 ans après sa désactivation");
    await expect(page.getByRole("main")).toContainText("Personne anonymisée n° …");
    await expect(page.getByRole("main").getByRole("link", { name: /@/ })).toBeVisible();
    await expectNoAxeViolations(page);
  });
});
