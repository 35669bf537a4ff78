// DEP-5 on real PostgreSQL: accounts deactivated (inactivity, administrator, closed by their
// owner) are anonymised once the retention period has passed; the audit log keeps every
// event with a pseudonym; the job is idempotent; LIFE-3's purge is unchanged.
import { beforeEach, describe, expect, it } from "vitest";
import { decideOnAccount } from "../administration/manage-accounts";
import { recordAuditEvent } from "../audit/record-audit-event";
import { addMonthsClamped } from "../calendar";
import { db } from "../db";
import { parseEnv } from "../env";
import { SCHEDULED_JOBS } from "../jobs/schedule";
import { LEGAL_REPRESENTATIVE, SYSTEM_ACTOR } from "../operation";
import { actorOf, administratorOf } from "../testing/actions";
import { createAccount, createOrganisation } from "../testing/factories";
import { processNeverActivatedAccounts } from "./never-activated";
import { accountRetentionJob, processRetention, pseudonymOf } from "./retention";

type Account = Awaited<ReturnType<typeof createAccount>>;
const DEACTIVATED_AT = new Date("2023-03-31T10:00:00Z");
const DUE = addMonthsClamped(DEACTIVATED_AT, 36);
let organisationId: string;
let administrator: Account;
let person: Account;
let namesake: Account;

beforeEach(async () => {
  organisationId = (await createOrganisation()).id;
  administrator = await createAccount({ organisationId, role: "ADMINISTRATOR" });
  const stamp = organisationId.slice(-8);
  person = await createAccount({ organisationId, identifier: `jeanne-roc-${stamp}`, firstName: "Jeanne", lastName: "Roc", email: `jeanne.${stamp}@exemple.fr` });
  // An identifier that starts like the person's: it must survive the replacement.
  namesake = await createAccount({ organisationId, identifier: `jeanne-roc-${stamp}2`, firstName: "Jeanne", lastName: "Rocher" });
  await db.account.update({ where: { id: person.id }, data: { phone: "0123456789", jobTitle: "Secrétaire de mairie" } });
  await db.loginEvent.create({ data: { accountId: person.id, organisationId, ipAddress: "203.0.113.9", userAgent: "Firefox" } });
  await db.authSession.create({ data: { accountId: person.id, expiresAt: new Date(DEACTIVATED_AT.getTime() + 3_600_000), ipAddress: "203.0.113.9" } });
  await db.totpSecret.create({ data: { accountId: person.id, ciphertext: "x", keyId: "k", confirmedAt: DEACTIVATED_AT } });
  await db.supportTicket.create({
    data: {
      number: `A-${stamp}`,
      category: "ACCOUNT",
      organisationId,
      accountId: person.id,
      contactEmail: person.email,
      stepsTried: "J'ai réessayé, Jeanne Roc",
      messages: { create: { author: "REQUESTER", authorId: person.id, body: "Bonjour, je suis Jeanne Roc." } },
    },
  });
  // The journal: the person acting, acted upon, and named in another event's details.
  await recordAuditEvent(db, { actor: actorOf(person), action: "account.profile_updated", organisationId, target: { type: "account", id: person.id, label: person.identifier }, ipAddress: "203.0.113.9", at: new Date("2022-01-01T10:00:00Z") });
  await recordAuditEvent(db, {
    actor: actorOf(administrator),
    action: "permission.granted",
    organisationId,
    target: { type: "account", id: person.id, label: person.identifier },
    details: { eServiceName: "Cadastre", accountName: "Jeanne Roc", previousAdministrators: [person.identifier, namesake.identifier], contact: person.email },
    ipAddress: "198.51.100.1",
    at: new Date("2022-02-01T10:00:00Z"),
  });
  // An event about someone else whose details name the person.
  await recordAuditEvent(db, {
    actor: LEGAL_REPRESENTATIVE,
    action: "admin_request.confirmed",
    organisationId,
    target: { type: "account", id: namesake.id, label: namesake.identifier },
    details: { number: "D-2022-000001", previousAdministrators: [person.identifier] },
    at: new Date("2022-03-01T10:00:00Z"),
  });
  await recordAuditEvent(db, { actor: actorOf(administrator), action: "account.invalidated", organisationId, target: { type: "account", id: person.id, label: person.identifier }, at: DEACTIVATED_AT });
  await db.account.update({ where: { id: person.id }, data: { status: "DEACTIVATED", deactivationReason: "INVALIDATED", deactivatedAt: DEACTIVATED_AT } });
});

describe("DEP-5 anonymisation after the retention period", () => {
  it("waits until the period has passed since the deactivation (calendar months), then replaces every personal datum and keeps the row", async () => {
    expect(await processRetention(db, new Date(DUE.getTime() - 1), 36)).toEqual({ examined: 1, anonymised: 0 });
    expect(await db.account.findUniqueOrThrow({ where: { id: person.id } })).toMatchObject({ firstName: "Jeanne", anonymisedAt: null });

    expect(await processRetention(db, DUE, 36)).toEqual({ examined: 1, anonymised: 1 });
    const code = pseudonymOf(person.id).split("n° ")[1];
    const row = await db.account.findUniqueOrThrow({ where: { id: person.id } });
    expect(row).toMatchObject({
      identifier: `anonyme.${person.id}`,
      firstName: "Personne anonymisée",
      lastName: `n° ${code}`,
      email: `${person.id}@anonyme.invalid`,
      phone: null,
      jobTitle: null,
      passwordHash: null,
      status: "DEACTIVATED",
      deactivationReason: "INVALIDATED",
      anonymisedAt: DUE,
    });
    expect(await db.loginEvent.count({ where: { accountId: person.id } })).toBe(0);
    expect(await db.authSession.count({ where: { accountId: person.id } })).toBe(0);
    expect(await db.totpSecret.count({ where: { accountId: person.id } })).toBe(0);
    const ticket = await db.supportTicket.findFirstOrThrow({ where: { accountId: person.id }, include: { messages: true } });
    expect(ticket.contactEmail).toBe(`${person.id}@anonyme.invalid`);
    expect(ticket.stepsTried).toBeNull();
    expect(ticket.messages[0].body).not.toContain("Jeanne");
    // Nobody else is touched.
    expect(await db.account.findUniqueOrThrow({ where: { id: namesake.id } })).toMatchObject({ identifier: namesake.identifier, anonymisedAt: null });
    // The administrator cannot bring the anonymised account back.
    await expect(decideOnAccount(db, administratorOf(administrator), { accountId: person.id, decision: "reactivate" })).rejects.toThrow(/Seul un compte désactivé/);
  });

  it("keeps every audit event, with the person's names replaced by a stable pseudonym and their address cleared", async () => {
    const before = await db.auditEvent.count({ where: { organisationId } });
    await processRetention(db, DUE, 36);
    const pseudonym = pseudonymOf(person.id);
    expect(pseudonym).toMatch(/^Personne anonymisée n° [0-9A-F]{8}$/);
    const events = await db.auditEvent.findMany({ where: { organisationId }, orderBy: { createdAt: "asc" } });
    expect(events).toHaveLength(before + 1);
    const [own, granted, confirmed, invalidated, anonymised] = events;
    expect(own).toMatchObject({ actorId: person.id, actorLabel: pseudonym, targetLabel: pseudonym, ipAddress: null, action: "account.profile_updated" });
    expect(granted).toMatchObject({ actorLabel: administrator.identifier, targetLabel: pseudonym, ipAddress: "198.51.100.1" });
    expect(granted.details).toEqual({
      eServiceName: "Cadastre",
      accountName: pseudonym,
      previousAdministrators: [pseudonym, namesake.identifier],
      contact: pseudonym,
    });
    expect(confirmed).toMatchObject({ targetLabel: namesake.identifier, details: { number: "D-2022-000001", previousAdministrators: [pseudonym] } });
    expect(invalidated).toMatchObject({ targetId: person.id, targetLabel: pseudonym });
    expect(anonymised).toMatchObject({ action: "account.anonymised", actorLabel: "Portail (automatique)", targetLabel: pseudonym, details: { reason: "INVALIDATED", retentionMonths: 36 } });
    const text = JSON.stringify(events);
    expect(text).not.toContain(person.identifier + '"');
    expect(text).not.toContain(person.email);
    expect(text).not.toContain("Jeanne Roc");
    // Outside the retention job the log stays append-only.
    await expect(db.auditEvent.update({ where: { id: own.id }, data: { actorLabel: "autre" } })).rejects.toThrow();
    await expect(db.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT set_config('portail.anonymising', 'on', true)`;
      await tx.auditEvent.update({ where: { id: own.id }, data: { action: "autre" } });
    })).rejects.toThrow();
  });

  it("is idempotent and safe to rerun: a second run finds nothing and changes nothing", async () => {
    await processRetention(db, DUE, 36);
    const snapshot = async () => ({
      account: await db.account.findUniqueOrThrow({ where: { id: person.id } }),
      events: await db.auditEvent.findMany({ where: { organisationId }, orderBy: { id: "asc" } }),
    });
    const first = await snapshot();
    expect(await processRetention(db, new Date(DUE.getTime() + 86_400_000), 36)).toEqual({ examined: 0, anonymised: 0 });
    await Promise.all([processRetention(db, DUE, 36), processRetention(db, DUE, 36)]);
    expect(await snapshot()).toEqual(first);
  });

  it("applies to inactivity and closed accounts, with the configured period; the job is scheduled daily", async () => {
    const closed = await createAccount({ organisationId, status: "DEACTIVATED", deactivationReason: "CLOSED_BY_OWNER" });
    const inactive = await createAccount({ organisationId, status: "DEACTIVATED", deactivationReason: "INACTIVITY" });
    const recent = new Date("2026-01-15T10:00:00Z");
    await db.account.updateMany({ where: { id: { in: [closed.id, inactive.id] } }, data: { deactivatedAt: recent } });
    // One month after 15 January is 15 February: the day before, only the person (deactivated in 2023) is due.
    expect((await processRetention(db, new Date("2026-02-14T10:00:00Z"), 1)).anonymised).toBe(1);
    const anonymised = await db.account.findMany({ where: { id: { in: [closed.id, inactive.id] }, anonymisedAt: { not: null } } });
    expect(anonymised).toHaveLength(0);
    expect((await processRetention(db, new Date("2026-02-15T10:00:00Z"), 1)).anonymised).toBe(2);
    expect(SCHEDULED_JOBS).toContain(accountRetentionJob);
    expect(accountRetentionJob).toMatchObject({ period: "day", fromHour: 4 });
    expect(parseEnv({}).ACCOUNT_RETENTION_MONTHS).toBe(36);
    expect(parseEnv({ ACCOUNT_RETENTION_MONTHS: "60" }).ACCOUNT_RETENTION_MONTHS).toBe(60);
    expect(() => parseEnv({ ACCOUNT_RETENTION_MONTHS: "0" })).toThrow(/ACCOUNT_RETENTION_MONTHS : au moins 1 mois/);
  });
});

describe("DEP-5 leaves LIFE-3 as it is", () => {
  it("a registration never activated is not anonymised: LIFE-3 purges it 30 days after its deactivation", async () => {
    const never = await createAccount({ organisationId, status: "DEACTIVATED", deactivationReason: "NEVER_ACTIVATED" });
    await db.account.update({ where: { id: never.id }, data: { deactivatedAt: new Date("2020-01-01T10:00:00Z") } });
    await recordAuditEvent(db, { actor: SYSTEM_ACTOR, action: "account.deactivated", organisationId, target: { type: "account", id: never.id, label: never.identifier } });
    await processRetention(db, DUE, 36);
    expect(await db.account.findUniqueOrThrow({ where: { id: never.id } })).toMatchObject({ identifier: never.identifier, anonymisedAt: null });
    expect(await processNeverActivatedAccounts(db, DUE)).toMatchObject({ purged: 1 });
    expect(await db.account.findUnique({ where: { id: never.id } })).toBeNull();
    expect(await db.auditEvent.findFirstOrThrow({ where: { action: "account.purged", targetId: never.id } })).toMatchObject({ targetLabel: never.identifier });
  });
});
