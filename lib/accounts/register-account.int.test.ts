import { beforeEach, describe, expect, it } from "vitest";
import { db } from "../db";
import { createAccount, createOrganisation, latestLink, mailbox, tokenOf } from "../testing/factories";
import { activateAccount } from "./activate-account";
import { registerAccount } from "./register-account";
import { resendActivation } from "./resend-activation";
import type { RegistrationInput } from "./schemas";
import { RateLimitedError, UserError } from "../operation";

let organisationId: string;
let ip: string;
beforeEach(async () => {
  organisationId = (await createOrganisation({ name: "Saint-Léger-sur-Test" })).id;
  ip = `10.0.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
});

function input(overrides: Partial<RegistrationInput> = {}): RegistrationInput {
  return {
    organisationId,
    civility: "MONSIEUR",
    firstName: "Frédéric",
    lastName: "DUPONT DURAND",
    email: `frederic.${Math.random().toString(36).slice(2, 8)}@mairie.example`,
    phone: null,
    jobTitle: null,
    password: "Orage-Violet-42",
    passwordConfirmation: "Orage-Violet-42",
    requestedRole: "USER",
    acceptTerms: "on",
    ...overrides,
  };
}

describe("ACC-1 ACC-2 ID-1 registration", () => {
  it("creates a pending account with the ID-1 identifier, a hashed password, and an activation e-mail", async () => {
    const data = input();
    const outcome = await registerAccount(db, data, { ipAddress: ip });
    expect(outcome).toMatchObject({ kind: "created", identifier: "frederic-dupont-dura", email: data.email });

    const account = await db.account.findUniqueOrThrow({ where: { identifier: "frederic-dupont-dura" } });
    expect(account).toMatchObject({ status: "PENDING_ACTIVATION", role: "USER", organisationId, emailVerifiedAt: null, adminRoleRequestedAt: null });
    expect(account.passwordHash).toMatch(/^\$argon2id\$/);
    expect(account.passwordHash).not.toContain(data.password);

    const [message] = await mailbox(data.email);
    expect(message.template).toBe("activation");
    expect(message.text).toContain("frederic-dupont-dura");
    expect(message.text).toContain("Saint-Léger-sur-Test");
    expect(message.text).not.toContain(data.password);
    expect(message.links.some((link) => link.startsWith("http://127.0.0.1:3000/activation/"))).toBe(true);
  });

  it("appends the smallest free number, cutting the base to 20 characters", async () => {
    const names = { firstName: "Gaëlle", lastName: "Le Bihan-Quéré" };
    expect((await registerAccount(db, input(names), { ipAddress: ip })).identifier).toBe("gaelle-le-bihan-quer");
    expect((await registerAccount(db, input(names), { ipAddress: ip })).identifier).toBe("gaelle-le-bihan-que2");
    expect((await registerAccount(db, input(names), { ipAddress: ip })).identifier).toBe("gaelle-le-bihan-que3");
  });

  it("ACC-3 registering the same e-mail again before activation resends the link instead of duplicating", async () => {
    const data = input();
    const first = await registerAccount(db, data, { ipAddress: ip });
    const firstLink = await latestLink(data.email, "/activation/");
    const again = await registerAccount(db, { ...data, firstName: "Fred" }, { ipAddress: ip });
    expect(again).toMatchObject({ kind: "resent", accountId: first.accountId, identifier: first.identifier });
    expect(await db.account.count({ where: { email: data.email } })).toBe(1);

    // Only the latest link works.
    const secondLink = await latestLink(data.email, "/activation/");
    expect(secondLink).not.toBe(firstLink);
    expect(await activateAccount(db, tokenOf(firstLink))).toEqual({ ok: false, problem: "superseded" });
    expect(await activateAccount(db, tokenOf(secondLink))).toMatchObject({ ok: true, status: "PENDING_VALIDATION" });
  });

  it("refuses a second account for an address already active in the organisation", async () => {
    const existing = await createAccount({ organisationId, email: "deja@mairie.example" });
    await expect(registerAccount(db, input({ email: existing.email }), { ipAddress: ip })).rejects.toMatchObject({
      field: "email",
      message: expect.stringContaining("Un compte existe déjà"),
    });
  });

  it("accepts the same address in another organisation (ORG-5: one account per organisation)", async () => {
    const data = input();
    await registerAccount(db, data, { ipAddress: ip });
    const other = (await createOrganisation()).id;
    const outcome = await registerAccount(db, { ...data, organisationId: other }, { ipAddress: ip });
    expect(outcome.kind).toBe("created");
    expect(await db.account.count({ where: { email: data.email } })).toBe(2);
  });

  it("refuses an unknown organisation, a weak password and unusable names, writing nothing", async () => {
    const before = await db.account.count();
    await expect(registerAccount(db, input({ organisationId: "0190f3a4-0000-7000-8000-000000000000" }), { ipAddress: ip })).rejects.toMatchObject({ field: "organisationId" });
    await expect(registerAccount(db, input({ password: "Azerty123", passwordConfirmation: "Azerty123" }), { ipAddress: ip })).rejects.toMatchObject({ field: "password" });
    await expect(registerAccount(db, input({ password: "Frederic-2026", passwordConfirmation: "Frederic-2026" }), { ipAddress: ip })).rejects.toMatchObject({
      field: "password",
      message: expect.stringContaining("prénom"),
    });
    await expect(registerAccount(db, input({ lastName: "***" }), { ipAddress: ip })).rejects.toBeInstanceOf(UserError);
    expect(await db.account.count()).toBe(before);
  });

  it("SEC-2 limits registrations per network address, with the waiting time", async () => {
    for (let index = 0; index < 10; index += 1) await registerAccount(db, input(), { ipAddress: "192.0.2.77" });
    const refused = registerAccount(db, input(), { ipAddress: "192.0.2.77" });
    await expect(refused).rejects.toBeInstanceOf(RateLimitedError);
    await expect(refused).rejects.toThrow(/réessayez dans \d+ (minutes?|heures?)\./);
  });
});

describe("ACC-4 activation", () => {
  it("verifies the address; a user then waits for the administrator's validation", async () => {
    const data = input();
    await registerAccount(db, data, { ipAddress: ip });
    const link = await latestLink(data.email, "/activation/");
    const outcome = await activateAccount(db, tokenOf(link));
    expect(outcome).toMatchObject({ ok: true, status: "PENDING_VALIDATION", administratorRequested: false, organisationHasAdministrator: false });
    const account = await db.account.findFirstOrThrow({ where: { email: data.email } });
    expect(account.emailVerifiedAt).not.toBeNull();
    expect(await db.adminRequest.count({ where: { requesterId: account.id } })).toBe(0);
    // Single use.
    expect(await activateAccount(db, tokenOf(link))).toEqual({ ok: false, problem: "used" });
  });

  it("an administrator registration creates the pending request to the legal representative (LR-1), superseding older ones (LR-5)", async () => {
    const first = input({ requestedRole: "ADMINISTRATOR" });
    await registerAccount(db, first, { ipAddress: ip });
    await activateAccount(db, tokenOf(await latestLink(first.email, "/activation/")));
    const second = input({ requestedRole: "ADMINISTRATOR", firstName: "Nadia", lastName: "Ferrand" });
    await registerAccount(db, second, { ipAddress: ip });
    const outcome = await activateAccount(db, tokenOf(await latestLink(second.email, "/activation/")));
    expect(outcome).toMatchObject({ ok: true, status: "PENDING_VALIDATION", administratorRequested: true });

    const requests = await db.adminRequest.findMany({ where: { organisationId }, orderBy: { createdAt: "asc" }, include: { requester: true } });
    expect(requests.map((request) => [request.requester.email, request.status])).toEqual([
      [first.email, "SUPERSEDED"],
      [second.email, "PENDING"],
    ]);
    expect(requests[1].codeHash).toMatch(/^[0-9a-f]{64}$/);
    expect(requests[1].number).toMatch(/^DA-\d{4}-\d{4}$/);
  });

  it("refuses unknown and expired links", async () => {
    expect(await activateAccount(db, "x".repeat(43))).toEqual({ ok: false, problem: "unknown" });
    expect(await activateAccount(db, "pas un jeton")).toEqual({ ok: false, problem: "unknown" });
    const data = input();
    await registerAccount(db, data, { ipAddress: ip });
    const link = await latestLink(data.email, "/activation/");
    const later = new Date(Date.now() + 72 * 3_600_000 + 1_000);
    expect(await activateAccount(db, tokenOf(link), later)).toEqual({ ok: false, problem: "expired" });
  });

  it("LIFE-4 a link brings back an account deactivated for inactivity, active again but without its permissions", async () => {
    const account = await createAccount({ organisationId, status: "DEACTIVATED", deactivationReason: "INACTIVITY" });
    expect(await resendActivation(db, { login: account.identifier }, { ipAddress: ip })).toBe(1);
    const outcome = await activateAccount(db, tokenOf(await latestLink(account.email, "/activation/")));
    expect(outcome).toMatchObject({ ok: true, status: "ACTIVE" });
    expect(await db.account.findUniqueOrThrow({ where: { id: account.id } })).toMatchObject({ status: "ACTIVE", deactivationReason: null });
  });

  it("does not resend links to active or invalidated accounts, whatever is typed", async () => {
    const active = await createAccount({ organisationId });
    const invalidated = await createAccount({ organisationId, status: "DEACTIVATED", deactivationReason: "INVALIDATED" });
    expect(await resendActivation(db, { login: active.email }, { ipAddress: ip })).toBe(0);
    expect(await resendActivation(db, { login: invalidated.identifier }, { ipAddress: ip })).toBe(0);
    expect(await resendActivation(db, { login: "personne@nulle-part.example" }, { ipAddress: ip })).toBe(0);
    expect(await mailbox(active.email)).toHaveLength(0);
  });
});
