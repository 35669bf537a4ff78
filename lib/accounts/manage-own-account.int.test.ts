import { describe, expect, it } from "vitest";
import { startAuthSession } from "../auth/auth-sessions";
import { authenticate } from "../auth/authenticate";
import { db } from "../db";
import { createAccount, createOrganisation, latestLink, mailbox, TEST_PASSWORD, tokenOf } from "../testing/factories";
import { changePassword, closeAccount, confirmEmailChange, requestEmailChange, updateProfile } from "./manage-own-account";
import { exportAccountData, personalSpace, switchableAccounts } from "./queries";
import { switchAccount, unlockKey } from "./switch-account";
import { RateLimitedError, UserError } from "../operation";
import { actorOf } from "../testing/actions";
import { verifyCurrentPassword } from "./verify-current-password";

describe("ACC-9 personal space", () => {
  it("updates the profile but never the identifier (ACC-2)", async () => {
    const account = await createAccount();
    await updateProfile(db, actorOf(account), { civility: "MONSIEUR", firstName: "Jean-Éric", lastName: "Nouveau", phone: "0123456789", jobTitle: "Secrétaire de mairie" });
    const updated = await db.account.findUniqueOrThrow({ where: { id: account.id } });
    expect(updated).toMatchObject({ firstName: "Jean-Éric", lastName: "Nouveau", phone: "0123456789", identifier: account.identifier });
    expect(await db.auditEvent.count({ where: { action: "account.profile_updated", targetId: account.id } })).toBe(1);
  });

  it("changes the e-mail only once the new address is verified, telling the old one", async () => {
    const account = await createAccount();
    await expect(requestEmailChange(db, actorOf(account), { email: "nouvelle@test.example", currentPassword: "Faux-Mot-2026" })).rejects.toMatchObject({ field: "currentPassword" });
    await requestEmailChange(db, actorOf(account), { email: "nouvelle@test.example", currentPassword: TEST_PASSWORD });
    expect((await db.account.findUniqueOrThrow({ where: { id: account.id } })).email).toBe(account.email);
    expect((await mailbox(account.email))[0]).toMatchObject({ template: "email-change-notice" });
    expect((await personalSpace(actorOf(account))).pendingEmail).toBe("nouvelle@test.example");

    const token = tokenOf(await latestLink("nouvelle@test.example", "/espace/adresse/"));
    expect(await confirmEmailChange(db, token)).toEqual({ ok: true, email: "nouvelle@test.example" });
    expect((await db.account.findUniqueOrThrow({ where: { id: account.id } })).email).toBe("nouvelle@test.example");
    expect((await mailbox(account.email)).map((message) => message.template)).toEqual(["email-change-notice", "email-change-notice"]);
    expect(await confirmEmailChange(db, token)).toEqual({ ok: false, problem: "used" });
  });

  it("refuses an address another account of the organisation uses", async () => {
    const organisation = await createOrganisation();
    const account = await createAccount({ organisationId: organisation.id });
    const colleague = await createAccount({ organisationId: organisation.id });
    await expect(requestEmailChange(db, actorOf(account), { email: colleague.email, currentPassword: TEST_PASSWORD })).rejects.toMatchObject({ field: "email" });
  });

  it("ACC-10 changing the password needs the current one, and ends the other sessions", async () => {
    const account = await createAccount();
    await expect(changePassword(db, actorOf(account), { currentPassword: "Faux-Mot-2026", password: "Prairie-Verte-12" })).rejects.toBeInstanceOf(UserError);
    await expect(changePassword(db, actorOf(account), { currentPassword: TEST_PASSWORD, password: "court" })).rejects.toMatchObject({ field: "password" });
    const version = await changePassword(db, actorOf(account), { currentPassword: TEST_PASSWORD, password: "Prairie-Verte-12" });
    expect(version).toBe(account.sessionVersion + 1);
    expect(await authenticate(db, { identifier: account.identifier, password: "Prairie-Verte-12" }, { ipAddress: "10.9.9.9" })).toMatchObject({ ok: true, sessionVersion: version });
    expect((await mailbox(account.email))[0].template).toBe("password-changed");
  });

  it("limits wrong current passwords per account (SEC-2)", async () => {
    const account = await createAccount();
    for (let attempt = 0; attempt < 5; attempt += 1) {
      await expect(changePassword(db, actorOf(account), { currentPassword: "Faux-Mot-2026", password: "Prairie-Verte-12" })).rejects.toMatchObject({ field: "currentPassword" });
    }
    await expect(changePassword(db, actorOf(account), { currentPassword: TEST_PASSWORD, password: "Prairie-Verte-12" })).rejects.toThrow(/Trop de tentatives/);
  });

  it("shows organisation, role, granted e-services and the last logins", async () => {
    const account = await createAccount();
    const service = await db.eService.create({ data: { slug: `svc-${Date.now()}`, name: "Cadastre en ligne", description: "d", url: "https://cadastre.example/", termsText: "t" } });
    await db.permission.create({ data: { accountId: account.id, eServiceId: service.id, organisationId: account.organisationId! } });
    await authenticate(db, { identifier: account.identifier, password: TEST_PASSWORD }, { ipAddress: "10.1.1.1", userAgent: "Firefox/140.0" });
    const space = await personalSpace(actorOf(account));
    expect(space.organisation?.name).toMatch(/^Commune test/);
    expect(space.role).toBe("USER");
    expect(space.permissions.map((permission) => permission.eService.name)).toEqual(["Cadastre en ligne"]);
    expect(space.loginEvents[0]).toMatchObject({ ipAddress: "10.1.1.1", userAgent: "Firefox/140.0" });
  });
});

describe("SEC-6 my data and closing my account", () => {
  it("exports the account's data without its password hash", async () => {
    const account = await createAccount();
    const data = await exportAccountData(actorOf(account));
    expect(data.account.identifier).toBe(account.identifier);
    expect(JSON.stringify(data)).not.toContain("argon2");
  });

  it("closes the account: no login, no permissions, sessions ended, e-mail sent", async () => {
    const account = await createAccount();
    await expect(closeAccount(db, actorOf(account), { currentPassword: "Faux-Mot-2026" })).rejects.toBeInstanceOf(UserError);
    await closeAccount(db, actorOf(account), { currentPassword: TEST_PASSWORD });
    const closed = await db.account.findUniqueOrThrow({ where: { id: account.id } });
    expect(closed).toMatchObject({ status: "DEACTIVATED", deactivationReason: "CLOSED_BY_OWNER", sessionVersion: account.sessionVersion + 1 });
    expect(await authenticate(db, { identifier: account.identifier, password: TEST_PASSWORD }, { ipAddress: "10.2.2.2" })).toEqual({ ok: false, reason: "deactivated_closed" });
    expect((await mailbox(account.email))[0].template).toBe("account-closed");
  });
});

/** The sign-in fields of a viewer: a real auth_sessions row (SEC-7). */
async function signInRow(accountId: string) {
  const session = await startAuthSession(db, { accountId });
  return { authSessionId: session.id, sessionExpiresAt: session.expiresAt };
}

describe("ORG-5 switching between the accounts of one verified address", () => {
  it("lists the other active accounts of the same verified address, and switches after that account's password once", async () => {
    const email = `multi.${Date.now()}@test.example`;
    const mine = await createAccount({ email });
    const other = await createAccount({ email });
    await createAccount({ email, status: "PENDING_VALIDATION" });
    await createAccount({ email: `autre.${Date.now()}@test.example` });
    const viewer = { accountId: mine.id, email, unlockedAccountIds: [unlockKey(mine.id, 0)], ...(await signInRow(mine.id)) };

    expect((await switchableAccounts(viewer)).map((account) => account.id)).toEqual([other.id]);
    await expect(switchAccount(db, viewer, { targetAccountId: other.id }, { ipAddress: "10.3.3.3" })).rejects.toMatchObject({ field: "password" });
    await expect(switchAccount(db, viewer, { targetAccountId: other.id, password: "Faux-Mot-2026" }, { ipAddress: "10.3.3.3" })).rejects.toMatchObject({ field: "password" });
    const switched = await switchAccount(db, viewer, { targetAccountId: other.id, password: TEST_PASSWORD }, { ipAddress: "10.3.3.3" });
    expect(switched).toMatchObject({ accountId: other.id, sessionVersion: 0 });
    expect(switched.unlockedAccountIds).toEqual([unlockKey(mine.id, 0), unlockKey(other.id, 0)]);

    // Back and forth within the browser session: no password any more.
    const back = await switchAccount(
      db,
      { accountId: other.id, email, unlockedAccountIds: switched.unlockedAccountIds, authSessionId: switched.authSessionId, sessionExpiresAt: viewer.sessionExpiresAt },
      { targetAccountId: mine.id },
      { ipAddress: "10.3.3.3" },
    );
    expect(back.accountId).toBe(mine.id);
  });

  it("refuses another person's account, even with its password", async () => {
    const mine = await createAccount();
    const stranger = await createAccount();
    const viewer = { accountId: mine.id, email: mine.email, unlockedAccountIds: [unlockKey(stranger.id, 0)], ...(await signInRow(mine.id)) };
    await expect(switchAccount(db, viewer, { targetAccountId: stranger.id, password: TEST_PASSWORD }, { ipAddress: "10.4.4.4" })).rejects.toThrow("Ce compte n'est pas disponible.");
    expect(await db.loginEvent.count({ where: { accountId: stranger.id } })).toBe(0);
  });

  it("asks the password again once the target's password changed", async () => {
    const email = `multi2.${Date.now()}@test.example`;
    const mine = await createAccount({ email });
    const other = await createAccount({ email });
    await changePassword(db, actorOf(other), { currentPassword: TEST_PASSWORD, password: "Prairie-Verte-12" });
    const viewer = { accountId: mine.id, email, unlockedAccountIds: [unlockKey(mine.id, 0), unlockKey(other.id, 0)], ...(await signInRow(mine.id)) };
    await expect(switchAccount(db, viewer, { targetAccountId: other.id }, { ipAddress: "10.5.5.5" })).rejects.toMatchObject({ field: "password" });
  });
});

describe("SEC-8 the current-password check is counted before the password is checked: 50 concurrent attempts", () => {
  it("evaluates at most 5 of 50 concurrent wrong passwords, then refuses even the right one", async () => {
    const account = await createAccount();
    const attempts = await Promise.allSettled(
      Array.from({ length: 50 }, (_, index) => verifyCurrentPassword(db, account, `Mauvais-Mot-${index}`)),
    );
    const reasons = attempts.map((attempt) => (attempt.status === "rejected" ? attempt.reason : null));
    // "Mot de passe incorrect." is the answer of an evaluated password; the others were refused unevaluated.
    expect(reasons.filter((reason) => reason instanceof UserError && !(reason instanceof RateLimitedError))).toHaveLength(5);
    expect(reasons.filter((reason) => reason instanceof RateLimitedError)).toHaveLength(45);
    await expect(verifyCurrentPassword(db, account, TEST_PASSWORD)).rejects.toBeInstanceOf(RateLimitedError);
  });

  it("the right password forgives earlier failures", async () => {
    const account = await createAccount();
    for (let attempt = 0; attempt < 4; attempt += 1) await expect(verifyCurrentPassword(db, account, "Mauvais-Mot-2026")).rejects.toMatchObject({ field: "currentPassword" });
    await verifyCurrentPassword(db, account, TEST_PASSWORD);
    for (let attempt = 0; attempt < 4; attempt += 1) await expect(verifyCurrentPassword(db, account, "Mauvais-Mot-2026")).rejects.toMatchObject({ field: "currentPassword" });
    await verifyCurrentPassword(db, account, TEST_PASSWORD);
  });
});
