// ADM-3 the permission matrix, and SEC-1 for its action: only the organisation's
// administrator grants and revokes, only for the active accounts of their organisation and
// the e-services it is subscribed to; anything else is refused and nothing is written.
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "../db";
import type { FormState } from "../forms";
import { createAccount, createOrganisation } from "../testing/factories";
import { viewerOf, session, actorOf, administratorOf } from "../testing/actions";

session.ip = "192.0.2.20";

const { permissionMatrixAction } = await import("./actions");
const { loadPermissionMatrix } = await import("./queries");
const { savePermissionMatrix, grantToSelection } = await import("./manage-permissions");
const { cellKey, PAGE_SIZE } = await import("./schemas");

/** forbidden() (403, or its guard outside a Next request) or the redirect to the login page. */
const REFUSED = /403|forbidden|NEXT_REDIRECT/;

type Account = Awaited<ReturnType<typeof createAccount>>;
type EService = Awaited<ReturnType<typeof db.eService.create>>;

const IDLE = { status: "idle" } as const;

function matrixForm(fields: { accounts?: string[]; eServices?: string[]; cells?: string[]; selected?: string[]; bulkEServiceId?: string; intent?: "save" | "bulk" }) {
  const data = new FormData();
  data.append("intent", fields.intent ?? "save");
  for (const id of fields.accounts ?? []) data.append("account", id);
  for (const id of fields.eServices ?? []) data.append("eService", id);
  for (const key of fields.cells ?? []) data.append("cell", key);
  for (const id of fields.selected ?? []) data.append("selected", id);
  if (fields.bulkEServiceId !== undefined) data.append("bulkEServiceId", fields.bulkEServiceId);
  return data;
}

async function counts() {
  const [subscriptions, permissions, audit] = await Promise.all([db.subscription.count(), db.permission.count(), db.auditEvent.count()]);
  return { subscriptions, permissions, audit };
}

async function expectNothingWritten(run: () => Promise<unknown>) {
  const before = await counts();
  await run();
  expect(await counts()).toEqual(before);
}

function errorOf(state: FormState<unknown>) {
  expect(state.status).toBe("error");
  return state as Extract<FormState<unknown>, { status: "error" }>;
}

let counter = 0;
async function createEService(name?: string) {
  counter += 1;
  return db.eService.create({
    data: { slug: `svc-${counter}-${Date.now()}`, name: name ?? `Service ${String(counter).padStart(3, "0")}`, description: "d", url: "https://service.example/", termsText: "t" },
  });
}

const DAY = 86_400_000;
const day = (offsetDays: number) => new Date(`${new Date(Date.now() + offsetDays * DAY).toISOString().slice(0, 10)}T00:00:00Z`);

async function subscribeOrganisation(organisationId: string, eServiceId: string, start = -10, end: number | null = null) {
  return db.subscription.create({
    data: { organisationId, eServiceId, startDate: day(start), endDate: end === null ? null : day(end), termsAcceptedAt: new Date() },
  });
}

let organisationId: string;
let admin: Account;
let alice: Account;
let bruno: Account;
let pending: Account;
let otherAdmin: Account;
let outsider: Account;
let operator: Account;
let cadastre: EService;
let etatCivil: EService;
let notSubscribed: EService;
let ended: EService;
let upcoming: EService;

beforeEach(async () => {
  organisationId = (await createOrganisation()).id;
  admin = await createAccount({ organisationId, role: "ADMINISTRATOR", firstName: "Zoé", lastName: "Admin" });
  alice = await createAccount({ organisationId, firstName: "Alice", lastName: "Bernard" });
  bruno = await createAccount({ organisationId, firstName: "Bruno", lastName: "Carré" });
  pending = await createAccount({ organisationId, status: "PENDING_VALIDATION", firstName: "Paul", lastName: "Attente" });
  await createAccount({ organisationId, status: "DEACTIVATED", firstName: "Denis", lastName: "Parti" });
  const otherOrganisationId = (await createOrganisation()).id;
  otherAdmin = await createAccount({ organisationId: otherOrganisationId, role: "ADMINISTRATOR" });
  outsider = await createAccount({ organisationId: otherOrganisationId, firstName: "Olga", lastName: "Ailleurs" });
  operator = await createAccount({ organisationId: null, role: "OPERATOR" });
  cadastre = await createEService();
  etatCivil = await createEService();
  notSubscribed = await createEService();
  ended = await createEService();
  upcoming = await createEService();
  await subscribeOrganisation(organisationId, cadastre.id);
  await subscribeOrganisation(organisationId, etatCivil.id, -5, 30);
  await subscribeOrganisation(organisationId, ended.id, -30, -2);
  await subscribeOrganisation(organisationId, upcoming.id, 5);
  await subscribeOrganisation(otherOrganisationId, notSubscribed.id);
  session.viewer = viewerOf(admin);
});

describe("ADM-3 the matrix: active accounts of the organisation × subscribed e-services", () => {
  it("lists only active accounts, the administrator included without any permission, and only subscribed e-services", async () => {
    const matrix = await loadPermissionMatrix(administratorOf(admin));
    expect(matrix.accounts.map((a) => `${a.firstName} ${a.lastName}`)).toEqual(["Zoé Admin", "Alice Bernard", "Bruno Carré"]);
    expect(matrix.eServices.map((e) => e.id).sort()).toEqual([cadastre.id, etatCivil.id, upcoming.id].sort());
    expect(matrix.granted).toEqual([]);
    expect(matrix.total).toBe(3);
    expect(matrix.accounts.some((a) => a.id === outsider.id || a.id === pending.id)).toBe(false);
  });

  it("searches by name or identifier, insensitive to accents and case, and pages by 50", async () => {
    expect((await loadPermissionMatrix(administratorOf(admin), { query: "carre" })).accounts.map((a) => a.id)).toEqual([bruno.id]);
    expect((await loadPermissionMatrix(administratorOf(admin), { query: "CARRÉ" })).accounts.map((a) => a.id)).toEqual([bruno.id]);
    expect((await loadPermissionMatrix(administratorOf(admin), { query: "alice bern" })).accounts.map((a) => a.id)).toEqual([alice.id]);
    expect((await loadPermissionMatrix(administratorOf(admin), { query: alice.identifier })).accounts.map((a) => a.id)).toEqual([alice.id]);

    for (let index = 0; index < PAGE_SIZE; index += 1) {
      await createAccount({ organisationId, firstName: "Agent", lastName: `Zz${String(index).padStart(2, "0")}` });
    }
    const first = await loadPermissionMatrix(administratorOf(admin), { page: 1 });
    const second = await loadPermissionMatrix(administratorOf(admin), { page: 2 });
    expect(first.accounts).toHaveLength(PAGE_SIZE);
    expect(second.accounts.map((a) => a.lastName)).toEqual(["Zz47", "Zz48", "Zz49"]);
    expect(second.pageCount).toBe(2);
    expect((await loadPermissionMatrix(administratorOf(admin), { page: 99 })).page).toBe(2);
  });
});

describe("ADM-3 saving a page: the server computes grants and revocations", () => {
  it("grants and revokes the difference, with one audit event per change", async () => {
    await db.permission.create({ data: { accountId: bruno.id, eServiceId: cadastre.id, organisationId } });
    const page = { accounts: [admin.id, alice.id, bruno.id], eServices: [cadastre.id, etatCivil.id] };

    const state = await permissionMatrixAction(IDLE, matrixForm({ ...page, cells: [cellKey(admin.id, cadastre.id), cellKey(alice.id, etatCivil.id)] }));
    expect(state).toMatchObject({ status: "success", result: { granted: 2, revoked: 1 } });
    const held = await db.permission.findMany({ where: { organisationId }, select: { accountId: true, eServiceId: true, grantedById: true } });
    expect(held.map((p) => cellKey(p.accountId, p.eServiceId)).sort()).toEqual([cellKey(admin.id, cadastre.id), cellKey(alice.id, etatCivil.id)].sort());
    expect(held.every((p) => p.grantedById === admin.id)).toBe(true);

    const events = await db.auditEvent.findMany({ where: { organisationId, action: { startsWith: "permission." } } });
    expect(events.map((e) => `${e.action} ${e.targetId} ${(e.details as { eServiceId: string }).eServiceId}`).sort()).toEqual(
      [`permission.granted ${admin.id} ${cadastre.id}`, `permission.granted ${alice.id} ${etatCivil.id}`, `permission.revoked ${bruno.id} ${cadastre.id}`].sort(),
    );
    expect(events.every((e) => e.actorId === admin.id && e.targetType === "account" && e.ipAddress === "192.0.2.20")).toBe(true);

    // Saving the same page again changes nothing.
    await expectNothingWritten(async () => {
      const again = await permissionMatrixAction(IDLE, matrixForm({ ...page, cells: [cellKey(admin.id, cadastre.id), cellKey(alice.id, etatCivil.id)] }));
      expect(again).toMatchObject({ status: "success", result: { granted: 0, revoked: 0 } });
    });
  });

  it("cells outside the page's rows and columns are not touched", async () => {
    await db.permission.create({ data: { accountId: bruno.id, eServiceId: upcoming.id, organisationId } });
    await permissionMatrixAction(IDLE, matrixForm({ accounts: [alice.id, bruno.id], eServices: [cadastre.id], cells: [cellKey(alice.id, cadastre.id)] }));
    expect(await db.permission.count({ where: { accountId: bruno.id, eServiceId: upcoming.id } })).toBe(1);
  });

  it("bulk grant: one e-service to every selected person, once", async () => {
    await db.permission.create({ data: { accountId: alice.id, eServiceId: etatCivil.id, organisationId } });
    const state = await permissionMatrixAction(IDLE, matrixForm({ intent: "bulk", selected: [admin.id, alice.id, bruno.id], bulkEServiceId: etatCivil.id }));
    expect(state).toMatchObject({ status: "success", result: { granted: 2, revoked: 0 } });
    expect(await db.permission.count({ where: { eServiceId: etatCivil.id } })).toBe(3);
    expect(await db.auditEvent.count({ where: { action: "permission.granted", organisationId } })).toBe(2);

    await expectNothingWritten(async () => {
      expect(errorOf(await permissionMatrixAction(IDLE, matrixForm({ intent: "bulk", selected: [], bulkEServiceId: etatCivil.id }))).message).toMatch(/Cochez au moins une personne/);
      expect(errorOf(await permissionMatrixAction(IDLE, matrixForm({ intent: "bulk", selected: [alice.id], bulkEServiceId: "" }))).fieldErrors.bulkEServiceId).toMatch(/Choisissez l'e-service/);
    });
  });
});

describe("ADM-3 / SEC-1 forged input is refused and nothing is written", () => {
  it("another organisation's account, in the rows, the cells or the selection", async () => {
    await expectNothingWritten(async () => {
      const rows = errorOf(await permissionMatrixAction(IDLE, matrixForm({ accounts: [alice.id, outsider.id], eServices: [cadastre.id], cells: [cellKey(alice.id, cadastre.id), cellKey(outsider.id, cadastre.id)] })));
      expect(rows.message).toMatch(/n'appartiennent pas à votre organisation/);
      const cell = errorOf(await permissionMatrixAction(IDLE, matrixForm({ accounts: [alice.id], eServices: [cadastre.id], cells: [cellKey(outsider.id, cadastre.id)] })));
      expect(cell.message).toMatch(/rechargez la page/);
      const bulk = errorOf(await permissionMatrixAction(IDLE, matrixForm({ intent: "bulk", selected: [alice.id, outsider.id], bulkEServiceId: cadastre.id })));
      expect(bulk.message).toMatch(/n'appartiennent pas à votre organisation/);
    });
  });

  it("an e-service the organisation is not (or no longer) subscribed to", async () => {
    await expectNothingWritten(async () => {
      for (const eService of [notSubscribed, ended]) {
        const save = errorOf(await permissionMatrixAction(IDLE, matrixForm({ accounts: [alice.id], eServices: [cadastre.id, eService.id], cells: [cellKey(alice.id, cadastre.id), cellKey(alice.id, eService.id)] })));
        expect(save.message).toMatch(/ne fait pas partie des abonnements/);
        const bulk = errorOf(await permissionMatrixAction(IDLE, matrixForm({ intent: "bulk", selected: [alice.id], bulkEServiceId: eService.id })));
        expect(bulk.message).toMatch(/ne fait pas partie des abonnements/);
      }
    });
  });

  it("an account that is not active cannot be granted", async () => {
    await expectNothingWritten(async () => {
      const state = errorOf(await permissionMatrixAction(IDLE, matrixForm({ accounts: [pending.id], eServices: [cadastre.id], cells: [cellKey(pending.id, cadastre.id)] })));
      expect(state.message).toMatch(/n'est pas actif/);
    });
  });

  it("malformed ids, missing rows, huge input", async () => {
    await expectNothingWritten(async () => {
      expect(errorOf(await permissionMatrixAction(IDLE, matrixForm({ accounts: ["pas-un-id"], eServices: [cadastre.id] }))).message).toMatch(/rechargez la page/);
      expect(errorOf(await permissionMatrixAction(IDLE, matrixForm({ accounts: [alice.id], eServices: [cadastre.id], cells: ["x".repeat(10_000)] }))).message).toMatch(/rechargez la page/);
      expect(errorOf(await permissionMatrixAction(IDLE, matrixForm({ eServices: [cadastre.id] }))).message).toMatch(/Aucune personne/);
      const tooMany = Array.from({ length: PAGE_SIZE + 1 }, () => alice.id);
      expect(errorOf(await permissionMatrixAction(IDLE, matrixForm({ accounts: tooMany, eServices: [cadastre.id] }))).message).toMatch(/rechargez la page/);
    });
  });

  it("a user of the organisation, an operator and no session are refused", async () => {
    for (const viewer of [viewerOf(alice), viewerOf(operator), null]) {
      session.viewer = viewer;
      await expectNothingWritten(async () => {
        await expect(permissionMatrixAction(IDLE, matrixForm({ accounts: [alice.id], eServices: [cadastre.id], cells: [cellKey(alice.id, cadastre.id)] }))).rejects.toThrow(REFUSED);
        await expect(permissionMatrixAction(IDLE, matrixForm({ intent: "bulk", selected: [alice.id], bulkEServiceId: cadastre.id }))).rejects.toThrow(REFUSED);
      });
    }
  });

  it("another organisation's administrator, with the first organisation's ids, is refused", async () => {
    await db.permission.create({ data: { accountId: alice.id, eServiceId: cadastre.id, organisationId } });
    session.viewer = viewerOf(otherAdmin);
    await expectNothingWritten(async () => {
      // Revoking Alice's permission by sending her row with no ticked box.
      expect(errorOf(await permissionMatrixAction(IDLE, matrixForm({ accounts: [alice.id], eServices: [cadastre.id], cells: [] }))).message).toMatch(/n'appartiennent pas/);
      expect(errorOf(await permissionMatrixAction(IDLE, matrixForm({ intent: "bulk", selected: [bruno.id], bulkEServiceId: notSubscribed.id }))).message).toMatch(/n'appartiennent pas/);
      // Their own account with an e-service only the first organisation holds.
      expect(errorOf(await permissionMatrixAction(IDLE, matrixForm({ accounts: [outsider.id], eServices: [cadastre.id], cells: [cellKey(outsider.id, cadastre.id)] }))).message).toMatch(/ne fait pas partie des abonnements/);
    });
    const actor = { ...actorOf(otherAdmin), role: "ADMINISTRATOR" as const, organisationId: otherAdmin.organisationId! };
    await expect(savePermissionMatrix(db, actor, { accounts: [alice.id], eServices: [cadastre.id], cells: [] })).rejects.toThrow(/n'appartiennent pas/);
    await expect(grantToSelection(db, actor, { selected: [alice.id], bulkEServiceId: notSubscribed.id })).rejects.toThrow(/n'appartiennent pas/);
    expect(await db.permission.count({ where: { accountId: alice.id } })).toBe(1);
  });
});
