// Issue 16 item 4: an organisation with no administrator account is no dead end.
import { describe, expect, it } from "vitest";
import { authenticate } from "../auth/authenticate";
import { loginFailureMessage } from "../auth/login-messages";
import { db } from "../db";
import { searchDirectory } from "../organisations/queries";
import { IDLE } from "../forms";
import { createAccount, createOrganisation, TEST_PASSWORD } from "../testing/factories";
import { formData, session } from "../testing/actions";
import { becomeAdministratorWithPasswordAction } from "./actions";

session.ip = () => `198.51.100.${Math.floor(Math.random() * 250)}`;
const login = (identifier: string) => authenticate(db, { identifier, password: TEST_PASSWORD }, { ipAddress: session.ip });

describe("ACC-6 / issue 16 item 4: waiting for an administrator who does not exist", () => {
  it("says so at login instead of sending her to ask an administrator", async () => {
    const organisation = await createOrganisation();
    const waiting = await createAccount({ organisationId: organisation.id, status: "PENDING_VALIDATION" });
    expect(await login(waiting.identifier)).toEqual({ ok: false, reason: "pending_validation_unmanaged" });
    expect(loginFailureMessage("pending_validation_unmanaged")).toMatch(/ni administrateur ni suppléant/);
    expect(loginFailureMessage("pending_validation_unmanaged")).not.toMatch(/demandez-lui/);

    // Once somebody holds the role, the usual message comes back.
    await createAccount({ organisationId: organisation.id, role: "ADMINISTRATOR" });
    expect(await login(waiting.identifier)).toEqual({ ok: false, reason: "pending_validation" });
  });

  it("ignores administrators of other organisations and deactivated ones", async () => {
    const organisation = await createOrganisation();
    await createAccount({ organisationId: organisation.id, role: "ADMINISTRATOR", status: "DEACTIVATED" });
    await createAccount({ role: "ADMINISTRATOR" });
    const waiting = await createAccount({ organisationId: organisation.id, status: "PENDING_VALIDATION" });
    expect(await login(waiting.identifier)).toMatchObject({ reason: "pending_validation_unmanaged" });
  });
});

describe("LR-1 / issue 16 item 4: she asks for the role (a letter) from the page that told her", () => {
  // Renders a letter (PDF): slower than the default 5 s on a busy machine.
  it("creates the request and its letter, and login then says the legal representative must confirm", { timeout: 30_000 }, async () => {
    const organisation = await createOrganisation();
    const waiting = await createAccount({ organisationId: organisation.id, status: "PENDING_VALIDATION" });
    session.viewer = null;
    const state = await becomeAdministratorWithPasswordAction(IDLE, formData({ identifier: ` ${waiting.identifier.toUpperCase()} `, password: TEST_PASSWORD }));
    expect(state).toMatchObject({ status: "success" });
    const request = await db.adminRequest.findFirstOrThrow({ where: { requesterId: waiting.id }, include: { letter: true } });
    expect(request).toMatchObject({ status: "PENDING", organisationId: organisation.id });
    expect(request.letter?.status).toBe("QUEUED");
    expect(await login(waiting.identifier)).toEqual({ ok: false, reason: "pending_legal_representative" });
  });

  it("refuses a wrong password, and an organisation that has an administrator", async () => {
    const organisation = await createOrganisation();
    const waiting = await createAccount({ organisationId: organisation.id, status: "PENDING_VALIDATION" });
    session.viewer = null;
    const wrong = await becomeAdministratorWithPasswordAction(IDLE, formData({ identifier: waiting.identifier, password: "Mauvais-Mot-2026" }));
    expect(wrong).toMatchObject({ status: "error", message: "Identifiant ou mot de passe incorrect." });

    await createAccount({ organisationId: organisation.id, role: "ADMINISTRATOR" });
    const refused = await becomeAdministratorWithPasswordAction(IDLE, formData({ identifier: waiting.identifier, password: TEST_PASSWORD }));
    expect(refused).toMatchObject({ status: "error", message: expect.stringMatching(/a maintenant un administrateur/) });
    expect(await db.adminRequest.count({ where: { requesterId: waiting.id } })).toBe(0);
  });
});

describe("ACC-1 / issue 16 item 4: registration tells whether the organisation has an administrator", () => {
  it("flags each directory option", async () => {
    const withAdministrator = await createOrganisation({ name: "Commune pourvue zqx" });
    await createAccount({ organisationId: withAdministrator.id, role: "ADMINISTRATOR" });
    await createOrganisation({ name: "Commune dépourvue zqx" });
    const options = await searchDirectory("zqx", 10);
    expect(Object.fromEntries(options.map((option) => [option.name, option.hasAdministrator]))).toEqual({
      "Commune pourvue zqx": true,
      "Commune dépourvue zqx": false,
    });
  });
});
