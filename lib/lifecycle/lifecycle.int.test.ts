import { describe, expect, it } from "vitest";
import { activateAccount } from "../accounts/activate-account";
import { registrationSubject, resendActivation } from "../accounts/resend-activation";
import { db } from "../db";
import type { JobContext } from "../jobs/runner";
import { SCHEDULED_JOBS } from "../jobs/schedule";
import { createAccount, createOrganisation, latestLink, mailbox, tableCounts, tokenOf } from "../testing/factories";
import { issueToken } from "../tokens";
import { accountInactivityJob, MIN_NOTICE_DAYS } from "./inactivity";
import { NEVER_ACTIVATED_PURGE_DAYS, neverActivatedAccountsJob } from "./never-activated";

const DAY_MS = 86_400_000;
const runInactivity = (now: Date) => accountInactivityJob.run({ db, now, periodKey: "test" } satisfies JobContext);
const runNeverActivated = (now: Date) => neverActivatedAccountsJob.run({ db, now, periodKey: "test" } satisfies JobContext);

async function grantPermission(account: { id: string; organisationId: string | null }) {
  const suffix = Math.random().toString(36).slice(2, 8);
  const eService = await db.eService.create({
    data: { slug: `service-${suffix}`, name: `Service ${suffix}`, description: "Test", url: "https://service.test", termsText: "CGU" },
  });
  await db.permission.create({ data: { accountId: account.id, eServiceId: eService.id, organisationId: account.organisationId! } });
}

async function auditOf(accountId: string, action?: string) {
  return db.auditEvent.findMany({ where: { targetId: accountId, ...(action ? { action } : {}) }, orderBy: { createdAt: "asc" } });
}

describe("LIFE-2 inactivity: warning at 15 months, deactivation at 16 calendar months (Europe/Paris)", () => {
  it("warns once at 15 months and deactivates exactly at 16 months; a second run the same day changes nothing", async () => {
    expect(SCHEDULED_JOBS).toContain(accountInactivityJob);
    const organisation = await createOrganisation({ name: "Commune de Bellevue-sur-Loir" });
    // 31 October 2024 10:00 Paris (winter time, UTC+1).
    const account = await createAccount({ organisationId: organisation.id });
    await db.account.update({ where: { id: account.id }, data: { lastLoginAt: new Date("2024-10-31T09:00:00Z") } });
    await grantPermission(account);
    // One day later: warned one day later, never deactivated with the first one.
    const neighbour = await createAccount({ organisationId: organisation.id });
    await db.account.update({ where: { id: neighbour.id }, data: { lastLoginAt: new Date("2024-11-01T09:00:00Z") } });
    // An old registration still waiting for validation is not "inactive".
    const pending = await createAccount({ organisationId: organisation.id, status: "PENDING_VALIDATION" });
    await db.account.update({ where: { id: pending.id }, data: { createdAt: new Date("2023-01-01T00:00:00Z"), activatedAt: new Date("2023-01-01T00:00:00Z") } });

    // 15 months: 31 January 2026 10:00 Paris.
    await runInactivity(new Date("2026-01-31T08:59:59.999Z"));
    expect(await mailbox(account.email)).toHaveLength(0);
    await runInactivity(new Date("2026-01-31T09:00:00Z"));
    const [warning] = await mailbox(account.email);
    expect(warning.template).toBe("inactivity-warning");
    expect(warning.text).toContain(account.identifier);
    expect(warning.text).toContain("Commune de Bellevue-sur-Loir");
    expect(warning.text).toContain("28 février 2026 à 10:00");
    expect(warning.links[0]).toBe("http://127.0.0.1:3000/connexion");
    expect((await db.account.findUniqueOrThrow({ where: { id: account.id } })).inactivityWarnedAt).toEqual(new Date("2026-01-31T09:00:00Z"));
    expect(await mailbox(neighbour.email)).toHaveLength(0);

    // Later the same day, and the next days: no second warning.
    const afterWarning = await tableCounts();
    await runInactivity(new Date("2026-01-31T20:00:00Z"));
    await runInactivity(new Date("2026-02-01T09:00:00Z")); // the neighbour's 15 months
    expect(await mailbox(account.email)).toHaveLength(1);
    expect((await mailbox(neighbour.email)).map((message) => message.template)).toEqual(["inactivity-warning"]);
    expect((await tableCounts()).audit).toBe(afterWarning.audit + 1); // the neighbour's warning only

    // 16 months: 28 February 2026 10:00 Paris, not a millisecond before.
    await runInactivity(new Date("2026-02-28T08:59:59.999Z"));
    expect(await db.account.findUniqueOrThrow({ where: { id: account.id } })).toMatchObject({ status: "ACTIVE" });
    expect(await db.permission.count({ where: { accountId: account.id } })).toBe(1);

    await runInactivity(new Date("2026-02-28T09:00:00Z"));
    const deactivated = await db.account.findUniqueOrThrow({ where: { id: account.id } });
    expect(deactivated).toMatchObject({
      status: "DEACTIVATED",
      deactivationReason: "INACTIVITY",
      deactivatedAt: new Date("2026-02-28T09:00:00Z"),
      sessionVersion: account.sessionVersion + 1,
    });
    expect(await db.permission.count({ where: { accountId: account.id } })).toBe(0);
    const [notice] = await mailbox(account.email);
    expect(notice.template).toBe("account-deactivated");
    expect(notice.text).toContain(account.identifier);
    expect(notice.text).toMatch(/ne seront\s+pas rétablis automatiquement/);
    expect(notice.links[0]).toBe("http://127.0.0.1:3000/activation/renvoyer");
    const [event] = await auditOf(account.id, "account.deactivated");
    expect(event).toMatchObject({ actorRole: "SYSTEM", organisationId: organisation.id, targetLabel: account.identifier });
    expect(event.details).toMatchObject({ reason: "INACTIVITY", permissionsRemoved: 1 });

    // The neighbour's 16 months end one day later; the pending account is never concerned.
    expect(await db.account.findUniqueOrThrow({ where: { id: neighbour.id } })).toMatchObject({ status: "ACTIVE" });
    expect(await db.account.findUniqueOrThrow({ where: { id: pending.id } })).toMatchObject({ status: "PENDING_VALIDATION", inactivityWarnedAt: null });
    expect(await mailbox(pending.email)).toHaveLength(0);

    // Second run the same day: nothing new at all.
    const afterDeactivation = await tableCounts();
    await runInactivity(new Date("2026-02-28T22:00:00Z"));
    expect(await tableCounts()).toEqual(afterDeactivation);
    expect(await db.account.findUniqueOrThrow({ where: { id: account.id } })).toEqual(deactivated);
  });

  it("never deactivates without a warning: a late warning gives at least the minimum notice", async () => {
    const account = await createAccount();
    await db.account.update({ where: { id: account.id }, data: { lastLoginAt: new Date("2022-05-10T12:00:00Z") } });
    const now = new Date("2026-03-10T03:00:00Z");
    await runInactivity(now);
    expect(await db.account.findUniqueOrThrow({ where: { id: account.id } })).toMatchObject({ status: "ACTIVE", inactivityWarnedAt: now });
    expect((await mailbox(account.email))[0].text).toContain("24 mars 2026 à 04:00");

    await runInactivity(new Date(now.getTime() + MIN_NOTICE_DAYS * DAY_MS - 1));
    expect(await db.account.findUniqueOrThrow({ where: { id: account.id } })).toMatchObject({ status: "ACTIVE" });
    await runInactivity(new Date(now.getTime() + MIN_NOTICE_DAYS * DAY_MS));
    expect(await db.account.findUniqueOrThrow({ where: { id: account.id } })).toMatchObject({ status: "DEACTIVATED", deactivationReason: "INACTIVITY" });
  });

  it("a login after the warning starts a new period: no deactivation, a new warning 15 months later", async () => {
    const account = await createAccount();
    await db.account.update({ where: { id: account.id }, data: { lastLoginAt: new Date("2024-03-15T10:00:00Z") } });
    await runInactivity(new Date("2025-06-16T01:00:00Z"));
    expect(await mailbox(account.email)).toHaveLength(1);
    await db.account.update({ where: { id: account.id }, data: { lastLoginAt: new Date("2025-06-20T10:00:00Z") } });
    await runInactivity(new Date("2025-07-16T01:00:00Z"));
    expect(await db.account.findUniqueOrThrow({ where: { id: account.id } })).toMatchObject({ status: "ACTIVE" });
    expect(await mailbox(account.email)).toHaveLength(1);
    await runInactivity(new Date("2026-09-20T10:00:00Z"));
    expect((await mailbox(account.email)).map((message) => message.template)).toEqual(["inactivity-warning", "inactivity-warning"]);
  });

  it("also deactivates a dormant operator, who is told to ask another operator", async () => {
    const operator = await createAccount({ organisationId: null });
    await db.account.update({ where: { id: operator.id }, data: { lastLoginAt: new Date("2024-01-15T10:00:00Z") } });
    await runInactivity(new Date("2025-04-15T11:00:00Z"));
    await runInactivity(new Date("2025-05-15T11:00:00Z"));
    expect(await db.account.findUniqueOrThrow({ where: { id: operator.id } })).toMatchObject({ status: "DEACTIVATED" });
    const [notice] = await mailbox(operator.email);
    expect(notice.template).toBe("account-deactivated");
    expect(notice.text).toContain("autre opérateur");
    expect(notice.links).toEqual([]);
  });
});

describe("LIFE-4 reactivation by a new activation link never restores permissions", () => {
  it("gives the account back, ACTIVE, without its former permissions", async () => {
    const account = await createAccount();
    await db.account.update({ where: { id: account.id }, data: { lastLoginAt: new Date("2024-06-30T08:00:00Z") } });
    await grantPermission(account);
    await runInactivity(new Date("2025-09-30T08:00:00Z"));
    // 10:00 Paris is 09:00Z again after the end of summer time.
    await runInactivity(new Date("2025-10-30T09:00:00Z"));
    expect(await db.account.findUniqueOrThrow({ where: { id: account.id } })).toMatchObject({ status: "DEACTIVATED", deactivationReason: "INACTIVITY" });
    expect(await db.permission.count({ where: { accountId: account.id } })).toBe(0);

    const now = new Date("2025-11-03T09:00:00Z");
    expect(await resendActivation(db, { login: account.identifier }, { ipAddress: "198.51.100.7", now })).toBe(1);
    const outcome = await activateAccount(db, tokenOf(await latestLink(account.email, "/activation/")), now);
    expect(outcome).toMatchObject({ ok: true, status: "ACTIVE" });
    expect(await db.account.findUniqueOrThrow({ where: { id: account.id } })).toMatchObject({ status: "ACTIVE", deactivationReason: null, lastLoginAt: now });
    expect(await db.permission.count({ where: { accountId: account.id } })).toBe(0);

    // Reactivated today: the inactivity clock starts again.
    await runInactivity(new Date("2025-11-04T02:00:00Z"));
    expect(await db.account.findUniqueOrThrow({ where: { id: account.id } })).toMatchObject({ status: "ACTIVE" });
  });
});

describe("LIFE-3 registrations never activated", () => {
  it("are deactivated as soon as their link expires, not before, without an e-mail", async () => {
    expect(SCHEDULED_JOBS).toContain(neverActivatedAccountsJob);
    const issuedAt = new Date("2026-04-01T07:30:00Z");
    const account = await createAccount({ status: "PENDING_ACTIVATION" });
    const { expiresAt } = await issueToken(db, { purpose: "ACTIVATION", accountId: account.id, now: issuedAt });
    expect(expiresAt).toEqual(new Date(issuedAt.getTime() + 72 * 3_600_000));
    // Imported accounts waiting for their opening date have no link yet: left alone.
    const imported = await createAccount({ status: "PENDING_ACTIVATION" });

    await runNeverActivated(new Date(expiresAt.getTime() - 1));
    expect(await db.account.findUniqueOrThrow({ where: { id: account.id } })).toMatchObject({ status: "PENDING_ACTIVATION" });

    const outboxBefore = await db.outboxEmail.count();
    await runNeverActivated(expiresAt);
    expect(await db.account.findUniqueOrThrow({ where: { id: account.id } })).toMatchObject({
      status: "DEACTIVATED",
      deactivationReason: "NEVER_ACTIVATED",
      deactivatedAt: expiresAt,
    });
    expect(await db.outboxEmail.count()).toBe(outboxBefore);
    const [event] = await auditOf(account.id, "account.deactivated");
    expect(event.details).toEqual({ reason: "NEVER_ACTIVATED" });
    expect(await db.account.findUniqueOrThrow({ where: { id: imported.id } })).toMatchObject({ status: "PENDING_ACTIVATION" });

    const counts = await tableCounts();
    await runNeverActivated(new Date(expiresAt.getTime() + 3_600_000));
    expect(await tableCounts()).toEqual(counts);
  });

  it("keeps a registration whose newest link is still valid, even if an older one expired", async () => {
    const account = await createAccount({ status: "PENDING_ACTIVATION" });
    await issueToken(db, { purpose: "ACTIVATION", accountId: account.id, now: new Date("2026-04-01T07:00:00Z") });
    await issueToken(db, { purpose: "ACTIVATION", accountId: account.id, now: new Date("2026-04-03T07:00:00Z") });
    await runNeverActivated(new Date("2026-04-05T07:00:00Z"));
    expect(await db.account.findUniqueOrThrow({ where: { id: account.id } })).toMatchObject({ status: "PENDING_ACTIVATION" });
    await runNeverActivated(new Date("2026-04-06T07:00:00Z"));
    expect(await db.account.findUniqueOrThrow({ where: { id: account.id } })).toMatchObject({ status: "DEACTIVATED" });
  });

  it("are purged 30 days after their deactivation, not before, with their tokens; the audit log keeps the identifier", async () => {
    const issuedAt = new Date("2026-05-01T10:00:00Z");
    const account = await createAccount({ status: "PENDING_ACTIVATION" });
    const { expiresAt } = await issueToken(db, { purpose: "ACTIVATION", accountId: account.id, now: issuedAt });
    // Asked for a new link after the deactivation: kept while that link is valid.
    const retrying = await createAccount({ status: "PENDING_ACTIVATION" });
    await issueToken(db, { purpose: "ACTIVATION", accountId: retrying.id, now: issuedAt });
    await runNeverActivated(expiresAt);
    const purgeAt = new Date(expiresAt.getTime() + NEVER_ACTIVATED_PURGE_DAYS * DAY_MS);
    await issueToken(db, { purpose: "ACTIVATION", accountId: retrying.id, now: new Date(purgeAt.getTime() - DAY_MS) });

    await runNeverActivated(new Date(purgeAt.getTime() - 1));
    expect(await db.account.findUnique({ where: { id: account.id } })).not.toBeNull();

    await runNeverActivated(purgeAt);
    expect(await db.account.findUnique({ where: { id: account.id } })).toBeNull();
    expect(await db.token.count({ where: { accountId: account.id } })).toBe(0);
    const [purged] = await auditOf(account.id, "account.purged");
    expect(purged).toMatchObject({ actorRole: "SYSTEM", targetLabel: account.identifier });
    expect(JSON.stringify(purged)).not.toContain(account.email);
    expect(await auditOf(account.id, "account.deactivated")).toHaveLength(1);
    expect(await db.account.findUniqueOrThrow({ where: { id: retrying.id } })).toMatchObject({ status: "DEACTIVATED" });

    const counts = await tableCounts();
    await runNeverActivated(new Date(purgeAt.getTime() + 3_600_000));
    expect(await tableCounts()).toEqual(counts);

    // Once the new link has expired too, the retrying registration goes.
    await runNeverActivated(new Date(purgeAt.getTime() + 3 * DAY_MS));
    expect(await db.account.findUnique({ where: { id: retrying.id } })).toBeNull();
  });

  it("a never-activated registration comes back through a new link, pending validation", async () => {
    const account = await createAccount({ status: "PENDING_ACTIVATION" });
    const { expiresAt } = await issueToken(db, { purpose: "ACTIVATION", accountId: account.id, now: new Date("2026-06-01T10:00:00Z") });
    await runNeverActivated(expiresAt);
    const now = new Date(expiresAt.getTime() + 5 * DAY_MS);
    expect(await resendActivation(db, { registration: registrationSubject(account.organisationId!, account.email) }, { ipAddress: "198.51.100.9", now })).toBe(1);
    expect(await activateAccount(db, tokenOf(await latestLink(account.email, "/activation/")), now)).toMatchObject({ ok: true, status: "PENDING_VALIDATION" });
  });
});
