import { beforeEach, describe, expect, it } from "vitest";
import { authenticate } from "../auth/authenticate";
import { db } from "../db";
import { createAccount, createOrganisation, latestLink, mailbox, TEST_PASSWORD, tokenOf } from "../testing/factories";
import { remindIdentifiers, requestPasswordReset, resetPassword } from "./recover-access";
import { RateLimitedError } from "../operation";

let ip: string;
beforeEach(() => {
  ip = `100.64.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
});

describe("ACC-7 forgotten password", () => {
  it("e-mails a single-use link (1 hour), never a password; the new password works and ends every session", async () => {
    const account = await createAccount();
    await requestPasswordReset(db, account.identifier, { ipAddress: ip });
    const [message] = await mailbox(account.email);
    expect(message.template).toBe("password-reset");
    expect(message.text).toContain(account.identifier);
    expect(message.text).not.toContain(TEST_PASSWORD);
    const token = tokenOf(await latestLink(account.email, "/mot-de-passe-oublie/"));

    expect(await resetPassword(db, token, "Nuage-Rouge-77")).toEqual({ ok: true, identifier: account.identifier });
    const updated = await db.account.findUniqueOrThrow({ where: { id: account.id } });
    expect(updated.sessionVersion).toBe(account.sessionVersion + 1);
    expect(await authenticate(db, { identifier: account.identifier, password: "Nuage-Rouge-77" }, { ipAddress: ip })).toMatchObject({ ok: true });
    expect(await authenticate(db, { identifier: account.identifier, password: TEST_PASSWORD }, { ipAddress: ip })).toEqual({ ok: false, reason: "invalid" });
    expect((await mailbox(account.email))[0].template).toBe("password-changed");
    // Single use.
    expect(await resetPassword(db, token, "Nuage-Rouge-78")).toEqual({ ok: false, problem: "used" });
  });

  it("accepts the e-mail address and only the newest link works; links expire after one hour", async () => {
    const account = await createAccount();
    await requestPasswordReset(db, account.email.toUpperCase(), { ipAddress: ip });
    const first = tokenOf(await latestLink(account.email, "/mot-de-passe-oublie/"));
    await requestPasswordReset(db, account.email, { ipAddress: ip });
    const second = tokenOf(await latestLink(account.email, "/mot-de-passe-oublie/"));
    expect(await resetPassword(db, first, "Nuage-Rouge-77")).toEqual({ ok: false, problem: "superseded" });
    expect(await resetPassword(db, second, "Nuage-Rouge-77", new Date(Date.now() + 3_601_000))).toEqual({ ok: false, problem: "expired" });
  });

  it("lists every account of an address sharing it, each with its own link", async () => {
    const email = `partage.${Date.now()}@test.example`;
    const first = await createAccount({ email });
    const second = await createAccount({ email });
    await requestPasswordReset(db, email, { ipAddress: ip });
    const messages = await mailbox(email);
    expect(messages).toHaveLength(1);
    expect(messages[0].text).toContain(first.identifier);
    expect(messages[0].text).toContain(second.identifier);
    expect(messages[0].links.filter((link) => link.includes("/mot-de-passe-oublie/"))).toHaveLength(2);
  });

  it("answers the same for unknown input and sends nothing; refuses a weak new password without using the link", async () => {
    const before = await db.outboxEmail.count();
    await expect(requestPasswordReset(db, "personne@nulle-part.example", { ipAddress: ip })).resolves.toBeUndefined();
    expect(await db.outboxEmail.count()).toBe(before);

    const account = await createAccount({ firstName: "Bérénice" });
    await requestPasswordReset(db, account.identifier, { ipAddress: ip });
    const token = tokenOf(await latestLink(account.email, "/mot-de-passe-oublie/"));
    await expect(resetPassword(db, token, "Berenice2026!")).rejects.toMatchObject({ field: "password" });
    expect(await resetPassword(db, token, "Sapin-Neigeux-31")).toMatchObject({ ok: true });
  });

  it("SEC-2 limits requests per address and per e-mail", async () => {
    const account = await createAccount();
    for (let index = 0; index < 3; index += 1) await requestPasswordReset(db, account.email, { ipAddress: `192.0.2.${index}` });
    await expect(requestPasswordReset(db, account.email, { ipAddress: "192.0.2.9" })).rejects.toBeInstanceOf(RateLimitedError);
    for (let index = 0; index < 10; index += 1) await requestPasswordReset(db, `x${index}@test.example`, { ipAddress: "192.0.2.50" });
    await expect(requestPasswordReset(db, "y@test.example", { ipAddress: "192.0.2.50" })).rejects.toBeInstanceOf(RateLimitedError);
  });
});

describe("ACC-8 forgotten identifier", () => {
  it("e-mails the identifiers of every account using the address, with their organisation", async () => {
    const email = `deux.comptes.${Date.now()}@test.example`;
    const mairie = await createOrganisation({ name: "Mairie de Montreuil-Bellay" });
    const syndicat = await createOrganisation({ name: "Syndicat des eaux du Layon", kind: "PUBLIC_BODY" });
    const first = await createAccount({ email, organisationId: mairie.id });
    const second = await createAccount({ email, organisationId: syndicat.id });
    await remindIdentifiers(db, email.toUpperCase(), { ipAddress: ip });
    const [message] = await mailbox(email);
    expect(message.template).toBe("identifier-reminder");
    for (const text of [first.identifier, second.identifier, "Mairie de Montreuil-Bellay", "Syndicat des eaux du Layon"]) {
      expect(message.text).toContain(text);
    }
  });

  it("sends nothing for an unknown address", async () => {
    const before = await db.outboxEmail.count();
    await remindIdentifiers(db, "inconnu@test.example", { ipAddress: ip });
    expect(await db.outboxEmail.count()).toBe(before);
  });
});

describe("SEC-8 reset and identifier requests are counted before anything is done: 50 concurrent attempts", () => {
  it("per e-mail: at most 3 of 50 concurrent reset requests for one account send a link", async () => {
    const account = await createAccount();
    const outcomes = await Promise.allSettled(
      Array.from({ length: 50 }, (_, index) => requestPasswordReset(db, account.identifier, { ipAddress: `198.18.3.${index}` })),
    );
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(3);
    for (const outcome of outcomes) if (outcome.status === "rejected") expect(outcome.reason).toBeInstanceOf(RateLimitedError);
    expect(await mailbox(account.email)).toHaveLength(3);
  });

  it("per address: at most 10 of 50 concurrent reset requests from one address are processed", async () => {
    const accounts = await Promise.all(Array.from({ length: 50 }, () => createAccount()));
    const outcomes = await Promise.allSettled(accounts.map((account) => requestPasswordReset(db, account.email, { ipAddress: "198.18.4.1" })));
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(10);
    const sent = await db.outboxEmail.count({ where: { to: { in: accounts.map((account) => account.email) } } });
    expect(sent).toBe(10);
  });
});
