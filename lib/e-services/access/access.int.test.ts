// ADM-4 and ADM-6 against a real database: who may open which e-service, the health-data
// consent, and the opening action that hands a signed token to the e-service.
import { randomBytes } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import type { Viewer } from "../../auth/viewer";
import { db } from "../../db";
import type { FormState } from "../../forms";
import { createAccount, createOrganisation } from "../../testing/factories";
import { SYSTEM_ACTOR } from "../../operation";
import { registerOidcClient } from "../../oidc/clients";
import { accessibleEServices, explainAccess } from "./queries";
import { recordHealthConsent } from "./record-health-consent";
import { formData as form, session, WITHOUT_SIGN_IN_ROW } from "../../testing/actions";

session.ip = "198.51.100.23";

const { openEServiceAction, giveHealthConsentAction } = await import("./actions");

// Noon in Paris on 10 March 2026; the Paris day is 2026-03-10.
const TODAY = new Date("2026-03-10T11:00:00Z");
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

async function createService(overrides: { handlesHealthData?: boolean; active?: boolean; url?: string } = {}) {
  const suffix = randomBytes(4).toString("hex");
  return db.eService.create({
    data: {
      slug: `service-${suffix}`,
      name: `Service ${suffix}`,
      description: "Un e-service de test",
      url: overrides.url ?? `https://service-${suffix}.example/entree`,
      termsText: "Conditions",
      handlesHealthData: overrides.handlesHealthData ?? false,
      active: overrides.active ?? true,
    },
  });
}

async function subscribe(organisationId: string, eServiceId: string, startDate: string, endDate: string | null = null) {
  return db.subscription.create({
    data: { organisationId, eServiceId, startDate: day(startDate), endDate: endDate ? day(endDate) : null, termsAcceptedAt: new Date() },
  });
}

async function permit(accountId: string, organisationId: string, eServiceId: string) {
  return db.permission.create({ data: { accountId, organisationId, eServiceId } });
}

let organisation: Awaited<ReturnType<typeof createOrganisation>>;
let user: Awaited<ReturnType<typeof createAccount>>;
let viewer: Viewer;

beforeEach(async () => {
  organisation = await createOrganisation();
  user = await createAccount({ organisationId: organisation.id });
  viewer = {
    accountId: user.id,
    identifier: user.identifier,
    firstName: user.firstName,
    lastName: user.lastName,
    email: user.email,
    role: user.role,
    sessionVersion: 0,
    organisationId: organisation.id,
    organisationName: organisation.name,
    isDeputy: false,
    unlockedAccountIds: [],
    ...WITHOUT_SIGN_IN_ROW,
  };
  session.viewer = viewer;
});

async function redirectOf(run: () => Promise<unknown>): Promise<string> {
  const error = await run().then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(Error);
  const match = /^NEXT_REDIRECT (.+)$/.exec((error as Error).message);
  expect(match).not.toBeNull();
  return match![1];
}

describe("ADM-4 a user opens exactly the e-services permitted and subscribed today", () => {
  it("permission + subscription valid today: listed and allowed", async () => {
    const service = await createService();
    const other = await createService();
    await subscribe(organisation.id, service.id, "2026-01-01", "2026-03-10");
    await subscribe(organisation.id, other.id, "2026-03-10");
    await permit(user.id, organisation.id, service.id);
    await permit(user.id, organisation.id, other.id);

    const list = await accessibleEServices(viewer, TODAY);
    expect(list.map((entry) => entry.slug).sort()).toEqual([service.slug, other.slug].sort());
    const decision = await explainAccess(db, viewer, service.slug, TODAY);
    expect(decision).toMatchObject({ ok: true, service: { slug: service.slug, url: service.url }, consentNeeded: false });
  });

  it("permission but a subscription ended yesterday or starting tomorrow: refused, no_subscription", async () => {
    const ended = await createService();
    const future = await createService();
    await subscribe(organisation.id, ended.id, "2025-01-01", "2026-03-09");
    await subscribe(organisation.id, future.id, "2026-03-11");
    await permit(user.id, organisation.id, ended.id);
    await permit(user.id, organisation.id, future.id);

    expect(await accessibleEServices(viewer, TODAY)).toEqual([]);
    expect(await explainAccess(db, viewer, ended.slug, TODAY)).toMatchObject({ ok: false, reason: "no_subscription" });
    expect(await explainAccess(db, viewer, future.slug, TODAY)).toMatchObject({ ok: false, reason: "no_subscription" });
  });

  it("days are Paris calendar days: at 00:30 in Paris the new day has begun, at 23:30 it has not ended", async () => {
    const service = await createService();
    await subscribe(organisation.id, service.id, "2026-03-11", "2026-03-11");
    await permit(user.id, organisation.id, service.id);
    // 2026-03-10T23:30Z is 00:30 on 11 March in Paris; 2026-03-11T22:30Z is 23:30 on 11 March.
    expect(await explainAccess(db, viewer, service.slug, new Date("2026-03-10T22:30:00Z"))).toMatchObject({ ok: false, reason: "no_subscription" });
    expect(await explainAccess(db, viewer, service.slug, new Date("2026-03-10T23:30:00Z"))).toMatchObject({ ok: true });
    expect(await explainAccess(db, viewer, service.slug, new Date("2026-03-11T22:30:00Z"))).toMatchObject({ ok: true });
    expect(await explainAccess(db, viewer, service.slug, new Date("2026-03-11T23:30:00Z"))).toMatchObject({ ok: false, reason: "no_subscription" });
  });

  it("subscription but no permission: refused, no_permission, naming the organisation's administrator", async () => {
    const administrator = await createAccount({ organisationId: organisation.id, role: "ADMINISTRATOR", firstName: "Bruno", lastName: "Admin" });
    const service = await createService();
    await subscribe(organisation.id, service.id, "2026-01-01");

    expect(await accessibleEServices(viewer, TODAY)).toEqual([]);
    expect(await explainAccess(db, viewer, service.slug, TODAY)).toEqual({
      ok: false,
      reason: "no_permission",
      service: { name: service.name, handlesHealthData: false },
      administrator: { firstName: "Bruno", lastName: "Admin", email: administrator.email },
    });
  });

  it("another organisation's subscription does not count", async () => {
    const elsewhere = await createOrganisation();
    const service = await createService();
    await subscribe(elsewhere.id, service.id, "2026-01-01");
    await permit(user.id, organisation.id, service.id);

    expect(await accessibleEServices(viewer, TODAY)).toEqual([]);
    expect(await explainAccess(db, viewer, service.slug, TODAY)).toMatchObject({ ok: false, reason: "no_subscription", administrator: null });
  });

  it("an inactive e-service, an unknown slug and an account without organisation are refused", async () => {
    const service = await createService({ active: false });
    await subscribe(organisation.id, service.id, "2026-01-01");
    await permit(user.id, organisation.id, service.id);

    expect(await accessibleEServices(viewer, TODAY)).toEqual([]);
    expect(await explainAccess(db, viewer, service.slug, TODAY)).toMatchObject({ ok: false, reason: "inactive" });
    expect(await explainAccess(db, viewer, "n-existe-pas", TODAY)).toMatchObject({ ok: false, reason: "unknown" });
    expect(await explainAccess(db, viewer, "../../etc", TODAY)).toMatchObject({ ok: false, reason: "unknown" });
    const active = await createService();
    expect(await explainAccess(db, { accountId: user.id, organisationId: null }, active.slug, TODAY)).toMatchObject({ ok: false, reason: "no_organisation" });
    expect(await accessibleEServices({ accountId: user.id, organisationId: null }, TODAY)).toEqual([]);
  });

  it("SSO-6 the open action starts the e-service's login (initiate-login URI, iss, target_link_uri), with no token in the URL, and audits it", async () => {
    const service = await createService({ url: "https://agenda.example/portail?source=pes" });
    await subscribe(organisation.id, service.id, "2020-01-01");
    await permit(user.id, organisation.id, service.id);
    await registerOidcClient(db, SYSTEM_ACTOR, service.id, {
      authMethod: "CLIENT_SECRET_BASIC",
      redirectUris: ["https://agenda.example/oidc/retour"],
      initiateLoginUri: "https://agenda.example/oidc/connexion",
    });

    const location = await redirectOf(() => openEServiceAction({ status: "idle" }, form({ slug: service.slug })));
    const url = new URL(location);
    expect(`${url.origin}${url.pathname}`).toBe("https://agenda.example/oidc/connexion");
    expect(url.searchParams.get("iss")).toBe("http://127.0.0.1:3000/oidc");
    expect(url.searchParams.get("target_link_uri")).toBe("https://agenda.example/portail?source=pes");
    expect(url.searchParams.get("jeton")).toBeNull();
    expect([...url.searchParams.keys()].sort()).toEqual(["iss", "target_link_uri"]);
    const events = await db.auditEvent.findMany({ where: { action: "e_service.opened", actorId: user.id } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ organisationId: organisation.id, targetId: service.id, ipAddress: "198.51.100.23" });
  });

  it("SSO-6 an e-service without an initiate-login URI is opened at its address, which starts the login itself", async () => {
    const service = await createService({ url: "https://agenda.example/portail" });
    await subscribe(organisation.id, service.id, "2020-01-01");
    await permit(user.id, organisation.id, service.id);
    const location = await redirectOf(() => openEServiceAction({ status: "idle" }, form({ slug: service.slug })));
    expect(location).toBe("https://agenda.example/portail");
  });

  it("the open action refuses without permission: no redirect, no audit event", async () => {
    const service = await createService();
    await subscribe(organisation.id, service.id, "2020-01-01");
    const before = await db.auditEvent.count();

    const state = (await openEServiceAction({ status: "idle" }, form({ slug: service.slug }))) as Extract<FormState<object>, { status: "error" }>;
    expect(state.status).toBe("error");
    expect(state.message).toMatch(/Vous n'avez pas la permission d'utiliser cet e-service/);
    expect(await db.auditEvent.count()).toBe(before);

    const forged = (await openEServiceAction({ status: "idle" }, form({ slug: "x".repeat(5_000) }))) as { status: string };
    expect(forged.status).toBe("error");
    expect(await db.auditEvent.count()).toBe(before);
  });
});

describe("ADM-6 health-data e-services need consent at first use", () => {
  it("consent is required, then recorded once (idempotent, audited once)", async () => {
    const service = await createService({ handlesHealthData: true });
    await subscribe(organisation.id, service.id, "2020-01-01");
    await permit(user.id, organisation.id, service.id);

    expect(await explainAccess(db, viewer, service.slug, TODAY)).toMatchObject({ ok: true, consentNeeded: true });
    expect(await accessibleEServices(viewer, TODAY)).toMatchObject([{ slug: service.slug, handlesHealthData: true, consentNeeded: true }]);

    expect(await recordHealthConsent(db, viewer, service.id)).toEqual({ created: true });
    expect(await recordHealthConsent(db, viewer, service.id)).toEqual({ created: false });
    expect(await db.healthConsent.count({ where: { accountId: user.id, eServiceId: service.id } })).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "e_service.health_consent", actorId: user.id } })).toBe(1);
    expect(await explainAccess(db, viewer, service.slug, TODAY)).toMatchObject({ ok: true, consentNeeded: false });
  });

  it("without consent the service stays closed: the open action refuses, and an unchecked box records nothing", async () => {
    const service = await createService({ handlesHealthData: true });
    await subscribe(organisation.id, service.id, "2020-01-01");
    await permit(user.id, organisation.id, service.id);

    const refused = (await openEServiceAction({ status: "idle" }, form({ slug: service.slug }))) as Extract<FormState<object>, { status: "error" }>;
    expect(refused).toMatchObject({ status: "error", message: expect.stringMatching(/consentement/) });

    const unchecked = (await giveHealthConsentAction({ status: "idle" }, form({ slug: service.slug }))) as Extract<FormState<object>, { status: "error" }>;
    expect(unchecked.status).toBe("error");
    expect(unchecked.fieldErrors.consent).toMatch(/Je consens au traitement de données de santé/);
    expect(await db.healthConsent.count({ where: { accountId: user.id } })).toBe(0);
    expect(await db.auditEvent.count({ where: { actorId: user.id } })).toBe(0);

    const given = await giveHealthConsentAction({ status: "idle" }, form({ slug: service.slug, consent: "on" }));
    expect(given.status).toBe("success");
    const location = await redirectOf(() => openEServiceAction({ status: "idle" }, form({ slug: service.slug })));
    expect(new URL(location).origin).toBe(new URL(service.url).origin);
  });

  it("consent cannot be given for a service the user may not open", async () => {
    const service = await createService({ handlesHealthData: true });
    await subscribe(organisation.id, service.id, "2020-01-01");
    const state = await giveHealthConsentAction({ status: "idle" }, form({ slug: service.slug, consent: "on" }));
    expect(state.status).toBe("error");
    expect(await db.healthConsent.count({ where: { eServiceId: service.id } })).toBe(0);
  });
});
