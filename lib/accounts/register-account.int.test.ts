import { beforeEach, describe, expect, it } from "vitest";
import { db } from "../db";
import { createAccount, createOrganisation, latestLink, mailbox, tokenOf } from "../testing/factories";
import { verifyPassword } from "../security/password-hash";
import { activateAccount } from "./activate-account";
import { RateLimitedError, UserError } from "../operation";
import { hit, RATE_LIMITS } from "../rate-limit";
import { registerAccount } from "./register-account";
import { registrationSubject, resendActivation } from "./resend-activation";
import type { RegistrationInput } from "./schemas";

let organisationId: string;
let ip: string;
beforeEach(async () => {
  organisationId = (await createOrganisation({ name: "Saint-Léger-sur-Test" })).id;
  ip = `10.0.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
});

async function identifierOf(email: string, organisation = organisationId): Promise<string> {
  return (await db.account.findUniqueOrThrow({ where: { organisationId_email: { organisationId: organisation, email } } })).identifier;
}

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
    expect(outcome).toMatchObject({ email: data.email });

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
    for (const expected of ["gaelle-le-bihan-quer", "gaelle-le-bihan-que2", "gaelle-le-bihan-que3"]) {
      const data = input(names);
      await registerAccount(db, data, { ipAddress: ip });
      expect(await identifierOf(data.email)).toBe(expected);
    }
  });

  it("ACC-3 registering the same e-mail again before activation resends the link instead of duplicating", async () => {
    const data = input();
    const first = await registerAccount(db, data, { ipAddress: ip });
    const firstLink = await latestLink(data.email, "/activation/");
    const again = await registerAccount(db, { ...data, firstName: "Fred" }, { ipAddress: ip });
    // The same page; its identifier is the one these names would get (ACC-2, SEC-8), the e-mail has the real one.
    expect({ ...again, identifier: "…" }).toEqual({ ...first, identifier: "…" });
    expect(await db.account.count({ where: { email: data.email } })).toBe(1);

    // Only the latest link works.
    const secondLink = await latestLink(data.email, "/activation/");
    expect(secondLink).not.toBe(firstLink);
    expect(await activateAccount(db, tokenOf(firstLink))).toEqual({ ok: false, problem: "superseded" });
    expect(await activateAccount(db, tokenOf(secondLink))).toMatchObject({ ok: true, status: "PENDING_VALIDATION" });
  });

  it("accepts the same address in another organisation (ORG-5: one account per organisation)", async () => {
    const data = input();
    await registerAccount(db, data, { ipAddress: ip });
    const other = (await createOrganisation()).id;
    await registerAccount(db, { ...data, organisationId: other }, { ipAddress: ip });
    expect(await db.account.count({ where: { email: data.email } })).toBe(2);
    expect(await identifierOf(data.email, other)).not.toBe(await identifierOf(data.email));
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

  it("SEC-2 limits registrations per e-mail, with the waiting time", async () => {
    const data = input();
    for (let index = 0; index < 5; index += 1) await registerAccount(db, { ...data, organisationId: (await createOrganisation()).id }, { ipAddress: ip });
    const refused = registerAccount(db, data, { ipAddress: ip });
    await expect(refused).rejects.toBeInstanceOf(RateLimitedError);
    await expect(refused).rejects.toThrow(/réessayez dans \d+ (minutes?|heures?)\./);
  });
});

describe("SEC-8 registration tells nothing and changes nothing of an existing account", () => {
  it("re-registering with the address of a pending registration only re-sends its link: password, names and role stay", async () => {
    const victim = input({ requestedRole: "USER" });
    const fresh = await registerAccount(db, victim, { ipAddress: ip });
    const before = await db.account.findFirstOrThrow({ where: { email: victim.email } });

    const attacker = { ...victim, firstName: "Mallory", lastName: "Intrus", password: "Pirate-Nocturne-77", passwordConfirmation: "Pirate-Nocturne-77", requestedRole: "ADMINISTRATOR" as const };
    const answer = await registerAccount(db, attacker, { ipAddress: "203.0.113.66" });
    // The same answer as a fresh registration, and nothing in it about the account.
    expect({ ...answer, identifier: "…" }).toEqual({ ...fresh, identifier: "…" });
    expect(Object.keys(answer).sort()).toEqual(["email", "identifier", "resendSubject"]);
    // ACC-2's identifier on the page: the attacker's names' own, never the account's.
    expect(answer.identifier).toMatch(/^mallory-intrus\d*$/);
    expect(answer.identifier).not.toBe(before.identifier);

    const after = await db.account.findFirstOrThrow({ where: { email: victim.email } });
    expect(after).toEqual(before);
    expect(await verifyPassword(after.passwordHash!, attacker.password)).toBe(false);
    expect(await verifyPassword(after.passwordHash!, victim.password)).toBe(true);

    // The link goes to the address on file, with the first registration's identifier; once
    // activated, the account opens with its owner's password only.
    const [latest] = await mailbox(victim.email);
    expect(latest.template).toBe("activation");
    expect(latest.text).toContain(before.identifier);
    expect(latest.text).not.toContain("mallory");
    await activateAccount(db, tokenOf(await latestLink(victim.email, "/activation/")));
    const activated = await db.account.findUniqueOrThrow({ where: { id: before.id } });
    expect(activated).toMatchObject({ firstName: "Frédéric", adminRoleRequestedAt: null, status: "PENDING_VALIDATION" });
    expect(await verifyPassword(activated.passwordHash!, attacker.password)).toBe(false);
  });

  it("answers the same whatever exists; the owner of an existing account is told by e-mail, nothing else changes", async () => {
    const existing = await createAccount({ organisationId, email: "deja@mairie.example" });
    const before = await db.account.findUniqueOrThrow({ where: { id: existing.id } });
    const accountsBefore = await db.account.count();

    const newcomer = input();
    const fresh = await registerAccount(db, newcomer, { ipAddress: ip });
    const repeated = await registerAccount(db, input({ email: existing.email }), { ipAddress: ip });
    // The same shape and the same kind of content: what was typed, nothing about the account.
    expect(fresh).toEqual({ email: newcomer.email, identifier: expect.any(String), resendSubject: registrationSubject(organisationId, newcomer.email) });
    expect(repeated).toEqual({ email: existing.email, identifier: expect.any(String), resendSubject: registrationSubject(organisationId, existing.email) });
    expect(repeated.identifier).not.toBe(existing.identifier);
    expect(await db.account.findUnique({ where: { identifier: repeated.identifier } })).toBeNull();

    expect(await db.account.count()).toBe(accountsBefore + 1);
    expect(await db.account.findUniqueOrThrow({ where: { id: existing.id } })).toEqual(before);
    const [message] = await mailbox(existing.email);
    expect(message.template).toBe("registration-existing");
    expect(message.text).toContain(existing.identifier);
    expect(message.links).toContain("http://127.0.0.1:3000/mot-de-passe-oublie");
    // "Renvoyer le courriel d'activation" from that page sends nothing to an active account.
    expect(await resendActivation(db, { registration: repeated.resendSubject }, { ipAddress: ip })).toBe(0);
  });
});

describe("SEC-2 registration limits protect without locking out an office (issue 18 item 15)", () => {
  it("refused forms are not counted as registrations", async () => {
    const address = "192.0.2.150";
    for (let index = 0; index < 30; index += 1) {
      await expect(registerAccount(db, input({ password: "Azerty123", passwordConfirmation: "Azerty123" }), { ipAddress: address })).rejects.toMatchObject({ field: "password" });
      await expect(registerAccount(db, input({ lastName: "***" }), { ipAddress: address })).rejects.toBeInstanceOf(UserError);
    }
    const data = input();
    await expect(registerAccount(db, data, { ipAddress: address })).resolves.toMatchObject({ email: data.email });
    expect(await db.account.count({ where: { email: data.email } })).toBe(1);
  });

  it("a whole team registers the same morning from the town hall's one address, a few retrying their password", async () => {
    const address = "192.0.2.151";
    for (let index = 0; index < 40; index += 1) {
      const person = input({ email: `agent.${index}@mairie-equipe.example`, firstName: `Agent${index}` });
      if (index % 4 === 0) {
        await expect(registerAccount(db, { ...person, password: "motdepasse", passwordConfirmation: "motdepasse" }, { ipAddress: address })).rejects.toMatchObject({ field: "password" });
      }
      await registerAccount(db, person, { ipAddress: address });
    }
    expect(await db.account.count({ where: { email: { endsWith: "@mairie-equipe.example" } } })).toBe(40);
  });
});

describe("SEC-8 registration limits are counted before anything is done: 50 concurrent attempts", () => {
  it("per e-mail: at most 5 of 50 concurrent registrations with one address are processed", async () => {
    const data = input();
    const outcomes = await Promise.allSettled(
      Array.from({ length: 50 }, (_, index) => registerAccount(db, data, { ipAddress: `198.18.0.${index}` })),
    );
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled").length).toBeLessThanOrEqual(RATE_LIMITS.registrationPerEmail.limit);
    for (const outcome of outcomes) if (outcome.status === "rejected") expect(outcome.reason).toBeInstanceOf(RateLimitedError);
    // One account, and no more e-mails than registrations processed.
    expect(await db.account.count({ where: { email: data.email } })).toBe(1);
    expect((await mailbox(data.email)).length).toBeLessThanOrEqual(RATE_LIMITS.registrationPerEmail.limit);
  });

  it("per network address: with 5 registrations left, 5 of 50 concurrent ones are processed", async () => {
    const address = "192.0.2.152";
    const { limit } = RATE_LIMITS.registrationPerAddress;
    for (let index = 0; index < limit - 5; index += 1) await hit(db, RATE_LIMITS.registrationPerAddress, address);
    const organisations = await Promise.all(Array.from({ length: 50 }, () => createOrganisation()));
    const outcomes = await Promise.allSettled(organisations.map((organisation) => registerAccount(db, input({ organisationId: organisation.id }), { ipAddress: address })));
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(5);
    expect(await db.account.count({ where: { organisationId: { in: organisations.map((organisation) => organisation.id) } } })).toBe(5);
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
