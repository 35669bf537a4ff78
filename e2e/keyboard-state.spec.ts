// Issue 16 items 6 and 10: keyboard only, the state after each action. The focus goes to the
// action's message, lists and counters change without a reload, the one confirmation dialog
// (native <dialog>: focus inside, Escape cancels, focus returned) guards what ends something
// for another person, and the permission matrix warns before unsaved changes are lost.
import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./fixtures/axe";
import { DEMO_PASSWORD, login, logout, registerAndActivate } from "./fixtures/journeys";

test.describe.configure({ timeout: 180_000 });

/** Presses a control with the keyboard: focus it, then Enter (or Space for a checkbox). */
async function press(page: Page, locator: ReturnType<Page["locator"]>, key: "Enter" | " " = "Enter") {
  await locator.focus();
  await expect(locator).toBeFocused();
  await page.keyboard.press(key === " " ? "Space" : key);
}

function tabCount(page: Page, label: string) {
  return page.getByRole("navigation", { name: "États des comptes" }).getByRole("link", { name: new RegExp(`^${label} \\(\\d+\\)$`) });
}

async function countOf(page: Page, label: string): Promise<number> {
  const text = (await tabCount(page, label).textContent()) ?? "";
  return Number(/\((\d+)\)/.exec(text)?.[1] ?? NaN);
}

test("issue 16 items 6 and 10: validate, grant and withdraw in the matrix, then deactivate through the confirmation dialog, by keyboard", async ({ page, request }) => {
  const suffix = Date.now();
  const person = { firstName: "Clément", lastName: `Clavier${suffix.toString(36)}` };
  const name = `${person.firstName} ${person.lastName}`;
  await registerAndActivate(page, request, {
    organisationQuery: "grand besancon",
    organisationName: "CU Grand Besançon Métropole",
    firstName: person.firstName,
    lastName: person.lastName,
    email: `clement.clavier.${suffix}@grand-besancon.example`,
    password: "Touches-Doubs-2026",
    role: "Utilisateur",
  });

  await login(page, "marc-lefebvre", DEMO_PASSWORD);

  // Validate: the answer takes the focus, the row leaves "À valider" and the counters change.
  await page.goto("/administration/comptes");
  const waiting = await countOf(page, "À valider");
  const active = await countOf(page, "Actifs");
  await press(page, page.getByRole("button", { name: `Valider ${name}` }));
  const decision = page.locator("#decision-message");
  await expect(decision).toBeFocused();
  await expect(decision).toHaveText(`Compte validé : ${name}. La personne en est informée par courriel.`);
  await expect(decision).toHaveAttribute("role", "status");
  await expect(page.getByRole("button", { name: `Refuser ${name}` })).toHaveCount(0);
  await expect(tabCount(page, "À valider")).toHaveText(`À valider (${waiting - 1})`);
  await expect(tabCount(page, "Actifs")).toHaveText(`Actifs (${active + 1})`);
  await expectNoAxeViolations(page);

  // The matrix: a box ticked with Space is an unsaved change; a link asks before leaving.
  await page.goto("/administration/permissions");
  const box = page.getByRole("checkbox", { name: `Autoriser ${name} à utiliser Marchés publics` });
  await press(page, box, " ");
  await expect(box).toBeChecked();
  await expect(page.getByText("1 modification non enregistrée")).toBeVisible();
  const subscriptionsLink = page.getByRole("navigation", { name: "Console d'administration" }).getByRole("link", { name: "Abonnements" });
  await press(page, subscriptionsLink);
  const leave = page.getByRole("dialog", { name: "Quitter sans enregistrer ?" });
  await expect(leave).toBeVisible();
  await expect(leave.getByRole("button", { name: "Rester sur la page" })).toBeFocused();
  await expectNoAxeViolations(page);
  await page.keyboard.press("Escape");
  await expect(leave).toBeHidden();
  await expect(page).toHaveURL(/\/administration\/permissions/);
  await expect(subscriptionsLink).toBeFocused();
  await expect(box).toBeChecked();

  // Saving: the answer takes the focus; nothing is pending any more.
  await press(page, page.getByRole("button", { name: "Enregistrer les modifications" }));
  const saved = page.locator("#matrice-message");
  await expect(saved).toBeFocused();
  await expect(saved).toHaveText("Enregistré : 1 permission accordée.");

  // Withdrawing it is confirmed, naming the person and the e-service.
  await press(page, box, " ");
  await press(page, page.getByRole("button", { name: "Enregistrer les modifications" }));
  const withdraw = page.getByRole("dialog", { name: "Retirer cette permission ?" });
  await expect(withdraw).toContainText(`${name} n'aura plus accès à Marchés publics.`);
  await expect(withdraw.getByRole("button", { name: "Annuler" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(withdraw.getByRole("button", { name: "Enregistrer et retirer l'accès" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(withdraw).toBeHidden();
  await expect(saved).toBeFocused();
  await expect(saved).toHaveText("Enregistré : 1 permission retirée.");
  await expectNoAxeViolations(page);

  // Ending a subscription for the whole organisation says whom it cuts off; Escape cancels.
  await page.goto("/administration/abonnements");
  const end = page.getByRole("button", { name: "Mettre fin à l'abonnement à Marchés publics" });
  await press(page, end);
  const ending = page.getByRole("dialog", { name: "Mettre fin à l'abonnement à Marchés publics ?" });
  await expect(ending).toContainText(/(Les \d+ personnes qui utilisent|La personne qui utilise) Marchés publics/);
  await expect(ending.getByRole("button", { name: "Annuler" })).toBeFocused();
  await expectNoAxeViolations(page);
  await page.keyboard.press("Escape");
  await expect(ending).toBeHidden();
  await expect(end).toBeFocused();
  await expect(page.getByRole("button", { name: "Mettre fin à l'abonnement à Marchés publics" })).toBeVisible();

  // Deactivating a colleague: the reason, then the dialog; Escape cancels and gives the
  // focus back to the button; confirming deactivates, and the answer takes the focus.
  await page.goto("/administration/comptes?statut=ACTIVE");
  const reason = page.getByRole("textbox", { name: `Motif pour ${name}` });
  await reason.focus();
  await page.keyboard.type("Départ de la collectivité");
  await page.keyboard.press("Tab");
  const deactivate = page.getByRole("button", { name: `Désactiver ${name}` });
  await expect(deactivate).toBeFocused();
  await page.keyboard.press("Enter");
  const confirmation = page.getByRole("dialog", { name: `Désactiver le compte de ${name} ?` });
  await expect(confirmation).toBeVisible();
  await expect(confirmation).toContainText(`${name} ne pourra plus se connecter ni utiliser aucun e-service`);
  await expect(confirmation.getByRole("button", { name: "Annuler" })).toBeFocused();
  await expectNoAxeViolations(page);
  await page.keyboard.press("Escape");
  await expect(confirmation).toBeHidden();
  await expect(deactivate).toBeFocused();

  await page.keyboard.press("Enter");
  await expect(confirmation).toBeVisible();
  await page.keyboard.press("Tab");
  await expect(confirmation.getByRole("button", { name: "Désactiver le compte" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(decision).toBeFocused();
  await expect(decision).toHaveText(`Compte désactivé : ${name}. La personne en est informée par courriel.`);
  await expect(page.getByRole("button", { name: `Désactiver ${name}` })).toHaveCount(0);
  await expectNoAxeViolations(page);
  await logout(page);
});
