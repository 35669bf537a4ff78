import { beforeEach, describe, expect, it } from "vitest";
import { db } from "../db";
import { createAccount, createOrganisation, TEST_PASSWORD } from "../testing/factories";
import { authenticate } from "./authenticate";
import { loginFailureMessage } from "./login-messages";

let organisationId: string;
let ip: string;
beforeEach(async () => {
  organisationId = (await createOrganisation()).id;
  ip = `198.51.100.${Math.floor(Math.random() * 250)}`;
});

const login = (identifier: string, password = TEST_PASSWORD, address = ip) => authenticate(db, { identifier, password }, { ipAddress: address, userAgent: "Vitest" });

describe("ACC-5 login with identifier and password", () => {
  it("signs in an active account, trims the identifier, records the login", async () => {
    const account = await createAccount({ organisationId });
    const result = await login(`  ${account.identifier.toUpperCase()}  `);
    expect(result).toEqual({ ok: true, accountId: account.id, sessionVersion: 0, secondFactor: false });
    const events = await db.loginEvent.findMany({ where: { accountId: account.id } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ ipAddress: ip, userAgent: "Vitest", organisationId });
    expect((await db.account.findUniqueOrThrow({ where: { id: account.id } })).lastLoginAt).not.toBeNull();
  });

  it("uses the password exactly as typed", async () => {
    const account = await createAccount({ organisationId });
    expect(await login(account.identifier, ` ${TEST_PASSWORD}`)).toEqual({ ok: false, reason: "invalid" });
    expect(await login(account.identifier, TEST_PASSWORD.toLowerCase())).toEqual({ ok: false, reason: "invalid" });
  });

  it("gives the same answer for an unknown identifier and a wrong password", async () => {
    const account = await createAccount({ organisationId });
    const unknown = await login("personne-inconnue");
    const wrong = await login(account.identifier, "Mauvais-Mot-2026");
    expect(unknown).toEqual(wrong);
    expect(loginFailureMessage(unknown.ok ? "invalid" : unknown.reason)).toBe("Identifiant ou mot de passe incorrect.");
  });
});

describe("ACC-6 accounts that cannot log in say why, only to whoever knows the password", () => {
  const cases = [
    [{ status: "PENDING_ACTIVATION" }, "pending_activation"],
    [{ status: "PENDING_VALIDATION" }, "pending_validation"],
    [{ status: "DEACTIVATED", deactivationReason: "INACTIVITY" }, "deactivated_inactivity"],
    [{ status: "DEACTIVATED", deactivationReason: "NEVER_ACTIVATED" }, "deactivated_never_activated"],
    [{ status: "DEACTIVATED", deactivationReason: "INVALIDATED" }, "deactivated_invalidated"],
    [{ status: "DEACTIVATED", deactivationReason: "CLOSED_BY_OWNER" }, "deactivated_closed"],
  ] as const;

  for (const [state, reason] of cases) {
    it(`${state.status} ${"deactivationReason" in state ? state.deactivationReason : ""} → ${reason}`, async () => {
      // Someone can validate the account (DEP-2: without an administrator nor a deputy, the
      // answer says so instead, lib/deputies/deputies.int.test.ts).
      if (reason === "pending_validation") await createAccount({ organisationId, role: "ADMINISTRATOR" });
      const account = await createAccount({ organisationId, ...state });
      expect(await login(account.identifier)).toEqual({ ok: false, reason });
      expect(await login(account.identifier, "Mauvais-Mot-2026")).toEqual({ ok: false, reason: "invalid" });
      expect(await db.loginEvent.count({ where: { accountId: account.id } })).toBe(0);
      expect(loginFailureMessage(reason)).not.toBe("Identifiant ou mot de passe incorrect.");
    });
  }

  it("tells an administrator candidate that the legal representative has not confirmed yet", async () => {
    const account = await createAccount({ organisationId, status: "PENDING_VALIDATION", adminRoleRequested: true });
    await db.adminRequest.create({
      data: { number: `DA-${Date.now()}`, organisationId, requesterId: account.id, codeHash: "x", expiresAt: new Date(Date.now() + 86_400_000) },
    });
    expect(await login(account.identifier)).toEqual({ ok: false, reason: "pending_legal_representative" });
  });
});

describe("SEC-2 failed logins are limited per identifier and per address", () => {
  it("blocks an identifier after 5 failures, with the waiting time, even with the right password", async () => {
    const account = await createAccount({ organisationId });
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expect(await login(account.identifier, "Mauvais-Mot-2026", `203.0.113.${attempt}`)).toEqual({ ok: false, reason: "invalid" });
    }
    const blocked = await login(account.identifier, TEST_PASSWORD, "203.0.113.99");
    expect(blocked).toMatchObject({ ok: false, reason: "rate_limited" });
    const seconds = blocked.ok ? 0 : blocked.retryAfterSeconds!;
    expect(seconds).toBeGreaterThan(800);
    expect(seconds).toBeLessThanOrEqual(900);
    expect(loginFailureMessage("rate_limited", seconds)).toBe("Trop de tentatives. Par sécurité, réessayez dans 15 minutes.");
  });

  it("counts unknown identifiers too, and blocks an address after 30 failures", async () => {
    for (let attempt = 0; attempt < 30; attempt += 1) await login(`inconnu-${attempt}`, "x", "192.0.2.200");
    const account = await createAccount({ organisationId });
    expect(await login(account.identifier, TEST_PASSWORD, "192.0.2.200")).toMatchObject({ ok: false, reason: "rate_limited" });
    expect(await login(account.identifier, TEST_PASSWORD, "192.0.2.201")).toMatchObject({ ok: true });
  });

  it("forgets earlier failures of an identifier after a successful login", async () => {
    const account = await createAccount({ organisationId });
    for (let attempt = 0; attempt < 4; attempt += 1) await login(account.identifier, "Mauvais-Mot-2026");
    expect(await login(account.identifier)).toMatchObject({ ok: true });
    for (let attempt = 0; attempt < 4; attempt += 1) await login(account.identifier, "Mauvais-Mot-2026");
    expect(await login(account.identifier)).toMatchObject({ ok: true });
  });
});

describe("SEC-8 login limits are counted before the password is checked: 50 concurrent attempts", () => {
  it("per identifier: at most 5 of 50 concurrent wrong passwords are evaluated, then even the right one waits", async () => {
    const account = await createAccount({ organisationId });
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, index) => login(account.identifier, `Mauvais-Mot-${index}`, `203.0.113.${index}`)),
    );
    // "invalid" is the answer of an evaluated password; the others were refused unevaluated.
    expect(results.filter((result) => !result.ok && result.reason === "invalid")).toHaveLength(5);
    expect(results.filter((result) => !result.ok && result.reason === "rate_limited")).toHaveLength(45);
    expect(await login(account.identifier, TEST_PASSWORD, "203.0.113.200")).toMatchObject({ ok: false, reason: "rate_limited" });
  });

  it("per identifier: the right password among 50 concurrent tries only gets in if it is one of the 5 evaluated", async () => {
    const account = await createAccount({ organisationId });
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, index) => login(account.identifier, index === 47 ? TEST_PASSWORD : `Mauvais-Mot-${index}`, `203.0.113.${index}`)),
    );
    const evaluated = results.filter((result) => result.ok || result.reason === "invalid");
    expect(evaluated.length).toBeLessThanOrEqual(5);
    expect(results.filter((result) => !result.ok && result.reason === "rate_limited").length).toBeGreaterThanOrEqual(45);
  });

  it("per address: at most 30 of 50 concurrent attempts from one address are evaluated", async () => {
    const address = "192.0.2.210";
    const results = await Promise.all(Array.from({ length: 50 }, (_, index) => login(`inconnu-concurrent-${index}`, "Mauvais-Mot-2026", address)));
    expect(results.filter((result) => !result.ok && result.reason === "invalid")).toHaveLength(30);
    expect(results.filter((result) => !result.ok && result.reason === "rate_limited")).toHaveLength(20);
  });

  it("a successful login is not a failure of its address", async () => {
    const address = "192.0.2.211";
    const account = await createAccount({ organisationId });
    for (let attempt = 0; attempt < 29; attempt += 1) await login(`inconnu-succes-${attempt}`, "x", address);
    for (let attempt = 0; attempt < 3; attempt += 1) expect(await login(account.identifier, TEST_PASSWORD, address)).toMatchObject({ ok: true });
    expect(await login("inconnu-succes-final", "x", address)).toEqual({ ok: false, reason: "invalid" });
    expect(await login("inconnu-succes-final", "x", address)).toMatchObject({ ok: false, reason: "rate_limited" });
  });
});

describe("SEC-7 / MFA-2 the login statement starts the session row only when the password is enough", () => {
  const open = (identifier: string, address = ip) =>
    authenticate(db, { identifier, password: TEST_PASSWORD }, { ipAddress: address, userAgent: "Vitest", openSession: true });

  it("an account without a second factor gets its sign-in row (pwd), with the login recorded", async () => {
    const account = await createAccount({ organisationId });
    const result = await open(account.identifier);
    expect(result).toMatchObject({ ok: true, accountId: account.id, secondFactor: false });
    const id = result.ok ? result.session?.id : undefined;
    expect(id).toBeDefined();
    const row = await db.authSession.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ accountId: account.id, amr: ["pwd"], ipAddress: ip, userAgent: "Vitest", endedAt: null });
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(12 * 60 * 60 * 1000);
    expect(await db.loginEvent.count({ where: { accountId: account.id } })).toBe(1);
  });

  it("an account with an authenticator app or a passkey gets no session row on its password alone", async () => {
    const withApp = await createAccount({ organisationId });
    await db.totpSecret.create({ data: { accountId: withApp.id, ciphertext: "test", keyId: "test", confirmedAt: new Date() } });
    const withPasskey = await createAccount({ organisationId });
    await db.webAuthnCredential.create({ data: { accountId: withPasskey.id, credentialId: `cred-${withPasskey.id}`, publicKey: Buffer.from("key"), name: "Clé" } });
    for (const account of [withApp, withPasskey]) {
      expect(await open(account.identifier)).toEqual({ ok: true, accountId: account.id, sessionVersion: 0, secondFactor: true });
      expect(await db.authSession.count({ where: { accountId: account.id } })).toBe(0);
    }
  });

  it("an authenticator app still waiting for its first code is no second factor", async () => {
    const account = await createAccount({ organisationId });
    await db.totpSecret.create({ data: { accountId: account.id, ciphertext: "test", keyId: "test" } });
    expect(await open(account.identifier)).toMatchObject({ ok: true, secondFactor: false, session: { id: expect.any(String) } });
  });

  it("a wrong password, or an account that cannot log in, starts no row", async () => {
    const active = await createAccount({ organisationId });
    const pending = await createAccount({ organisationId, status: "PENDING_ACTIVATION" });
    expect(await authenticate(db, { identifier: active.identifier, password: "Mauvais-Mot-2026" }, { ipAddress: ip, openSession: true })).toEqual({ ok: false, reason: "invalid" });
    expect(await open(pending.identifier)).toEqual({ ok: false, reason: "pending_activation" });
    expect(await db.authSession.count({ where: { accountId: { in: [active.id, pending.id] } } })).toBe(0);
  });

  it("without openSession (a password confirmed for another purpose) no row is started", async () => {
    const account = await createAccount({ organisationId });
    expect(await login(account.identifier)).toEqual({ ok: true, accountId: account.id, sessionVersion: 0, secondFactor: false });
    expect(await db.authSession.count({ where: { accountId: account.id } })).toBe(0);
  });
});
