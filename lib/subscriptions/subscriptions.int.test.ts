// ADM-1 subscriptions, and SEC-1 for their actions: only the organisation's administrator
// subscribes and ends subscriptions, of their own organisation; anybody else is refused
// and nothing is written.
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "../db";
import type { FormState } from "../forms";
import { createAccount, createOrganisation } from "../testing/factories";
import { parisDayKey, parisToday } from "../calendar";
import { viewerOf, formData as form, session, administratorOf } from "../testing/actions";

session.ip = "192.0.2.10";

const { subscribeAction, endSubscriptionAction } = await import("./actions");
const { subscribe, endSubscription } = await import("./manage-subscriptions");
const { listCatalogueWithSubscriptions, listSubscribedEServices } = await import("./queries");

/** forbidden() (403, or its guard outside a Next request) or the redirect to the login page. */
const REFUSED = /403|forbidden|NEXT_REDIRECT/;

type Account = Awaited<ReturnType<typeof createAccount>>;

const IDLE = { status: "idle" } as const;

async function counts() {
  const [subscriptions, permissions, audit] = await Promise.all([db.subscription.count(), db.permission.count(), db.auditEvent.count()]);
  return { subscriptions, permissions, audit };
}

async function expectNothingWritten(run: () => Promise<unknown>) {
  const before = await counts();
  const ending = await db.subscription.findMany({ select: { id: true, endDate: true, endedById: true }, orderBy: { id: "asc" } });
  await run();
  expect(await counts()).toEqual(before);
  expect(await db.subscription.findMany({ select: { id: true, endDate: true, endedById: true }, orderBy: { id: "asc" } })).toEqual(ending);
}

function errorOf(state: FormState<unknown>) {
  expect(state.status).toBe("error");
  return state as Extract<FormState<unknown>, { status: "error" }>;
}

function addDays(key: string, days: number): string {
  const day = new Date(`${key}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  return day.toISOString().slice(0, 10);
}

let counter = 0;
async function createEService(overrides: { active?: boolean; name?: string } = {}) {
  counter += 1;
  return db.eService.create({
    data: {
      slug: `service-${counter}-${Date.now()}`,
      name: overrides.name ?? `Service ${counter}`,
      description: "Un e-service de test",
      url: "https://service.example/",
      termsText: `Conditions du service ${counter}`,
      active: overrides.active ?? true,
    },
  });
}

let organisation: Awaited<ReturnType<typeof createOrganisation>>;
let admin: Account;
let user: Account;
let otherAdmin: Account;
let operator: Account;
let service: Awaited<ReturnType<typeof createEService>>;
const today = parisDayKey();

beforeEach(async () => {
  organisation = await createOrganisation();
  admin = await createAccount({ organisationId: organisation.id, role: "ADMINISTRATOR" });
  user = await createAccount({ organisationId: organisation.id });
  otherAdmin = await createAccount({ role: "ADMINISTRATOR", organisationId: (await createOrganisation()).id });
  operator = await createAccount({ organisationId: null, role: "OPERATOR" });
  service = await createEService();
  session.viewer = viewerOf(admin);
});

const actorOf = (account: Account) => ({ accountId: account.id, identifier: account.identifier, role: "ADMINISTRATOR" as const, organisationId: account.organisationId! });

describe("ADM-1 the catalogue shows each e-service with the organisation's subscription state", () => {
  it("none, current, upcoming and ended; inactive e-services are left out", async () => {
    const inactive = await createEService({ active: false });
    const upcoming = await createEService();
    const ended = await createEService();
    await subscribe(db, actorOf(admin), { eServiceId: service.id, acceptTerms: "on", startDate: null, endDate: null });
    await subscribe(db, actorOf(admin), { eServiceId: upcoming.id, acceptTerms: "on", startDate: addDays(today, 10), endDate: null });
    await db.subscription.create({
      data: { organisationId: organisation.id, eServiceId: ended.id, startDate: new Date(`${addDays(today, -30)}T00:00:00Z`), endDate: new Date(`${addDays(today, -1)}T00:00:00Z`), termsAcceptedAt: new Date() },
    });
    const none = await createEService();

    const catalogue = await listCatalogueWithSubscriptions(administratorOf(admin));
    const stateOf = (id: string) => catalogue.find((entry) => entry.eServiceId === id)?.state;
    expect(catalogue.some((entry) => entry.eServiceId === inactive.id)).toBe(false);
    expect(stateOf(service.id)).toMatchObject({ kind: "current", startDate: today, endDate: null });
    expect(stateOf(upcoming.id)).toMatchObject({ kind: "upcoming", startDate: addDays(today, 10) });
    expect(stateOf(ended.id)).toMatchObject({ kind: "ended", endDate: addDays(today, -1) });
    expect(stateOf(none.id)).toEqual({ kind: "none" });

    // Another organisation sees none of it.
    const other = await listCatalogueWithSubscriptions(administratorOf(otherAdmin));
    expect(other.find((entry) => entry.eServiceId === service.id)?.state).toEqual({ kind: "none" });

    // The e-services the organisation may hand out: valid today or later.
    expect((await listSubscribedEServices(db, organisation.id)).map((e) => e.id).sort()).toEqual([service.id, upcoming.id].sort());
  });

  it("today is the day on Paris clocks", () => {
    expect(parisDayKey(new Date("2026-12-31T23:30:00Z"))).toBe("2027-01-01");
    expect(parisDayKey(new Date("2026-07-01T21:59:00Z"))).toBe("2026-07-01");
    expect(parisToday(new Date("2026-07-01T22:00:00Z")).toISOString()).toBe("2026-07-02T00:00:00.000Z");
  });
});

describe("ADM-1 the administrator subscribes after accepting the terms", () => {
  it("subscribes from today by default, with an audit event", async () => {
    const state = await subscribeAction(IDLE, form({ eServiceId: service.id, acceptTerms: "on" }));
    expect(state.status).toBe("success");
    const subscription = await db.subscription.findFirstOrThrow({ where: { organisationId: organisation.id, eServiceId: service.id } });
    expect(subscription.startDate.toISOString().slice(0, 10)).toBe(today);
    expect(subscription.endDate).toBeNull();
    expect(subscription.subscribedById).toBe(admin.id);
    expect(subscription.termsAcceptedAt).toBeInstanceOf(Date);
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "subscription.created", targetId: subscription.id } });
    expect(event).toMatchObject({ actorId: admin.id, organisationId: organisation.id, ipAddress: "192.0.2.10" });
  });

  it("with an end date: it must not precede the start", async () => {
    const ok = await subscribeAction(IDLE, form({ eServiceId: service.id, acceptTerms: "on", startDate: addDays(today, 2), endDate: addDays(today, 30) }));
    expect(ok.status).toBe("success");
    const other = await createEService();
    await expectNothingWritten(async () => {
      const bad = errorOf(await subscribeAction(IDLE, form({ eServiceId: other.id, acceptTerms: "on", startDate: addDays(today, 5), endDate: addDays(today, 4) })));
      expect(bad.fieldErrors.endDate).toMatch(/précéder la date de début/);
      const past = errorOf(await subscribeAction(IDLE, form({ eServiceId: other.id, acceptTerms: "on", startDate: addDays(today, -1) })));
      expect(past.fieldErrors.startDate).toMatch(/avant aujourd'hui/);
      const invalid = errorOf(await subscribeAction(IDLE, form({ eServiceId: other.id, acceptTerms: "on", startDate: "2027-02-30" })));
      expect(invalid.fieldErrors.startDate).toMatch(/date de début valide/);
    });
  });

  it("terms not accepted: refused, nothing written", async () => {
    await expectNothingWritten(async () => {
      const state = errorOf(await subscribeAction(IDLE, form({ eServiceId: service.id })));
      expect(state.fieldErrors.acceptTerms).toMatch(/Acceptez les conditions d'utilisation/);
      const forged = errorOf(await subscribeAction(IDLE, form({ eServiceId: service.id, acceptTerms: "yes" })));
      expect(forged.fieldErrors.acceptTerms).toBeDefined();
    });
  });

  it("an overlapping subscription is refused with a clear message", async () => {
    await subscribe(db, actorOf(admin), { eServiceId: service.id, acceptTerms: "on", startDate: null, endDate: addDays(today, 20) });
    await expectNothingWritten(async () => {
      const state = errorOf(await subscribeAction(IDLE, form({ eServiceId: service.id, acceptTerms: "on" })));
      expect(state.message).toMatch(/déjà abonnée à « Service \d+ » sur cette période/);
      const later = errorOf(await subscribeAction(IDLE, form({ eServiceId: service.id, acceptTerms: "on", startDate: addDays(today, 20) })));
      expect(later.message).toMatch(/déjà abonnée/);
    });
    // The day after the end is free.
    expect((await subscribeAction(IDLE, form({ eServiceId: service.id, acceptTerms: "on", startDate: addDays(today, 21) }))).status).toBe("success");
  });

  it("an inactive or unknown e-service, or a forged id, is refused", async () => {
    const inactive = await createEService({ active: false });
    await expectNothingWritten(async () => {
      expect(errorOf(await subscribeAction(IDLE, form({ eServiceId: inactive.id, acceptTerms: "on" }))).message).toMatch(/n'est pas ou plus proposé/);
      expect(errorOf(await subscribeAction(IDLE, form({ eServiceId: "0190f3a4-0000-7000-8000-000000000000", acceptTerms: "on" }))).message).toMatch(/n'est pas ou plus proposé/);
      expect(errorOf(await subscribeAction(IDLE, form({ eServiceId: "pas-un-id", acceptTerms: "on" }))).message).toMatch(/Choisissez un e-service/);
    });
  });
});

describe("ADM-1 the administrator ends a subscription", () => {
  it("today by default; permissions are kept; an audit event is written", async () => {
    const subscription = await subscribe(db, actorOf(admin), { eServiceId: service.id, acceptTerms: "on", startDate: null, endDate: null });
    await db.permission.create({ data: { accountId: user.id, eServiceId: service.id, organisationId: organisation.id } });
    const state = await endSubscriptionAction(IDLE, form({ subscriptionId: subscription.id }));
    expect(state.status).toBe("success");
    const ended = await db.subscription.findUniqueOrThrow({ where: { id: subscription.id } });
    expect(ended.endDate?.toISOString().slice(0, 10)).toBe(today);
    expect(ended.endedById).toBe(admin.id);
    expect(await db.permission.count({ where: { eServiceId: service.id } })).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "subscription.ended", targetId: subscription.id } })).toBe(1);
    // Still valid today (end day inclusive), not tomorrow.
    const tomorrow = new Date(`${addDays(today, 1)}T12:00:00Z`);
    expect(await listSubscribedEServices(db, organisation.id, tomorrow)).toEqual([]);
  });

  it("on a chosen date, which must not precede the start nor be past", async () => {
    const subscription = await subscribe(db, actorOf(admin), { eServiceId: service.id, acceptTerms: "on", startDate: addDays(today, 3), endDate: null });
    await expectNothingWritten(async () => {
      expect(errorOf(await endSubscriptionAction(IDLE, form({ subscriptionId: subscription.id, endDate: addDays(today, 2) }))).fieldErrors.endDate).toMatch(/précéder le début/);
    });
    expect((await endSubscriptionAction(IDLE, form({ subscriptionId: subscription.id, endDate: addDays(today, 10) }))).status).toBe("success");
    expect((await db.subscription.findUniqueOrThrow({ where: { id: subscription.id } })).endDate?.toISOString().slice(0, 10)).toBe(addDays(today, 10));
    // It cannot be pushed later than planned.
    await expectNothingWritten(async () => {
      expect(errorOf(await endSubscriptionAction(IDLE, form({ subscriptionId: subscription.id, endDate: addDays(today, 12) }))).fieldErrors.endDate).toMatch(/plus tardive/);
    });
  });

  it("an already ended subscription cannot be ended again", async () => {
    const past = await db.subscription.create({
      data: { organisationId: organisation.id, eServiceId: service.id, startDate: new Date(`${addDays(today, -30)}T00:00:00Z`), endDate: new Date(`${addDays(today, -1)}T00:00:00Z`), termsAcceptedAt: new Date() },
    });
    await expectNothingWritten(async () => {
      expect(errorOf(await endSubscriptionAction(IDLE, form({ subscriptionId: past.id }))).message).toMatch(/déjà terminé/);
    });
  });
});

describe("ADM-1 / SEC-1 nobody but the organisation's administrator touches its subscriptions", () => {
  let subscriptionId: string;
  beforeEach(async () => {
    subscriptionId = (await subscribe(db, actorOf(admin), { eServiceId: service.id, acceptTerms: "on", startDate: null, endDate: addDays(today, 30) })).id;
  });

  it("a user of the same organisation, an operator and no session are refused", async () => {
    const other = await createEService();
    for (const viewer of [viewerOf(user), viewerOf(operator), null]) {
      session.viewer = viewer;
      await expectNothingWritten(async () => {
        await expect(subscribeAction(IDLE, form({ eServiceId: other.id, acceptTerms: "on" }))).rejects.toThrow(REFUSED);
        await expect(endSubscriptionAction(IDLE, form({ subscriptionId }))).rejects.toThrow(REFUSED);
      });
    }
  });

  it("another organisation's administrator cannot end it with its id, and subscribes only their own organisation", async () => {
    session.viewer = viewerOf(otherAdmin);
    await expectNothingWritten(async () => {
      const state = errorOf(await endSubscriptionAction(IDLE, form({ subscriptionId })));
      expect(state.message).toMatch(/introuvable parmi ceux de votre organisation/);
    });
    // A forged organisationId in the form is ignored: the session decides.
    expect((await subscribeAction(IDLE, form({ eServiceId: service.id, acceptTerms: "on", organisationId: organisation.id }))).status).toBe("success");
    expect(await db.subscription.count({ where: { organisationId: otherAdmin.organisationId!, eServiceId: service.id } })).toBe(1);
    expect(await db.subscription.count({ where: { organisationId: organisation.id } })).toBe(1);
  });

  it("a service called directly is scoped by the actor's organisation", async () => {
    await expectNothingWritten(async () => {
      await expect(endSubscription(db, actorOf(otherAdmin), { subscriptionId, endDate: null })).rejects.toThrow(/introuvable/);
    });
  });
});
