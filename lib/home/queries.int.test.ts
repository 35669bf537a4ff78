// Issue 16 item 5: the home after sign-in tells each person what they have to do. The
// administrator's tasks are those of their own organisation only (SEC-1 scoping); a member
// sees the e-services they may open today and the dashboards they may read.
import { describe, expect, it } from "vitest";
import { dayKeyToDate, parisDayKey, shiftDayKey } from "../calendar";
import { db } from "../db";
import { administratorOf, actorOf } from "../testing/actions";
import { createAccount, createOrganisation } from "../testing/factories";

const { administratorTasks, memberHome, SUBSCRIPTION_ENDING_DAYS } = await import("./queries");

const NOW = new Date();
const TODAY = parisDayKey(NOW);
const day = (offset: number) => dayKeyToDate(shiftDayKey(TODAY, offset));

let counter = 0;
async function createEService(name: string) {
  counter += 1;
  return db.eService.create({
    data: { slug: `accueil-${counter}-${Date.now()}`, name, description: "Test", url: "https://service.example/", termsText: "Conditions" },
  });
}

describe("Issue 16 item 5: the administrator's tasks on the home", () => {
  it("counts the accounts to validate, lists the pending letters and the subscriptions ending soon, of the organisation only", async () => {
    const organisation = await createOrganisation();
    const other = await createOrganisation();
    const administrator = await createAccount({ organisationId: organisation.id, role: "ADMINISTRATOR" });
    await createAccount({ organisationId: organisation.id, status: "PENDING_VALIDATION" });
    await createAccount({ organisationId: organisation.id, status: "PENDING_VALIDATION" });
    await createAccount({ organisationId: organisation.id, status: "PENDING_ACTIVATION" });
    // Another organisation's pending account, letter and ending subscription are not this administrator's.
    const stranger = await createAccount({ organisationId: other.id, status: "PENDING_VALIDATION", firstName: "Autre", lastName: "Personne" });
    const requester = await createAccount({ organisationId: organisation.id, firstName: "Lucie", lastName: "Martin" });
    await db.adminRequest.create({
      data: { number: `DA-A-${Date.now()}`, organisationId: organisation.id, requesterId: requester.id, codeHash: "x", expiresAt: day(60) },
    });
    await db.adminRequest.create({
      data: { number: `DA-B-${Date.now()}`, organisationId: other.id, requesterId: stranger.id, codeHash: "x", expiresAt: day(60) },
    });
    const [soon, later, open, past] = await Promise.all([createEService("Bientôt fini"), createEService("Plus tard"), createEService("Sans fin"), createEService("Déjà fini")]);
    const subscribe = (organisationId: string, eServiceId: string, endDate: Date | null, startDate = day(-100)) =>
      db.subscription.create({ data: { organisationId, eServiceId, startDate, endDate, termsAcceptedAt: NOW } });
    await subscribe(organisation.id, soon.id, day(10));
    await subscribe(organisation.id, later.id, day(SUBSCRIPTION_ENDING_DAYS + 5));
    await subscribe(organisation.id, open.id, null);
    await subscribe(organisation.id, past.id, day(-1));
    await subscribe(other.id, soon.id, day(3));

    const tasks = await administratorTasks(administratorOf(administrator), NOW);
    expect(tasks.accountsToValidate).toBe(2);
    expect(tasks.pendingLetters).toEqual([expect.objectContaining({ requester: "Lucie Martin", posted: false })]);
    expect(tasks.endingSubscriptions).toEqual([expect.objectContaining({ eServiceName: "Bientôt fini", endDate: shiftDayKey(TODAY, 10) })]);
  });
});

describe("Issue 16 item 5: a member's e-services and dashboards on the home", () => {
  it("lists the e-services the person may open today, and their dashboards", async () => {
    const organisation = await createOrganisation();
    const user = await createAccount({ organisationId: organisation.id });
    const [granted, notGranted] = await Promise.all([createEService("Permis"), createEService("Sans permission")]);
    for (const service of [granted, notGranted]) {
      await db.subscription.create({ data: { organisationId: organisation.id, eServiceId: service.id, startDate: day(-1), endDate: null, termsAcceptedAt: NOW } });
    }
    await db.permission.create({ data: { accountId: user.id, organisationId: organisation.id, eServiceId: granted.id } });

    const home = await memberHome({ ...actorOf(user), organisationName: organisation.name }, NOW);
    expect(home.eServices.map((service) => service.name)).toEqual(["Permis"]);
    expect(home.dashboards.map((dashboard) => dashboard.name)).toEqual(["Permis"]);
  });
});
