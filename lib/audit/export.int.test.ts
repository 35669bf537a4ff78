// DEP-4 and ADM-5: the journal's downloads (CSV and JSON lines) hold what the reader may read
// with the filters they chose, neutralise spreadsheet formulas, stream in batches, and are
// audited; the journal's pages walk the log by keyset, each event exactly once.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { startAuthSession } from "../auth/auth-sessions";
import { db } from "../db";
import { administratorOf, operatorOf, session } from "../testing/actions";
import { createAccount, createOrganisation, withSecondFactor } from "../testing/factories";
import { exportAuditEvents } from "./export-audit-events";
import { encodeAuditCursor, parseAuditFilters } from "./parse-filters";
import { AUDIT_PAGE_SIZE, listAuditEvents, type AuditReader } from "./queries";

// The routes reach the session through the session cookie (the shared stand-in presents the
// one of a real sign-in row) and read the client's address from the request's headers.
vi.mock("../auth/auth", () => import("../testing/auth-stand-in"));
const { sessionClaims } = await import("../testing/auth-stand-in");
vi.mock("next/headers", () => ({
  headers: async () => {
    const request = { "x-forwarded-for": session.ip as string, "user-agent": "vitest" };
    return new Headers({ ...request, ...(await (await import("../testing/auth-stand-in")).sessionCookie(request)) });
  },
}));
const administratorRoute = await import("../../app/administration/journal/export/route");
const operatorRoute = await import("../../app/operateur/journal/export/route");

session.ip = "198.51.100.44";

type Account = Awaited<ReturnType<typeof createAccount>>;
let organisation: Awaited<ReturnType<typeof createOrganisation>>;
let other: Awaited<ReturnType<typeof createOrganisation>>;
let administrator: Account;
let operator: Account;

beforeEach(async () => {
  [organisation, other] = await Promise.all([createOrganisation({ name: "Commune d'Export" }), createOrganisation({ name: "Commune Voisine" })]);
  [administrator, operator] = await Promise.all([
    createAccount({ organisationId: organisation.id, role: "ADMINISTRATOR" }),
    createAccount({ organisationId: null, role: "OPERATOR" }).then(withSecondFactor),
  ]);
});
afterEach(() => {
  sessionClaims.current = null;
  vi.restoreAllMocks();
});

async function signIn(account: Account) {
  const row = await startAuthSession(db, { accountId: account.id, ipAddress: session.ip, userAgent: "vitest" });
  sessionClaims.current = { accountId: account.id, sessionVersion: account.sessionVersion, authSessionId: row.id, unlockedAccountIds: [`${account.id}:${account.sessionVersion}`] };
}

const event = (organisationId: string | null, targetLabel: string, extra: Partial<{ actorLabel: string; action: string; createdAt: Date }> = {}) =>
  db.auditEvent.create({ data: { actorLabel: extra.actorLabel ?? "agent", action: extra.action ?? "account.validated", organisationId, targetLabel, createdAt: extra.createdAt } });

const request = (path: string) => new Request(`http://127.0.0.1:3000${path}`);

/** The JSON lines of a response, parsed. */
async function jsonLines(response: Response): Promise<Array<Record<string, unknown>>> {
  const text = await response.text();
  return text
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe("DEP-4 ADM-5 the journal export is scoped by the session, never by the request", () => {
  it("an administrator's export holds only their organisation's events, even with a forged organisation in the query", async () => {
    await event(organisation.id, "Mon agent");
    await event(other.id, "Agent voisin");
    await event(null, "Événement du portail");
    await signIn(administrator);

    const forged = `organisation=${other.id}&organisationId=${other.id}&org=${other.id}`;
    const csv = await administratorRoute.GET(request(`/administration/journal/export?format=csv&${forged}`));
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    expect(csv.headers.get("content-disposition")).toMatch(/^attachment; filename="journal-\d{4}-\d{2}-\d{2}\.csv"$/);
    const text = await csv.text();
    expect(text).toContain("Mon agent");
    expect(text).not.toContain("Agent voisin");
    expect(text).not.toContain("Événement du portail");

    const lines = await jsonLines(await administratorRoute.GET(request(`/administration/journal/export?format=jsonl&${forged}`)));
    expect(lines.length).toBeGreaterThan(0);
    expect(new Set(lines.map((line) => line.organisationId))).toEqual(new Set([organisation.id]));
    expect(lines.map((line) => line.targetLabel)).toContain("Mon agent");
  });

  it("an operator's export holds every organisation's events; the filters apply", async () => {
    await event(organisation.id, "Mon agent");
    await event(other.id, "Agent voisin", { action: "account.refused" });
    await signIn(operator);

    const all = await jsonLines(await operatorRoute.GET(request("/operateur/journal/export?format=jsonl")));
    const labels = all.map((line) => line.targetLabel);
    expect(labels).toEqual(expect.arrayContaining(["Mon agent", "Agent voisin"]));
    expect(all.find((line) => line.targetLabel === "Agent voisin")?.organisationName).toBe("Commune Voisine");

    const refused = await jsonLines(await operatorRoute.GET(request("/operateur/journal/export?format=jsonl&action=account.refused")));
    expect(refused.map((line) => line.targetLabel)).toEqual(["Agent voisin"]);
  });

  it("an unknown format or a day that does not exist is answered in French, not with a partial file", async () => {
    await signIn(operator);
    const unknown = await operatorRoute.GET(request("/operateur/journal/export?format=xlsx"));
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).toContain("Format inconnu");
    const badDay = await operatorRoute.GET(request("/operateur/journal/export?format=csv&du=2026-02-30"));
    expect(badDay.status).toBe(400);
    expect(await badDay.text()).toContain("Date « Du » invalide");
  });

  it("each export is itself written to the journal, with its format and filters", async () => {
    await signIn(administrator);
    await (await administratorRoute.GET(request("/administration/journal/export?format=csv&q=agent"))).text();
    const recorded = await db.auditEvent.findFirstOrThrow({ where: { action: "audit.exported", actorId: administrator.id } });
    expect(recorded.organisationId).toBe(organisation.id);
    expect(recorded.ipAddress).toBe("198.51.100.44");
    expect(recorded.details).toEqual({ format: "csv", filters: { query: "agent" } });
  });
});

describe("DEP-4 the CSV opens in French Excel and its cells cannot run formulas", () => {
  it("starts with a BOM and French headers, separates with ';' and prefixes cells starting with = + - @ tab or CR", async () => {
    const hostile = ['=HYPERLINK("http://evil.example","clic")', "+33 1 23", "-2+3", "@SUM(A1:A2)", "\tcaché", "\rretour"];
    for (const label of hostile) await event(organisation.id, label, { actorLabel: "=1+1" });

    const file = await exportAuditEvents(administratorOf(administrator), {}, "csv", { organisationName: "Commune d'Export" });
    const bytes = new Uint8Array(await new Response(file.body).arrayBuffer());
    // The UTF-8 byte order mark (Response.text() would strip it).
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
    expect(text.startsWith("\uFEFFDate (heure de Paris);Action;Code de l'action;Auteur;")).toBe(true);
    const lines = text.slice(1).split("\r\n");
    for (const label of hostile) {
      const neutralised = `'${label}`;
      const quoted = /[";\n\r]/.test(neutralised) ? `"${neutralised.replace(/"/g, '""')}"` : neutralised;
      expect(text).toContain(`;${quoted};`);
    }
    // The author "=1+1" too, and no cell of any line starts with a formula character.
    expect(text).toContain(";'=1+1;");
    for (const line of lines.filter(Boolean)) {
      for (const cell of line.split(";")) expect(cell.replace(/^"/, "")).not.toMatch(/^[=+\-@\t]/);
    }
  });
});

describe("DEP-4 the export streams the log in batches, reading each only when the client asks", () => {
  it("20,000 events: one batch read per chunk taken, every event once", async () => {
    const start = Date.UTC(2026, 0, 1);
    await db.auditEvent.createMany({
      data: Array.from({ length: 20_000 }, (_, index) => ({
        actorLabel: "import",
        action: "account.validated",
        organisationId: organisation.id,
        targetLabel: `agent-${index}`,
        // Ten events per millisecond: ties on createdAt are broken by the id.
        createdAt: new Date(start + Math.floor(index / 10)),
      })),
    });
    const reads = vi.spyOn(db.auditEvent, "findMany");
    const file = await exportAuditEvents(administratorOf(administrator), {}, "jsonl", {});
    expect(reads).not.toHaveBeenCalled();

    const reader = file.body.getReader();
    const first = await reader.read();
    expect(first.done).toBe(false);
    // Only the first batch was read: the stream does not run ahead of its client.
    expect(reads).toHaveBeenCalledTimes(1);
    expect(new TextDecoder().decode(first.value).split("\n").filter(Boolean)).toHaveLength(1_000);

    const ids = new Set<string>();
    let buffered = new TextDecoder().decode(first.value);
    let chunks = 1;
    for (;;) {
      const next = await reader.read();
      if (next.done) break;
      chunks += 1;
      buffered += new TextDecoder().decode(next.value);
    }
    for (const line of buffered.split("\n").filter(Boolean)) ids.add(String(JSON.parse(line).id));
    // 20,000 events + the export's own event, in 21 batches of at most 1,000.
    expect(ids.size).toBe(20_001);
    expect(buffered.split("\n").filter(Boolean)).toHaveLength(20_001);
    expect(chunks).toBe(21);
    expect(reads.mock.calls.length).toBeLessThanOrEqual(22);
    for (const [args] of reads.mock.calls) expect(args?.take).toBe(1_000);
  });
});

describe("DEP-4 ADM-5 the journal pages by keyset: every event once, even while events are written", () => {
  it("walking « Plus anciens » shows each event exactly once, filters kept, new events never shifting a page", async () => {
    const reader: AuditReader = administratorOf(administrator);
    const tie = new Date("2026-06-01T10:00:00Z");
    const original: string[] = [];
    for (let index = 0; index < 2 * AUDIT_PAGE_SIZE + 17; index++) {
      // A third of them share one instant: the id orders them.
      const created = await event(organisation.id, `agent-${index}`, { createdAt: index % 3 === 0 ? tie : new Date(tie.getTime() - index * 1000) });
      original.push(created.id);
      // Events of another action, which the filter must keep out of every page.
      if (index % 10 === 0) await event(organisation.id, `autre-${index}`, { action: "account.refused", createdAt: tie });
    }

    const seen: string[] = [];
    let params: Record<string, string> = { action: "account.validated" };
    let pages = 0;
    for (;;) {
      const { filters, errors } = parseAuditFilters(params);
      expect(errors).toEqual({});
      const page = await listAuditEvents(reader, filters);
      pages += 1;
      expect(page.rows.every((row) => row.action === "account.validated")).toBe(true);
      seen.push(...page.rows.map((row) => row.id));
      // Someone acts meanwhile: newer events must not push already-seen ones onto the next page.
      await event(organisation.id, `nouveau-${pages}`);
      if (!page.olderCursor) break;
      params = { action: "account.validated", curseur: encodeAuditCursor(page.olderCursor), sens: "anciens" };
    }
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(seen.length);
    expect(new Set(seen)).toEqual(new Set(original));

    // « Plus récents » from the second page gives back the first page, in the same order.
    const first = await listAuditEvents(reader, { action: "account.validated" });
    const second = await listAuditEvents(reader, parseAuditFilters({ action: "account.validated", curseur: encodeAuditCursor(first.olderCursor!), sens: "anciens" }).filters);
    expect(second.newerCursor).not.toBeNull();
    const back = await listAuditEvents(reader, parseAuditFilters({ action: "account.validated", curseur: encodeAuditCursor(second.newerCursor!), sens: "recents" }).filters);
    expect(back.rows.map((row) => row.id)).toEqual(first.rows.map((row) => row.id));
    expect(back.newerCursor).toBeNull();
    expect(back.olderCursor).toEqual(first.olderCursor);
  });

  it("a cursor that does not decode is ignored: the reader sees the most recent events", async () => {
    await event(organisation.id, "récent");
    for (const curseur of ["pas-un-curseur", Buffer.from("123.pas-un-uuid").toString("base64url"), "%00", "x".repeat(500)]) {
      const { filters } = parseAuditFilters({ curseur, sens: "anciens" });
      expect(filters.cursor).toBeUndefined();
    }
    const page = await listAuditEvents(operatorOf(operator), parseAuditFilters({ curseur: "pas-un-curseur" }).filters);
    expect(page.rows[0]?.targetLabel).toBe("récent");
    expect(page.newerCursor).toBeNull();
  });
});
