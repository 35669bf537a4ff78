// DASH-1, DASH-3, DASH-4: who sees which dashboard, the figures shown, the PDF export, and
// the operator-only API key action.
import { extractText, getDocumentProxy } from "unpdf";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "../db";
import { viewerOf, formData as form, session } from "../testing/actions";
import { createAccount, createOrganisation } from "../testing/factories";
import { exportDashboardsPdf, fileSlug } from "./export";
import { dayKeyToDate } from "../calendar";
import { refreshPortalMonthlyFigures } from "./monthly-figures";
import { loadDashboards, visibleEServices } from "./queries";
import { warmDashboardsQueries } from "./warm-up";

session.ip = "198.51.100.30";

const { apiKeyAction } = await import("./actions");

// 22 November 2026, 10:00 in Paris: the periods end on 21 November.
const NOW = new Date("2026-11-22T09:00:00Z");

type Account = Awaited<ReturnType<typeof createAccount>>;
const ORGANISATION = "Commune de Valchiffres";

async function service(name: string) {
  const slug = `${fileSlug(name)}-${Math.random().toString(36).slice(2, 8)}`;
  return db.eService.create({ data: { slug, name, description: "d", url: `https://${slug}.example/`, termsText: "t" } });
}

async function subscribe(organisationId: string, eServiceId: string, endDate: string | null = null) {
  await db.subscription.create({
    data: { organisationId, eServiceId, startDate: dayKeyToDate("2026-01-01"), endDate: endDate ? dayKeyToDate(endDate) : null, termsAcceptedAt: NOW },
  });
}

async function grant(account: Account, eServiceId: string) {
  await db.permission.create({ data: { accountId: account.id, eServiceId, organisationId: account.organisationId! } });
}

async function figure(eServiceId: string, organisationId: string, day: string, metric: string, value: number, label?: string) {
  await db.eServiceDailyFigure.create({ data: { eServiceId, organisationId, day: dayKeyToDate(day), metric, value, label, receivedAt: NOW } });
}

let organisationId: string;
let administrator: Account;
let user: Account;
let etatCivil: { id: string; slug: string };
let urbanisme: { id: string; slug: string };
let voirie: { id: string; slug: string };
let ended: { id: string; slug: string };

beforeEach(async () => {
  organisationId = (await createOrganisation({ name: ORGANISATION })).id;
  administrator = await createAccount({ organisationId, role: "ADMINISTRATOR" });
  user = await createAccount({ organisationId });
  etatCivil = await service("État civil");
  urbanisme = await service("Urbanisme");
  voirie = await service("Voirie");
  ended = await service("Archives");
  for (const subscribed of [etatCivil, urbanisme, ended]) await subscribe(organisationId, subscribed.id, subscribed === ended ? "2026-10-31" : null);
  await grant(user, etatCivil.id);
  await grant(user, ended.id); // permission, but the subscription ended
  await grant(user, voirie.id); // permission, but no subscription
});

describe("DASH-1 who sees which dashboard", () => {
  it("a user sees the portal and exactly the e-services they may open today", async () => {
    expect((await visibleEServices(viewerOf(user, ORGANISATION), NOW)).map((entry) => entry.slug)).toEqual([etatCivil.slug]);
    const result = await loadDashboards(viewerOf(user, ORGANISATION), "30j", NOW);
    expect(result.ok && result.dashboards.map((dashboard) => dashboard.key)).toEqual(["portail", etatCivil.slug]);
  });

  it("the administrator sees every e-service the organisation is subscribed to today, without any permission", async () => {
    const slugs = (await visibleEServices(viewerOf(administrator, ORGANISATION), NOW)).map((entry) => entry.slug);
    expect(slugs.sort()).toEqual([etatCivil.slug, urbanisme.slug].sort());
  });

  it("an inactive e-service has no dashboard, even for the administrator", async () => {
    await db.eService.update({ where: { id: urbanisme.id }, data: { active: false } });
    expect((await visibleEServices(viewerOf(administrator, ORGANISATION), NOW)).map((entry) => entry.slug)).toEqual([etatCivil.slug]);
  });

  it("operators and accounts without an organisation get no data", async () => {
    const operator = await createAccount({ organisationId: null, role: "OPERATOR" });
    expect(await loadDashboards(viewerOf(operator), "30j", NOW)).toEqual({ ok: false, reason: "no_organisation" });
    expect(await exportDashboardsPdf(viewerOf(operator), "30j", NOW)).toEqual({ ok: false, reason: "no_organisation" });
  });

  it("never shows another organisation's figures, for the same e-service", async () => {
    const other = await createOrganisation({ name: "Commune de Voisinville" });
    await subscribe(other.id, etatCivil.id);
    await figure(etatCivil.id, organisationId, "2026-11-20", "actes", 7, "Actes délivrés");
    await figure(etatCivil.id, other.id, "2026-11-20", "actes", 999, "Actes délivrés");
    await figure(etatCivil.id, other.id, "2026-11-20", "secret", 5, "Autre métrique");
    await db.portalDailyFigure.create({ data: { organisationId: other.id, day: dayKeyToDate("2026-11-20"), metric: "logins", value: 4242 } });

    const result = await loadDashboards(viewerOf(administrator, ORGANISATION), "30j", NOW);
    if (!result.ok) throw new Error("expected dashboards");
    const dashboard = result.dashboards.find((entry) => entry.key === etatCivil.slug)!;
    const section = dashboard.sections[0];
    expect(section.columns).toEqual([{ metric: "actes", label: "Actes délivrés", aggregation: "sum" }]);
    expect(section.rows.find((row) => row.key === "2026-11-20")!.values).toEqual([7]);
    expect(JSON.stringify(result)).not.toContain("999");
    expect(JSON.stringify(result)).not.toContain("4242");
  });

  it("never shows a user the figures of their organisation's e-services they may not use", async () => {
    await figure(urbanisme.id, organisationId, "2026-11-20", "permis", 8765, "Permis déposés");
    await figure(ended.id, organisationId, "2026-10-20", "cartons", 5678, "Cartons archivés");
    const result = await loadDashboards(viewerOf(user, ORGANISATION), "90j", NOW);
    expect(result.ok && result.dashboards.map((dashboard) => dashboard.key)).toEqual(["portail", etatCivil.slug]);
    for (const hidden of ["8765", "5678", "Permis déposés", "Cartons archivés"]) expect(JSON.stringify(result)).not.toContain(hidden);
    const admin = await loadDashboards(viewerOf(administrator, ORGANISATION), "90j", NOW);
    expect(JSON.stringify(admin)).toContain("Permis déposés");
  });
});

describe("DASH-3 periods and figures", () => {
  beforeEach(async () => {
    for (const [day, active, logins] of [
      ["2026-11-21", 3, 2],
      ["2026-11-20", 2, 5],
      ["2026-10-31", 2, 1],
      ["2026-10-12", 1, 4],
      ["2025-12-01", 1, 9],
      ["2025-11-30", 1, 100], // before the 12 months
    ] as const) {
      await db.portalDailyFigure.createMany({
        data: [
          { organisationId, day: dayKeyToDate(day), metric: "accounts_active", value: active, computedAt: new Date("2026-11-22T01:00:00Z") },
          { organisationId, day: dayKeyToDate(day), metric: "logins", value: logins, computedAt: new Date("2026-11-22T01:00:00Z") },
        ],
      });
    }
    // What the daily job does after storing days: the months' roll-ups (the 12-month view).
    await refreshPortalMonthlyFigures(db, "2025-11-30", "2026-11-21");
  });

  it("30 days: one row per day ending yesterday, a dash where no figure exists, and the date of the data", async () => {
    const result = await loadDashboards(viewerOf(user, ORGANISATION), "30j", NOW);
    if (!result.ok) throw new Error("expected dashboards");
    expect(result.range).toMatchObject({ from: "2026-10-23", to: "2026-11-21", grouping: "day" });
    const portal = result.dashboards[0];
    expect(portal.updatedAt).toBe("2026-11-22T01:00:00.000Z");
    const logins = portal.sections.find((section) => section.id === "portail-connexions")!;
    expect(logins.rows).toHaveLength(30);
    expect(logins.rows.at(-1)).toEqual({ key: "2026-11-21", label: "21/11/2026", values: [2] });
    expect(logins.rows.find((row) => row.key === "2026-11-19")!.values).toEqual([null]);
    expect(logins.rows.some((row) => row.key === "2026-10-12")).toBe(false);
  });

  it("12 months: one row per month, logins summed and accounts read at the month's last figure", async () => {
    const result = await loadDashboards(viewerOf(user, ORGANISATION), "12m", NOW);
    if (!result.ok) throw new Error("expected dashboards");
    expect(result.range).toMatchObject({ from: "2025-12-01", to: "2026-11-21", grouping: "month" });
    const [accounts, logins] = result.dashboards[0].sections;
    expect(logins.rows).toHaveLength(12);
    expect(logins.rows.map((row) => row.values[0])).toEqual([9, null, null, null, null, null, null, null, null, null, 5, 7]);
    expect(accounts.rows.at(-2)!.values[0]).toBe(2);
    expect(accounts.rows.at(-1)!.values[0]).toBe(3);
    expect(logins.rows[0].label).toBe("décembre 2025");
  });

  it("the summaries compare with the previous period: a flow's total, a level's latest value", async () => {
    const computedAt = new Date("2026-11-22T01:00:00Z");
    // Before the 30 days (23 Sept – 22 Oct is the previous period): 30 Sept, and 12 Oct from beforeEach.
    await db.portalDailyFigure.createMany({
      data: [
        { organisationId, day: dayKeyToDate("2026-09-30"), metric: "accounts_active", value: 9, computedAt },
        { organisationId, day: dayKeyToDate("2026-09-30"), metric: "logins", value: 6, computedAt },
        { organisationId, day: dayKeyToDate("2025-06-15"), metric: "accounts_active", value: 4, computedAt },
        { organisationId, day: dayKeyToDate("2025-06-15"), metric: "logins", value: 20, computedAt },
      ],
    });
    await refreshPortalMonthlyFigures(db, "2025-06-01", "2025-06-30");
    await figure(etatCivil.id, organisationId, "2026-10-01", "actes", 3, "Actes");
    await figure(etatCivil.id, organisationId, "2026-10-20", "actes", 4, "Actes");
    await figure(etatCivil.id, organisationId, "2026-11-01", "actes", 5, "Actes");
    const summaryOf = async (period: "30j" | "12m") => {
      const result = await loadDashboards(viewerOf(user, ORGANISATION), period, NOW);
      if (!result.ok) throw new Error("expected dashboards");
      return result.dashboards.flatMap((dashboard) => dashboard.summary).map(({ metric, value, previous }) => ({ metric, value, previous }));
    };
    const days = await summaryOf("30j");
    expect(days).toContainEqual({ metric: "logins", value: 8, previous: 10 });
    expect(days).toContainEqual(expect.objectContaining({ metric: "accounts_active", previous: 1 }));
    expect(days).toContainEqual({ metric: "actes", value: 5, previous: 7 });
    // 12 months against December 2024 – November 2025, from the monthly roll-ups.
    const months = await summaryOf("12m");
    expect(months).toContainEqual({ metric: "logins", value: 21, previous: 120 });
    expect(months).toContainEqual(expect.objectContaining({ metric: "accounts_active", previous: 1 }));
    expect(months).toContainEqual({ metric: "actes", value: 12, previous: null });
  });
});

describe("DASH-4 PDF export", () => {
  it("contains the organisation, the period, the date of the data and the figures of the tables", async () => {
    await figure(etatCivil.id, organisationId, "2026-11-21", "actes", 1234.5, "Actes délivrés");
    await db.portalDailyFigure.create({
      data: { organisationId, day: dayKeyToDate("2026-11-21"), metric: "logins", value: 321, computedAt: new Date("2026-11-22T01:00:00Z") },
    });
    await refreshPortalMonthlyFigures(db, "2026-11-21", "2026-11-21");
    const result = await exportDashboardsPdf(viewerOf(user, ORGANISATION), "12m", NOW);
    if (!result.ok) throw new Error("expected a PDF");
    expect(result.filename).toBe("tableaux-de-bord-commune-de-valchiffres-12m-2026-11-22.pdf");
    expect(result.pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(result.pdf)), { mergePages: true });
    const flat = text.replace(/\s+/g, " ");
    expect(flat).toContain("Commune de Valchiffres");
    expect(flat).toContain("12 derniers mois (du 1er décembre 2025 au 21 novembre 2026)");
    expect(flat).toContain("Mis à jour le 22 novembre 2026 à 02:00");
    expect(flat).toContain("Actes délivrés");
    expect(flat).toMatch(/1\s234,5/);
    expect(flat).toContain("321");
    expect(flat).toContain("novembre 2026");
    expect(flat).not.toContain("Urbanisme");
  });

  it("issue 16 item 7: compact, with the summary first; 90 days of every portal figure and an e-service's fit in 3 pages", async () => {
    const { shiftDayKey } = await import("../calendar");
    const computedAt = new Date("2026-11-22T01:00:00Z");
    const days = Array.from({ length: 90 }, (_, index) => shiftDayKey("2026-11-21", -index));
    const metrics = ["accounts_active", "accounts_pending_activation", "accounts_pending_validation", "accounts_deactivated", "logins", "permissions"];
    await db.portalDailyFigure.createMany({
      data: days.flatMap((day, index) => metrics.map((metric) => ({ organisationId, day: dayKeyToDate(day), metric, value: (index * 7) % 13, computedAt }))),
    });
    // One day of the previous 90 days: the logins' summary compares with it.
    await db.portalDailyFigure.create({ data: { organisationId, day: dayKeyToDate("2026-08-01"), metric: "logins", value: 100, computedAt } });
    await db.eServiceDailyFigure.createMany({
      data: days.flatMap((day, index) => [
        { eServiceId: etatCivil.id, organisationId, day: dayKeyToDate(day), metric: "actes", label: "Actes délivrés", value: index % 9, receivedAt: computedAt },
        { eServiceId: etatCivil.id, organisationId, day: dayKeyToDate(day), metric: "demandes", label: "Demandes reçues", value: index % 5, receivedAt: computedAt },
      ]),
    });
    const result = await exportDashboardsPdf(viewerOf(user, ORGANISATION), "90j", NOW);
    if (!result.ok) throw new Error("expected a PDF");
    const document = await getDocumentProxy(new Uint8Array(result.pdf));
    expect(document.numPages).toBeLessThanOrEqual(3);
    const flat = (await extractText(document, { mergePages: true })).text.replace(/\s+/g, " ");
    expect(flat).toMatch(/Connexions \d+ sur les 90 derniers jours/);
    expect(flat).toContain("par rapport aux 90 jours précédents");
    // Tables newest first: yesterday's row comes before the first day's.
    const table = flat.slice(flat.indexOf("Tableau : Connexions"));
    expect(table.indexOf("21/11/2026")).toBeGreaterThan(0);
    expect(table.indexOf("21/11/2026")).toBeLessThan(table.indexOf("24/08/2026"));
  });

  it("an unknown period is the default one", async () => {
    const result = await exportDashboardsPdf(viewerOf(user, ORGANISATION), "../../etc", NOW);
    expect(result.ok && result.filename).toMatch(/-30j-2026-11-22\.pdf$/);
  });

  it("the start-up warm-up runs the export's reads for an organisation that does not exist, without failing", async () => {
    // instrumentation.ts runs it in every production process: a read that threw on an unknown
    // organisation would leave the first export cold and log an error at each start.
    await expect(warmDashboardsQueries(NOW)).resolves.toBeUndefined();
  });
});

describe("DASH-1 API keys are managed by operators only", () => {
  it("refuses administrators and users (403) and lets an operator create a key, shown once", async () => {
    for (const account of [administrator, user]) {
      session.viewer = viewerOf(account);
      await expect(apiKeyAction({ status: "idle" }, form({ eServiceId: etatCivil.id, operation: "create" }))).rejects.toMatchObject({
        digest: "NEXT_HTTP_ERROR_FALLBACK;403",
      });
    }
    expect(await db.eServiceApiKey.count({ where: { eServiceId: etatCivil.id } })).toBe(0);

    session.viewer = viewerOf(await createAccount({ organisationId: null, role: "OPERATOR" }));
    const created = await apiKeyAction({ status: "idle" }, form({ eServiceId: etatCivil.id, operation: "create" }));
    expect(created).toMatchObject({ status: "success", result: { key: expect.stringMatching(/^pes_/) } });
    const forged = await apiKeyAction({ status: "idle" }, form({ eServiceId: etatCivil.id, operation: "revoke", keyId: "not-an-id" }));
    expect(forged).toMatchObject({ status: "error" });
    const row = await db.eServiceApiKey.findFirstOrThrow({ where: { eServiceId: etatCivil.id } });
    const wrongService = await apiKeyAction({ status: "idle" }, form({ eServiceId: urbanisme.id, operation: "revoke", keyId: row.id }));
    expect(wrongService).toMatchObject({ status: "error", message: expect.stringContaining("n'existe pas") });
    expect((await db.eServiceApiKey.findUniqueOrThrow({ where: { id: row.id } })).revokedAt).toBeNull();
  });
});
