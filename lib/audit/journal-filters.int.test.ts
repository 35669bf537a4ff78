// ADM-5: the journal's "du / au" filters are whole Paris days, in summer and on the days the
// clocks change as in winter, and a date that does not exist is reported in French on the
// page instead of failing it.
import { renderToStaticMarkup } from "react-dom/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { AdministratorViewer } from "../auth/guards";
import type { Viewer } from "../auth/viewer";
import { db } from "../db";
import { viewerOf } from "../testing/actions";
import { createAccount, createOrganisation } from "../testing/factories";
import { parseAuditFilters } from "./parse-filters";
import { listAuditEvents } from "./queries";

const session = vi.hoisted(() => ({ viewer: null as Viewer | null }));
vi.mock("../auth/viewer", () => ({
  currentViewer: async () => session.viewer,
  requireViewer: async () => {
    if (!session.viewer) throw new Error("NEXT_REDIRECT /connexion");
    return session.viewer;
  },
}));

let organisationId: string;
let administrator: AdministratorViewer;
let operator: Viewer;
beforeEach(async () => {
  organisationId = (await createOrganisation({ name: "Commune de Journal" })).id;
  administrator = viewerOf(await createAccount({ organisationId, role: "ADMINISTRATOR" }), "Commune de Journal") as AdministratorViewer;
  operator = viewerOf(await createAccount({ organisationId: null, role: "OPERATOR" }));
});

/** One event of the organisation at `at` (an instant written with its Paris offset), named by `label`. */
async function eventAt(label: string, at: string) {
  await db.auditEvent.create({ data: { actorLabel: "test", action: "account.validated", organisationId, targetLabel: label, createdAt: new Date(at) } });
}

/** The labels of the organisation's events the journal shows for these query-string filters. */
async function shown(params: Record<string, string>): Promise<string[]> {
  const { filters, errors } = parseAuditFilters(params);
  expect(errors).toEqual({});
  const log = await listAuditEvents(administrator, filters);
  return log.rows.map((event) => event.targetLabel ?? "").sort();
}

describe("ADM-5 the journal's du / au filters are whole Paris days", () => {
  it.each([
    {
      season: "a summer day (UTC+2)",
      day: "2026-07-14",
      lastOfDayBefore: "2026-07-13T23:30:00+02:00",
      firstOfDay: "2026-07-14T00:30:00+02:00",
      lastOfDay: "2026-07-14T23:30:00+02:00",
      firstOfDayAfter: "2026-07-15T00:30:00+02:00",
    },
    {
      // 23 hours: 02:00 becomes 03:00; the day starts in winter time and ends in summer time.
      season: "the spring change day, 29 March 2026",
      day: "2026-03-29",
      lastOfDayBefore: "2026-03-28T23:30:00+01:00",
      firstOfDay: "2026-03-29T00:30:00+01:00",
      lastOfDay: "2026-03-29T23:30:00+02:00",
      firstOfDayAfter: "2026-03-30T00:30:00+02:00",
    },
    {
      // 25 hours: 03:00 becomes 02:00; the day starts in summer time and ends in winter time.
      season: "the autumn change day, 25 October 2026",
      day: "2026-10-25",
      lastOfDayBefore: "2026-10-24T23:30:00+02:00",
      firstOfDay: "2026-10-25T00:30:00+02:00",
      lastOfDay: "2026-10-25T23:30:00+01:00",
      firstOfDayAfter: "2026-10-26T00:30:00+01:00",
    },
    {
      season: "a winter day (UTC+1)",
      day: "2026-01-15",
      lastOfDayBefore: "2026-01-14T23:30:00+01:00",
      firstOfDay: "2026-01-15T00:30:00+01:00",
      lastOfDay: "2026-01-15T23:30:00+01:00",
      firstOfDayAfter: "2026-01-16T00:30:00+01:00",
    },
  ])("$season: 00:30 and 23:30 that day are in, 23:30 the day before and 00:30 the day after are out", async (c) => {
    await eventAt("23:30 the day before", c.lastOfDayBefore);
    await eventAt("00:30", c.firstOfDay);
    await eventAt("23:30", c.lastOfDay);
    await eventAt("00:30 the day after", c.firstOfDayAfter);
    // Both events of the day, also at 02:30 on the autumn day, which happens twice.
    if (c.day === "2026-10-25") {
      await eventAt("02:30 summer time", "2026-10-25T02:30:00+02:00");
      await eventAt("02:30 winter time", "2026-10-25T02:30:00+01:00");
    }
    const ofTheDay = c.day === "2026-10-25" ? ["00:30", "02:30 summer time", "02:30 winter time", "23:30"] : ["00:30", "23:30"];

    expect(await shown({ du: c.day, au: c.day })).toEqual(ofTheDay);
    // "Au" alone includes the whole day and nothing after it.
    expect(await shown({ au: c.day })).toEqual([...ofTheDay, "23:30 the day before"].sort());
    // "Du" alone starts at that day's Paris midnight.
    expect(await shown({ du: c.day })).toEqual([...ofTheDay, "00:30 the day after"].sort());
  });
});

describe("ADM-5 a date that does not exist is reported in French, never a 500", () => {
  it.each([
    ["du", "2026-99-99", "from"],
    ["au", "2026-02-30", "to"],
    ["du", "2026-01-011", "from"],
  ] as const)("?%s=%s: the filter is not applied and the reader is told why", async (name, value, field) => {
    await eventAt("winter", "2026-01-15T12:00:00+01:00");
    const { filters, form, errors } = parseAuditFilters({ [name]: value });
    expect(errors[field]).toMatch(/^Date « (Du|Au) » invalide \(.+\) : choisissez un jour qui existe dans le calendrier\. Ce filtre n'a pas été appliqué\.$/);
    expect(filters[field]).toBeUndefined();
    expect(form[field]).toBe("");
    const log = await listAuditEvents(administrator, filters);
    expect(log.rows.map((event) => event.targetLabel)).toEqual(["winter"]);
  });

  it("the administrator's and the operator's journal pages render the message next to the field", async () => {
    const pages = [
      { viewer: administrator, page: (await import("@/app/administration/journal/page")).default },
      { viewer: operator, page: (await import("@/app/operateur/journal/page")).default },
    ];
    for (const { viewer, page } of pages) {
      session.viewer = viewer;
      const html = renderToStaticMarkup(await page({ searchParams: Promise.resolve({ du: "2026-99-99", au: "2026-07-14" }) }));
      // The page's typography puts no-break spaces inside « » and before ":" (issue 16 item 1).
      expect(html.replace(/[\u00a0\u202f]/g, " ")).toContain("Date « Du » invalide (2026-99-99) : choisissez un jour qui existe dans le calendrier. Ce filtre n&#x27;a pas été appliqué.");
      expect(html).toMatch(/<input[^>]*id="journal-du"[^>]*aria-invalid="true"[^>]*aria-describedby="journal-du-error"/);
      expect(html).toContain('id="journal-du-error"');
      // The valid "au" is kept and applied; the invalid "du" is not echoed into the form.
      expect(html).toMatch(/<input[^>]*id="journal-au"[^>]*value="2026-07-14"/);
      expect(html).toMatch(/<input[^>]*id="journal-du"[^>]*value=""/);
    }
  });
});
