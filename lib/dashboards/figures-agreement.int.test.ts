// Issue 16 item 7: the dashboard's figures agree with the administrator's console. The
// dashboard said 3 active / 0 deactivated where the console said 2 / 1 for one organisation:
// the console counted the accounts' status, the daily figures rebuilt a state from timestamps
// with rules of their own. Both now read one definition (accounts/account-counts.ts).
import { describe, expect, it } from "vitest";
import { listOrganisationAccounts, administrationOverview } from "../administration/queries";
import { dayKeyToDate, parisDayBounds, parisDayKey, shiftDayKey } from "../calendar";
import { db } from "../db";
import type { AdministratorActor } from "../operation";
import { viewerOf } from "../testing/actions";
import { createAccount, createOrganisation } from "../testing/factories";
import { computePortalFigures } from "./portal-figures";
import { loadDashboards } from "./queries";

const DAY = 86_400_000;
const METRIC_OF = {
  ACTIVE: "accounts_active",
  PENDING_ACTIVATION: "accounts_pending_activation",
  PENDING_VALIDATION: "accounts_pending_validation",
  DEACTIVATED: "accounts_deactivated",
} as const;

async function organisationWithEveryKindOfAccount(now: Date) {
  const organisation = await createOrganisation({ name: "Commune de Concordance" });
  const organisationId = organisation.id;
  const longAgo = new Date(now.getTime() - 200 * DAY);
  const administrator = await createAccount({ organisationId, role: "ADMINISTRATOR" });
  const colleague = await createAccount({ organisationId });
  // The case: validated months ago, deactivated by the administrator this morning.
  const deactivatedToday = await createAccount({ organisationId, status: "DEACTIVATED" });
  // An account whose timestamps do not tell its status (an import, old data): the former
  // rebuilt state counted it as waiting for activation.
  const waitingWithoutActivationDate = await createAccount({ organisationId, status: "PENDING_VALIDATION" });
  const waitingForActivation = await createAccount({ organisationId, status: "PENDING_ACTIVATION" });
  const neverActivated = await createAccount({ organisationId, status: "DEACTIVATED", deactivationReason: "NEVER_ACTIVATED" });
  await db.account.updateMany({
    where: { id: { in: [administrator.id, colleague.id, deactivatedToday.id, waitingWithoutActivationDate.id, waitingForActivation.id, neverActivated.id] } },
    data: { createdAt: longAgo },
  });
  await db.account.updateMany({ where: { id: { in: [administrator.id, colleague.id, deactivatedToday.id] } }, data: { activatedAt: longAgo, validatedAt: longAgo } });
  // A minute ago, but today in Paris even just after midnight.
  const deactivatedAt = new Date(Math.max(now.getTime() - 60_000, parisDayBounds(parisDayKey(now)).start.getTime()));
  await db.account.update({ where: { id: deactivatedToday.id }, data: { deactivatedAt } });
  await db.account.update({ where: { id: waitingWithoutActivationDate.id }, data: { activatedAt: null } });
  await db.account.update({ where: { id: neverActivated.id }, data: { activatedAt: null, deactivatedAt: new Date(now.getTime() - 100 * DAY) } });
  return { organisationId, administrator };
}

describe("issue 16 item 7: the dashboard's figures agree with the console", () => {
  it("today's accounts by status: the console's overview, its account tabs and the dashboard's summary read one definition", async () => {
    const now = new Date();
    const { organisationId, administrator } = await organisationWithEveryKindOfAccount(now);
    const actor: AdministratorActor = { accountId: administrator.id, identifier: administrator.identifier, role: "ADMINISTRATOR", organisationId };

    const overview = (await administrationOverview(actor)).byStatus;
    expect(overview).toEqual({ ACTIVE: 2, PENDING_ACTIVATION: 1, PENDING_VALIDATION: 1, DEACTIVATED: 2 });
    const tabs = (await listOrganisationAccounts(actor, { status: "ACTIVE" })).counts;
    expect(tabs).toMatchObject(overview);

    const dashboards = await loadDashboards(viewerOf(administrator, "Commune de Concordance"), "30j", now);
    if (!dashboards.ok) throw new Error("expected dashboards");
    const summary = Object.fromEntries(dashboards.dashboards[0].summary.filter((figure) => figure.today).map((figure) => [figure.metric, figure.value]));
    for (const [status, metric] of Object.entries(METRIC_OF)) expect(summary[metric], metric).toBe(overview[status as keyof typeof METRIC_OF]);
  });

  it("the daily figures rebuilt for today give the console's counts (the history ends where today's counts begin)", async () => {
    const now = new Date();
    const { organisationId, administrator } = await organisationWithEveryKindOfAccount(now);
    const actor: AdministratorActor = { accountId: administrator.id, identifier: administrator.identifier, role: "ADMINISTRATOR", organisationId };
    const today = parisDayKey(now);
    await computePortalFigures(db, shiftDayKey(today, -1), today, now);

    const rows = await db.portalDailyFigure.findMany({ where: { organisationId, day: dayKeyToDate(today) } });
    const daily = Object.fromEntries(rows.map((row) => [row.metric, row.value]));
    const console = (await administrationOverview(actor)).byStatus;
    for (const [status, metric] of Object.entries(METRIC_OF)) expect(daily[metric], metric).toBe(console[status as keyof typeof METRIC_OF]);

    // Yesterday, the account deactivated this morning was still active: the history says so.
    const yesterday = Object.fromEntries(
      (await db.portalDailyFigure.findMany({ where: { organisationId, day: dayKeyToDate(shiftDayKey(today, -1)) } })).map((row) => [row.metric, row.value]),
    );
    expect(yesterday).toMatchObject({ accounts_active: 3, accounts_deactivated: 1 });
  });
});
