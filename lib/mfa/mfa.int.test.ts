// MFA-1..MFA-4 on real PostgreSQL: the sign-in's second step (limits, replay, single use),
// the « Sécurité » actions, the policy enforced by the guards, and the operator's reset.
import { beforeEach, describe, expect, it } from "vitest";
import { authorize } from "../auth/guards";
import { db } from "../db";
import { RATE_LIMITS } from "../rate-limit";
import { formData as form, session, viewerOf } from "../testing/actions";
import { createAccount, createOrganisation, mailbox, TEST_PASSWORD } from "../testing/factories";
import { encryptTotpKey, newTotpKey, timeStep, totpCode } from "./totp";
import { secondFactorPolicy } from "./policy";
import { SIGN_IN_STEP_MAX_ATTEMPTS, startSignInStep, verifySignInStep } from "./sign-in-step";

const {
  startTotpAction,
  confirmTotpAction,
  removeTotpAction,
  regenerateRecoveryCodesAction,
  setOrganisationMfaRequiredAction,
  resetSecondFactorAction,
} = await import("./actions");

const IDLE = { status: "idle" } as const;
let ipCounter = 0;
let ip: string;
beforeEach(() => {
  session.viewer = null;
  ip = `198.51.100.${++ipCounter}`;
  session.ip = ip;
});

/** A confirmed authenticator app with a known key, as if enrolled a while ago. */
async function withTotp(accountId: string): Promise<string> {
  const key = newTotpKey();
  await db.totpSecret.create({ data: { accountId, ...encryptTotpKey(key, accountId), confirmedAt: new Date(Date.now() - 3_600_000) } });
  return key;
}

const verify = (token: string, code: string, now = new Date(), address = ip) => verifySignInStep(db, token, { kind: "code", code }, { ipAddress: address, now });

describe("MFA-2 the second step of the sign-in", () => {
  it("opens with a TOTP code once, recording pwd+otp; the same code is refused in its window (no replay)", async () => {
    const account = await createAccount();
    const key = await withTotp(account.id);
    const now = new Date();
    const code = totpCode(key, now);

    const first = await startSignInStep(db, account.id);
    expect(await verify(first.token, code, now)).toMatchObject({ ok: true, accountId: account.id, amr: ["pwd", "otp"], method: "totp" });
    expect((await db.totpSecret.findUniqueOrThrow({ where: { accountId: account.id } })).lastUsedStep).toBe(timeStep(now));

    // The step is single use…
    expect(await verify(first.token, code, now)).toEqual({ ok: false, reason: "expired" });
    // …and a new step refuses the code already accepted, and the previous step's code.
    const second = await startSignInStep(db, account.id);
    expect(await verify(second.token, code, new Date(now.getTime() + 20_000))).toEqual({ ok: false, reason: "invalid" });
    expect(await verify(second.token, totpCode(key, new Date(now.getTime() - 30_000)), now)).toEqual({ ok: false, reason: "invalid" });
    // The next step's code is accepted.
    expect(await verify(second.token, totpCode(key, new Date(now.getTime() + 30_000)), new Date(now.getTime() + 30_000))).toMatchObject({ ok: true });
  });

  it("is bound to its browser's random id and expires after 5 minutes", async () => {
    const account = await createAccount();
    const key = await withTotp(account.id);
    const step = await startSignInStep(db, account.id);
    expect(await verify("not-the-cookie", totpCode(key, new Date()))).toEqual({ ok: false, reason: "expired" });
    const later = new Date(Date.now() + 5 * 60_000 + 1_000);
    expect(await verify(step.token, totpCode(key, later), later)).toEqual({ ok: false, reason: "expired" });
    const row = await db.mfaChallenge.findFirstOrThrow({ where: { accountId: account.id } });
    expect(row.tokenHash).not.toContain(step.token);
  });

  it("accepts a recovery code once, then refuses it", async () => {
    const account = await createAccount();
    await withTotp(account.id);
    session.viewer = viewerOf(account);
    const answer = await regenerateRecoveryCodesAction(IDLE, form({ currentPassword: TEST_PASSWORD }));
    expect(answer.status).toBe("success");
    const codes = (answer as { result: { recoveryCodes: string[] } }).result.recoveryCodes;
    expect(codes).toHaveLength(10);
    expect(await db.recoveryCode.count({ where: { accountId: account.id, codeHash: { in: codes } } })).toBe(0);

    const step = await startSignInStep(db, account.id);
    expect(await verify(step.token, codes[3].toLowerCase())).toMatchObject({ ok: true, method: "recovery_code", amr: ["pwd", "otp"] });
    const again = await startSignInStep(db, account.id);
    expect(await verify(again.token, codes[3])).toEqual({ ok: false, reason: "invalid" });
    expect(await db.recoveryCode.count({ where: { accountId: account.id, usedAt: null } })).toBe(9);
    expect(await db.auditEvent.count({ where: { action: "mfa.recovery_code_used", targetId: account.id } })).toBe(1);
  });

  it("counts wrong codes with the login limits: 50 concurrent wrong codes evaluate at most the limit", async () => {
    const account = await createAccount();
    await withTotp(account.id);
    const limit = Math.min(RATE_LIMITS.loginFailuresPerIdentifier.limit, SIGN_IN_STEP_MAX_ATTEMPTS);
    const step = await startSignInStep(db, account.id);
    const results = await Promise.all(Array.from({ length: 50 }, () => verify(step.token, "000000")));
    const evaluated = results.filter((result) => !result.ok && result.reason === "invalid").length;
    expect(evaluated).toBeGreaterThan(0);
    expect(evaluated).toBeLessThanOrEqual(limit);
    expect(results.every((result) => !result.ok)).toBe(true);
    const bucket = await db.rateLimitBucket.findUniqueOrThrow({ where: { key: `login-identifier:${account.identifier}` } });
    expect(bucket.points).toBeLessThanOrEqual(RATE_LIMITS.loginFailuresPerIdentifier.limit);
  });

  it("stops after the identifier's limit even across new steps (the same limit as wrong passwords)", async () => {
    const account = await createAccount();
    const key = await withTotp(account.id);
    for (let attempt = 0; attempt < RATE_LIMITS.loginFailuresPerIdentifier.limit; attempt++) {
      const step = await startSignInStep(db, account.id);
      expect(await verify(step.token, "000000")).toEqual({ ok: false, reason: "invalid" });
    }
    const step = await startSignInStep(db, account.id);
    expect(await verify(step.token, totpCode(key, new Date()))).toMatchObject({ ok: false, reason: "rate_limited" });
  });
});

describe("MFA-2 the account switcher (ORG-5) is no way around the second step", () => {
  it("a password alone does not switch into an account that has a second factor", async () => {
    const { switchAccount, unlockKey } = await import("../accounts/switch-account");
    const { startAuthSession } = await import("../auth/auth-sessions");
    const email = `double.${Date.now()}@test.example`;
    const mine = await createAccount({ email });
    const protectedAccount = await createAccount({ email });
    await withTotp(protectedAccount.id);
    const row = await startAuthSession(db, { accountId: mine.id });
    const viewer = { accountId: mine.id, email, unlockedAccountIds: [unlockKey(mine.id, 0)], authSessionId: row.id, sessionExpiresAt: row.expiresAt };
    await expect(switchAccount(db, viewer, { targetAccountId: protectedAccount.id, password: TEST_PASSWORD }, { ipAddress: ip })).rejects.toThrow(
      /double authentification/,
    );
    expect(await db.authSession.count({ where: { accountId: protectedAccount.id } })).toBe(0);
  });
});

describe("MFA-4 « Sécurité »: adding and removing factors asks for the password, e-mails and audits", () => {
  it("adds an authenticator app only once a valid code is given, with ten recovery codes shown once", async () => {
    const account = await createAccount();
    session.viewer = viewerOf(account);
    expect(await startTotpAction(IDLE, form({ currentPassword: "Mauvais-Mot-2026" }))).toMatchObject({ status: "error", fieldErrors: { currentPassword: "Mot de passe incorrect." } });
    const started = await startTotpAction(IDLE, form({ currentPassword: TEST_PASSWORD }));
    expect(started).toMatchObject({ status: "success", result: { key: expect.any(String), qrCode: expect.stringMatching(/^data:image\/svg\+xml;base64,/) } });
    const key = (started as { result: { key: string } }).result.key.replace(/ /g, "");
    const stored = await db.totpSecret.findUniqueOrThrow({ where: { accountId: account.id } });
    expect(stored.confirmedAt).toBeNull();
    expect(stored.ciphertext).not.toContain(key);

    expect(await confirmTotpAction(IDLE, form({ code: "000000" }))).toMatchObject({ status: "error", fieldErrors: { code: expect.stringContaining("Code incorrect") } });
    const confirmed = await confirmTotpAction(IDLE, form({ code: totpCode(key, new Date()) }));
    expect(confirmed).toMatchObject({ status: "success", result: { recoveryCodes: expect.any(Array) } });
    expect((confirmed as { result: { recoveryCodes: string[] } }).result.recoveryCodes).toHaveLength(10);
    expect((await mailbox(account.email))[0]).toMatchObject({ template: "second-factor-changed" });
    expect(await db.auditEvent.count({ where: { action: "mfa.totp_added", targetId: account.id } })).toBe(1);

    // The code that confirmed the app is not accepted again at the next sign-in.
    const step = await startSignInStep(db, account.id);
    expect(await verify(step.token, totpCode(key, new Date()))).toEqual({ ok: false, reason: "invalid" });
  });

  it("refuses to remove the last factor where one is required (an operator), allows it otherwise", async () => {
    const operator = await createAccount({ organisationId: null });
    await withTotp(operator.id);
    session.viewer = viewerOf(operator);
    expect(await removeTotpAction(IDLE, form({ currentPassword: TEST_PASSWORD }))).toMatchObject({
      status: "error",
      message: expect.stringContaining("obligatoire"),
    });
    expect(await db.totpSecret.count({ where: { accountId: operator.id } })).toBe(1);

    const user = await createAccount();
    await withTotp(user.id);
    session.viewer = viewerOf(user);
    expect(await removeTotpAction(IDLE, form({ currentPassword: TEST_PASSWORD }))).toMatchObject({ status: "success" });
    expect(await db.totpSecret.count({ where: { accountId: user.id } })).toBe(0);
    expect(await db.auditEvent.count({ where: { action: "mfa.totp_removed", targetId: user.id } })).toBe(1);
  });
});

describe("MFA-3 policy", () => {
  const now = new Date("2026-11-29T12:00:00Z");
  it("operators always; administrators after their 14 days; an organisation's accounts when it requires it; users may", () => {
    expect(secondFactorPolicy({ role: "OPERATOR", mfaEnrolmentDeadline: null, organisationRequiresMfa: false }, now).required).toBe(true);
    const soon = new Date(now.getTime() + 3 * 86_400_000);
    expect(secondFactorPolicy({ role: "ADMINISTRATOR", mfaEnrolmentDeadline: soon, organisationRequiresMfa: false }, now)).toEqual({ required: false, deadline: soon });
    expect(secondFactorPolicy({ role: "ADMINISTRATOR", mfaEnrolmentDeadline: new Date(now.getTime() - 1), organisationRequiresMfa: false }, now).required).toBe(true);
    expect(secondFactorPolicy({ role: "USER", mfaEnrolmentDeadline: null, organisationRequiresMfa: false }, now)).toEqual({ required: false, deadline: null });
    expect(secondFactorPolicy({ role: "USER", mfaEnrolmentDeadline: null, organisationRequiresMfa: true }, now).required).toBe(true);
  });

  it("an account that must enrol reaches nothing but enrolment, whatever the guard", async () => {
    const operator = await createAccount({ organisationId: null });
    const viewer = { ...viewerOf(operator), secondFactor: { enrolled: false, required: true, deadline: null } };
    for (const guard of ["account", "operator"] as const) {
      expect(() => authorize(guard, viewer)).toThrow(/NEXT_REDIRECT \/espace\/securite\?obligatoire=1/);
    }
    expect(authorize("enrolment", viewer)).toBe(viewer);
    session.viewer = viewer;
    await expect(resetSecondFactorAction(IDLE, form({ ticketId: crypto.randomUUID(), accountId: crypto.randomUUID(), note: "Vérifié par téléphone" }))).rejects.toThrow(
      /NEXT_REDIRECT \/espace\/securite/,
    );
  });

  it("an administrator requires it for the organisation (audited)", async () => {
    const organisation = await createOrganisation();
    const administrator = await createAccount({ organisationId: organisation.id, role: "ADMINISTRATOR" });
    session.viewer = viewerOf(administrator);
    expect(await setOrganisationMfaRequiredAction(IDLE, form({ required: "oui" }))).toMatchObject({ status: "success" });
    expect((await db.organisation.findUniqueOrThrow({ where: { id: organisation.id } })).mfaRequired).toBe(true);
    expect(await db.auditEvent.count({ where: { action: "organisation.mfa_required_changed", organisationId: organisation.id } })).toBe(1);
    const colleague = await createAccount({ organisationId: organisation.id });
    session.viewer = viewerOf(colleague);
    expect(await setOrganisationMfaRequiredAction(IDLE, form({ required: "non" })).catch((error: Error) => error.message)).toMatch(/NEXT_HTTP_ERROR_FALLBACK;403/);
  });
});

describe("MFA-4 lost everything: an operator resets the requester's second factor from the ticket", () => {
  it("removes every factor, ends every session, e-mails the person and audits the check", async () => {
    const person = await createAccount({ email: "perdu@test.example" });
    await withTotp(person.id);
    await db.recoveryCode.create({ data: { accountId: person.id, codeHash: "x" } });
    const signIn = await db.authSession.create({ data: { accountId: person.id, expiresAt: new Date(Date.now() + 3_600_000) } });
    // SSO-5: an e-service opened from that session.
    await db.oidcLogin.create({ data: { accountId: person.id, authSessionId: signIn.id, clientId: "e-service-test", grantId: `grant-${person.id}` } });
    const stranger = await createAccount();
    const ticket = await db.supportTicket.create({ data: { number: `AS-${Date.now()}`, category: "ACCESS", contactEmail: "perdu@test.example", accountId: null } });
    const operator = await createAccount({ organisationId: null });
    session.viewer = viewerOf(operator);

    expect(await resetSecondFactorAction(IDLE, form({ ticketId: ticket.id, accountId: person.id, note: "" }))).toMatchObject({
      status: "error",
      fieldErrors: { note: expect.stringContaining("vérification") },
    });
    expect(await resetSecondFactorAction(IDLE, form({ ticketId: ticket.id, accountId: stranger.id, note: "Identité vérifiée par téléphone" }))).toMatchObject({
      status: "error",
      message: "Ce compte n'est pas celui de la personne qui a fait la demande.",
    });
    expect(await resetSecondFactorAction(IDLE, form({ ticketId: ticket.id, accountId: person.id, note: "Identité vérifiée par téléphone" }))).toMatchObject({
      status: "success",
      message: expect.stringContaining("1 session(s) fermée(s)"),
    });
    const after = await db.account.findUniqueOrThrow({ where: { id: person.id } });
    expect(after.sessionVersion).toBe(person.sessionVersion + 1);
    expect(await db.totpSecret.count({ where: { accountId: person.id } })).toBe(0);
    expect(await db.recoveryCode.count({ where: { accountId: person.id } })).toBe(0);
    expect(await db.authSession.count({ where: { accountId: person.id, endedAt: null } })).toBe(0);
    expect(await db.oidcLogin.count({ where: { accountId: person.id, endedAt: null } })).toBe(0);
    expect((await mailbox(person.email))[0]).toMatchObject({ template: "second-factor-changed" });
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "mfa.reset_by_support", targetId: person.id } });
    expect(event).toMatchObject({ actorId: operator.id, details: expect.objectContaining({ ticket: ticket.number, note: "Identité vérifiée par téléphone" }) });
  });
});

describe("MFA leftovers are purged daily", () => {
  it("removes sign-in steps a day past their end and keys never confirmed, keeps confirmed keys", async () => {
    const { purgeMfaLeftovers } = await import("../jobs/maintenance");
    const account = await createAccount();
    await withTotp(account.id);
    const abandoned = await createAccount();
    const longAgo = new Date(Date.now() - 2 * 86_400_000);
    await db.totpSecret.create({ data: { accountId: abandoned.id, ...encryptTotpKey(newTotpKey(), abandoned.id), createdAt: longAgo } });
    await startSignInStep(db, account.id, longAgo);
    const fresh = await startSignInStep(db, abandoned.id);
    await purgeMfaLeftovers.run({ db, now: new Date(), periodKey: "test" });
    expect(await db.totpSecret.count({ where: { accountId: { in: [account.id, abandoned.id] } } })).toBe(1);
    expect(await db.mfaChallenge.count({ where: { accountId: account.id } })).toBe(0);
    expect(await db.mfaChallenge.count({ where: { accountId: abandoned.id } })).toBe(1);
    expect(fresh.token).toBeTruthy();
  });
});
