// ADM-2 and ADM-5 through the administrator's actions and queries, and the authorization
// matrix: (a) the organisation's administrator, (b) a user of the same organisation, (c) the
// administrator of another organisation, (d) an operator, (e) nobody signed in.
import { revalidatePath } from "next/cache";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "../db";
import { createAccount, createOrganisation, mailbox, tableCounts } from "../testing/factories";
import { listAuditEvents } from "../audit/queries";
import { listOrganisationAccounts, PAGE_SIZE } from "./queries";
import { viewerOf, formData as form, session, administratorOf, operatorOf } from "../testing/actions";

session.ip = "198.51.100.20";

const { decideOnAccountAction } = await import("./actions");

type Account = Awaited<ReturnType<typeof createAccount>>;

let organisationId: string;
let administrator: Account;
beforeEach(async () => {
  organisationId = (await createOrganisation({ name: "Commune de Valdecisions" })).id;
  administrator = await createAccount({ organisationId, role: "ADMINISTRATOR" });
  session.viewer = viewerOf(administrator, "Commune de Valdecisions");
});

async function grant(account: Account) {
  const service = await db.eService.create({
    data: { slug: `svc-${account.id.slice(0, 8)}`, name: "Cadastre", description: "d", url: "https://cadastre.example/", termsText: "t" },
  });
  await db.permission.create({ data: { accountId: account.id, eServiceId: service.id, organisationId: account.organisationId! } });
}

describe("ADM-2 the administrator validates, refuses, invalidates and reactivates accounts", () => {
  it("validates a pending account: active, e-mailed, audited", async () => {
    const pending = await createAccount({ organisationId, status: "PENDING_VALIDATION" });
    expect(await decideOnAccountAction({ status: "idle" }, form({ accountId: pending.id, decision: "validate" }))).toMatchObject({ status: "success" });
    expect((await db.account.findUniqueOrThrow({ where: { id: pending.id } })).status).toBe("ACTIVE");
    expect((await mailbox(pending.email))[0].template).toBe("account-validated");
    expect(await db.auditEvent.findFirstOrThrow({ where: { action: "account.validated", targetId: pending.id } })).toMatchObject({
      actorId: administrator.id,
      organisationId,
      ipAddress: "198.51.100.20",
    });
  });

  it("issue 16 item 6: the answer names the person, and the lists and counters are fresh without a reload", async () => {
    const pending = await createAccount({ organisationId, status: "PENDING_VALIDATION", firstName: "Inès", lastName: "Valide" });
    vi.mocked(revalidatePath).mockClear();
    const answer = await decideOnAccountAction({ status: "idle" }, form({ accountId: pending.id, decision: "validate" }));
    expect(answer).toMatchObject({ status: "success", message: expect.stringContaining("Compte validé : Inès Valide.") });
    const revalidated = vi.mocked(revalidatePath).mock.calls.map(([path]) => path);
    expect(revalidated).toEqual(expect.arrayContaining(["/administration", "/administration/comptes", "/administration/permissions"]));
    // The tab "À valider" and its counter no longer hold the account: no "Refuser" beside it.
    const list = await listOrganisationAccounts({ accountId: administrator.id, identifier: administrator.identifier, role: "ADMINISTRATOR", organisationId }, { status: "PENDING_VALIDATION" });
    expect(list.rows.map((row) => row.id)).not.toContain(pending.id);
    expect(list.counts.PENDING_VALIDATION ?? 0).toBe(0);
  });

  it("refuses with a reason, told to the person", async () => {
    const pending = await createAccount({ organisationId, status: "PENDING_VALIDATION" });
    const missing = await decideOnAccountAction({ status: "idle" }, form({ accountId: pending.id, decision: "refuse" }));
    expect(missing).toMatchObject({ status: "error", fieldErrors: { note: "Indiquez le motif : il sera communiqué à la personne." } });
    await decideOnAccountAction({ status: "idle" }, form({ accountId: pending.id, decision: "refuse", note: "Personne inconnue du service" }));
    expect(await db.account.findUniqueOrThrow({ where: { id: pending.id } })).toMatchObject({ status: "DEACTIVATED", deactivationReason: "INVALIDATED", statusNote: "Personne inconnue du service" });
    const [message] = await mailbox(pending.email);
    expect(message.template).toBe("account-deactivated");
    expect(message.text).toContain("Personne inconnue du service");
  });

  it("invalidates an active account (permissions removed, sessions ended); reactivation does not restore permissions (LIFE-4)", async () => {
    const active = await createAccount({ organisationId });
    await grant(active);
    await decideOnAccountAction({ status: "idle" }, form({ accountId: active.id, decision: "invalidate", note: "Départ de la collectivité" }));
    const invalidated = await db.account.findUniqueOrThrow({ where: { id: active.id } });
    expect(invalidated).toMatchObject({ status: "DEACTIVATED", deactivationReason: "INVALIDATED", sessionVersion: active.sessionVersion + 1 });
    expect(await db.permission.count({ where: { accountId: active.id } })).toBe(0);

    await decideOnAccountAction({ status: "idle" }, form({ accountId: active.id, decision: "reactivate" }));
    expect((await db.account.findUniqueOrThrow({ where: { id: active.id } })).status).toBe("ACTIVE");
    expect(await db.permission.count({ where: { accountId: active.id } })).toBe(0);
    expect((await mailbox(active.email))[0]).toMatchObject({ template: "account-validated", subject: "Votre compte est réactivé" });
  });

  it("refuses decisions that do not fit the account's state, and any on the administrator's own account", async () => {
    const active = await createAccount({ organisationId });
    const before = await tableCounts();
    expect(await decideOnAccountAction({ status: "idle" }, form({ accountId: active.id, decision: "validate" }))).toMatchObject({ status: "error", message: "Ce compte n'attend pas de validation." });
    expect(await decideOnAccountAction({ status: "idle" }, form({ accountId: administrator.id, decision: "invalidate", note: "x" }))).toMatchObject({ status: "error" });
    expect(await decideOnAccountAction({ status: "idle" }, form({ accountId: "pas-un-uuid", decision: "validate" }))).toMatchObject({ fieldErrors: { accountId: "Compte inconnu." } });
    expect(await decideOnAccountAction({ status: "idle" }, form({ accountId: active.id, decision: "promote" }))).toMatchObject({ fieldErrors: { decision: "Décision inconnue." } });
    expect(await tableCounts()).toEqual(before);
  });

  it("lists by status with search and paging, only the organisation's accounts", async () => {
    await createAccount({ organisationId, firstName: "Zoé", lastName: "Aubert" });
    await createAccount({ organisationId, firstName: "Yves", lastName: "Barbier", status: "PENDING_VALIDATION" });
    await createAccount({ firstName: "Zoé", lastName: "Ailleurs" });
    const active = await listOrganisationAccounts(administratorOf(administrator), { status: "ACTIVE", query: "zoe aub" });
    expect(active.rows.map((row) => row.lastName)).toEqual(["Aubert"]);
    expect((await listOrganisationAccounts(administratorOf(administrator), { status: "ACTIVE", query: "Ailleurs" })).total).toBe(0);
    const pending = await listOrganisationAccounts(administratorOf(administrator), { status: "PENDING_VALIDATION" });
    expect(pending.rows.map((row) => row.lastName)).toEqual(["Barbier"]);
    expect(pending.counts).toMatchObject({ ACTIVE: 2, PENDING_VALIDATION: 1 });
  });
});

describe("ADM-2 the accounts list shows 25 accounts a page (issue 17 item 2)", () => {
  it("26 accounts waiting: 25 on page 1 of 2, the 26th on page 2, a page past the end shows the last", async () => {
    for (let index = 0; index < 26; index += 1) {
      await createAccount({ organisationId, status: "PENDING_VALIDATION", firstName: "Prénom", lastName: `Nom${String(index).padStart(2, "0")}` });
    }
    const first = await listOrganisationAccounts(administratorOf(administrator), { status: "PENDING_VALIDATION" });
    expect(PAGE_SIZE).toBe(25);
    expect(first).toMatchObject({ total: 26, page: 1, pageCount: 2 });
    expect(first.rows).toHaveLength(25);
    const second = await listOrganisationAccounts(administratorOf(administrator), { status: "PENDING_VALIDATION", page: 2 });
    expect(second).toMatchObject({ page: 2, pageCount: 2 });
    expect(second.rows.map((row) => row.lastName)).toEqual(["Nom25"]);
    expect((await listOrganisationAccounts(administratorOf(administrator), { status: "PENDING_VALIDATION", page: 9 })).page).toBe(2);
  });
});

describe("LR-5 a pending administrator request survives the current administrator", () => {
  async function requestAdministratorRoleFor(account: Account) {
    const { requestAdministratorRole } = await import("../admin-requests/request-administrator-role");
    return db.$transaction((tx) =>
      requestAdministratorRole(tx, {
        account: { id: account.id, organisationId: account.organisationId!, identifier: account.identifier },
        actor: { accountId: account.id, identifier: account.identifier, role: account.role, organisationId: account.organisationId },
      }),
    );
  }

  it("refuses to refuse or invalidate a requester, says the legal representative decides; the legal representative then confirms", async () => {
    const { confirmAdminRequest } = await import("../admin-requests/confirm-admin-request");
    const pendingRequester = await createAccount({ organisationId, status: "PENDING_VALIDATION", adminRoleRequested: true });
    const activeRequester = await createAccount({ organisationId });
    const pendingRequest = await requestAdministratorRoleFor(pendingRequester);
    const before = await tableCounts();

    const refused = await decideOnAccountAction({ status: "idle" }, form({ accountId: pendingRequester.id, decision: "refuse", note: "Je refuse" }));
    expect(refused).toMatchObject({ status: "error", message: expect.stringContaining("c'est le représentant légal de l'organisation qui décide") });
    expect(await tableCounts()).toEqual(before);
    expect(await db.adminRequest.findUniqueOrThrow({ where: { id: pendingRequest.requestId } })).toMatchObject({ status: "PENDING" });
    expect((await db.account.findUniqueOrThrow({ where: { id: pendingRequester.id } })).status).toBe("PENDING_VALIDATION");

    // A newer request (LR-5) supersedes the first one; the administrator cannot end it either.
    const activeRequest = await requestAdministratorRoleFor(activeRequester);
    const invalidated = await decideOnAccountAction({ status: "idle" }, form({ accountId: activeRequester.id, decision: "invalidate", note: "Non" }));
    expect(invalidated).toMatchObject({ status: "error", message: expect.stringContaining(activeRequest.number) });
    expect((await db.account.findUniqueOrThrow({ where: { id: activeRequester.id } })).status).toBe("ACTIVE");

    // Only the legal representative decides: the request is still good.
    expect(await confirmAdminRequest(db, { number: activeRequest.number, code: activeRequest.code }, { ipAddress: "198.51.100.21" })).toMatchObject({ ok: true });
    expect(await db.account.findUniqueOrThrow({ where: { id: activeRequester.id } })).toMatchObject({ role: "ADMINISTRATOR", status: "ACTIVE" });
    expect((await db.account.findUniqueOrThrow({ where: { id: administrator.id } })).role).toBe("USER");
    // Its former holder's session still says administrator until its next request: no undoing.
    const undo = await decideOnAccountAction({ status: "idle" }, form({ accountId: activeRequester.id, decision: "invalidate", note: "Revanche" }));
    expect(undo).toMatchObject({ status: "error" });
    expect((await db.account.findUniqueOrThrow({ where: { id: activeRequester.id } })).status).toBe("ACTIVE");

    // The superseded request no longer shields its requester; validation was always allowed.
    expect(await decideOnAccountAction({ status: "idle" }, form({ accountId: pendingRequester.id, decision: "validate" }))).toMatchObject({ status: "success" });
  });

  it("an expired request no longer shields the account", async () => {
    const requester = await createAccount({ organisationId });
    const { requestId } = await requestAdministratorRoleFor(requester);
    await db.adminRequest.update({ where: { id: requestId }, data: { expiresAt: new Date(Date.now() - 1_000) } });
    expect(await decideOnAccountAction({ status: "idle" }, form({ accountId: requester.id, decision: "invalidate", note: "Départ" }))).toMatchObject({ status: "success" });
    expect((await db.adminRequest.findUniqueOrThrow({ where: { id: requestId } })).status).toBe("CANCELLED");
  });
});

describe("ADM-5 the audit log: the administrator reads their organisation's, operators everything", () => {
  it("scopes and filters", async () => {
    const pending = await createAccount({ organisationId, status: "PENDING_VALIDATION" });
    await decideOnAccountAction({ status: "idle" }, form({ accountId: pending.id, decision: "validate" }));
    const elsewhere = await createOrganisation();
    await db.auditEvent.create({ data: { actorLabel: "autre", action: "account.validated", organisationId: elsewhere.id } });

    const mine = await listAuditEvents(administratorOf(administrator), { action: "account.validated" });
    expect(mine.rows.map((event) => event.targetId)).toEqual([pending.id]);
    const all = await listAuditEvents(operatorOf(await createAccount({ organisationId: null })), { action: "account.validated" });
    expect(all.total).toBeGreaterThanOrEqual(2);
    expect((await listAuditEvents(administratorOf(administrator), { query: pending.identifier })).total).toBe(1);
    expect((await listAuditEvents(administratorOf(administrator), { from: new Date(Date.now() + 86_400_000) })).total).toBe(0);
    // Append-only (ADM-5): the database refuses to change or delete an event.
    await expect(db.auditEvent.updateMany({ where: { organisationId }, data: { actorLabel: "effacé" } })).rejects.toThrow();
    await expect(db.auditEvent.deleteMany({ where: { organisationId } })).rejects.toThrow();
  });
});

describe("SEC-1 authorization of the administrator's account decisions", () => {
  const FORBIDDEN = { digest: "NEXT_HTTP_ERROR_FALLBACK;403" };
  const TO_LOGIN = { message: "NEXT_REDIRECT /connexion?callbackUrl=%2Fadministration%2Fcomptes" };

  it.each([
    ["(b) a user of the same organisation", "user", FORBIDDEN],
    ["(c) the administrator of another organisation", "otherAdministrator", null],
    ["(d) an operator", "operator", FORBIDDEN],
    ["(e) nobody signed in", "nobody", TO_LOGIN],
  ] as const)("%s changes nothing", async (_label, who, refusal) => {
    const pending = await createAccount({ organisationId, status: "PENDING_VALIDATION" });
    const otherOrganisation = await createOrganisation({ name: "Ailleurs" });
    const actors = {
      user: viewerOf(await createAccount({ organisationId })),
      otherAdministrator: viewerOf(await createAccount({ organisationId: otherOrganisation.id, role: "ADMINISTRATOR" }), "Ailleurs"),
      operator: viewerOf(await createAccount({ organisationId: null, role: "OPERATOR" })),
      nobody: null,
    };
    session.viewer = actors[who];
    const before = await tableCounts();
    const attempt = decideOnAccountAction({ status: "idle" }, form({ accountId: pending.id, decision: "validate" }));
    if (refusal) await expect(attempt).rejects.toMatchObject(refusal);
    else await expect(attempt).resolves.toMatchObject({ status: "error", message: "Ce compte n'appartient pas à votre organisation." });
    expect(await tableCounts()).toEqual(before);
    expect((await db.account.findUniqueOrThrow({ where: { id: pending.id } })).status).toBe("PENDING_VALIDATION");
  });

  it("(a) the organisation's administrator is allowed", async () => {
    const pending = await createAccount({ organisationId, status: "PENDING_VALIDATION" });
    await expect(decideOnAccountAction({ status: "idle" }, form({ accountId: pending.id, decision: "validate" }))).resolves.toMatchObject({ status: "success" });
  });
});
