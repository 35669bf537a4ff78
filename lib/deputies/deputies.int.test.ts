// DEP-1 and DEP-2 through the real actions, services and queries: designation, acceptance,
// decline, removal (audited, e-mailed), the limit of three under concurrency, what a deputy
// may and may not do, and the continuity of an organisation whose administrator is gone.
import { extractText, getDocumentProxy } from "unpdf";
import { beforeEach, describe, expect, it } from "vitest";
import { confirmAdminRequest } from "../admin-requests/confirm-admin-request";
import { askForAdministratorRole } from "../admin-requests/request-administrator-role";
import { listAuditEvents } from "../audit/queries";
import { closeAccount } from "../accounts/manage-own-account";
import { authenticate } from "../auth/authenticate";
import { loginFailureMessage } from "../auth/login-messages";
import { db } from "../db";
import { processInactiveAccounts } from "../lifecycle/inactivity";
import { secondFactorPolicy } from "../mfa/policy";
import { actorOf, administratorOf, deputyOf, formData as form, operatorOf, session, viewerOf } from "../testing/actions";
import { createAccount, createOrganisation, mailbox, TEST_PASSWORD } from "../testing/factories";
import { designateDeputy, MAX_DEPUTIES } from "./manage-deputies";
import { ownDeputyship, unmanagedOrganisations } from "./queries";

session.ip = "198.51.100.30";

const { designateDeputyAction, removeDeputyAction, answerDeputyDesignationAction } = await import("./actions");
const { decideOnAccountAction } = await import("../administration/actions");
const { subscribeAction } = await import("../subscriptions/actions");

type Account = Awaited<ReturnType<typeof createAccount>>;
const IDLE = { status: "idle" } as const;

let organisationId: string;
let administrator: Account;
let colleague: Account;
beforeEach(async () => {
  organisationId = (await createOrganisation({ name: "Commune de Valsuppléance" })).id;
  administrator = await createAccount({ organisationId, role: "ADMINISTRATOR", firstName: "Claire", lastName: "Maire" });
  colleague = await createAccount({ organisationId, firstName: "Paul", lastName: "Second" });
  session.viewer = viewerOf(administrator, "Commune de Valsuppléance");
});

async function designate(account: Account) {
  session.viewer = viewerOf(administrator, "Commune de Valsuppléance");
  return designateDeputyAction(IDLE, form({ login: account.identifier }));
}

async function accept(account: Account) {
  session.viewer = viewerOf(account, "Commune de Valsuppléance");
  return answerDeputyDesignationAction(IDLE, form({ answer: "accept" }));
}

describe("DEP-1 the administrator designates deputies, who accept from Mon espace", () => {
  it("designation is pending until accepted; each step is audited and e-mailed to the person concerned", async () => {
    expect(await designate(colleague)).toMatchObject({ status: "success" });
    expect(await db.deputy.findUniqueOrThrow({ where: { accountId: colleague.id } })).toMatchObject({ status: "PENDING", organisationId, designatedById: administrator.id });
    const [designated] = await mailbox(colleague.email);
    expect(designated).toMatchObject({ template: "deputy-notice", subject: "Vous êtes désigné administrateur suppléant de Commune de Valsuppléance" });
    expect(designated.links[0]).toMatch(/\/espace#suppleance$/);
    expect(await ownDeputyship(viewerOf(colleague))).toMatchObject({ deputy: { status: "PENDING" } });

    expect(await accept(colleague)).toMatchObject({ status: "success" });
    expect(await db.deputy.findUniqueOrThrow({ where: { accountId: colleague.id } })).toMatchObject({ status: "ACCEPTED" });
    expect((await mailbox(administrator.email))[0].subject).toBe("Paul Second a accepté d'être suppléant");

    const events = await db.auditEvent.findMany({ where: { organisationId, action: { startsWith: "deputy." } }, orderBy: { createdAt: "asc" } });
    expect(events.map((event) => [event.action, event.actorId, event.targetId, event.ipAddress])).toEqual([
      ["deputy.designated", administrator.id, colleague.id, "198.51.100.30"],
      ["deputy.accepted", colleague.id, colleague.id, "198.51.100.30"],
    ]);
  });

  it("MFA-3 an accepted deputy, with the console's powers, has 14 days to add a second factor, as an administrator", async () => {
    await designate(colleague);
    expect((await db.account.findUniqueOrThrow({ where: { id: colleague.id } })).mfaEnrolmentDeadline).toBeNull();
    await accept(colleague);
    const { mfaEnrolmentDeadline } = await db.account.findUniqueOrThrow({ where: { id: colleague.id } });
    expect(mfaEnrolmentDeadline!.getTime() - Date.now()).toBeGreaterThan(13 * 86_400_000);
    const later = new Date(Date.now() + 15 * 86_400_000);
    expect(secondFactorPolicy({ role: "USER", isDeputy: true, mfaEnrolmentDeadline, organisationRequiresMfa: false }, later)).toMatchObject({ required: true });
    expect(secondFactorPolicy({ role: "USER", isDeputy: false, mfaEnrolmentDeadline, organisationRequiresMfa: false }, later)).toMatchObject({ required: false });
  });

  it("a declined designation is gone, the administrator told; an accepted deputy may renounce", async () => {
    await designate(colleague);
    session.viewer = viewerOf(colleague);
    expect(await answerDeputyDesignationAction(IDLE, form({ answer: "decline" }))).toMatchObject({ status: "success" });
    expect(await db.deputy.count({ where: { accountId: colleague.id } })).toBe(0);
    expect((await mailbox(administrator.email))[0].subject).toBe("Paul Second a décliné le rôle de suppléant");

    await designate(colleague);
    await accept(colleague);
    expect(await answerDeputyDesignationAction(IDLE, form({ answer: "decline" }))).toMatchObject({ status: "success", message: expect.stringContaining("n'êtes plus suppléant") });
    expect(await db.auditEvent.count({ where: { action: "deputy.resigned", targetId: colleague.id } })).toBe(1);
  });

  it("the administrator removes a deputy: the person is told, the console closes to them", async () => {
    await designate(colleague);
    await accept(colleague);
    session.viewer = viewerOf(administrator);
    expect(await removeDeputyAction(IDLE, form({ accountId: colleague.id }))).toMatchObject({ status: "success" });
    expect(await db.deputy.count({ where: { accountId: colleague.id } })).toBe(0);
    expect((await mailbox(colleague.email))[0].subject).toBe("Vous n'êtes plus administrateur suppléant de Commune de Valsuppléance");
    expect(await db.auditEvent.count({ where: { action: "deputy.removed", targetId: colleague.id, actorId: administrator.id } })).toBe(1);
  });

  it("only active users of the organisation, once each; refusals in French on the field", async () => {
    const stranger = await createAccount();
    const waiting = await createAccount({ organisationId, status: "PENDING_VALIDATION" });
    expect(await designate(stranger)).toMatchObject({ status: "error", fieldErrors: { login: "Aucun compte de votre organisation ne porte cet identifiant ou cette adresse." } });
    expect(await designate(waiting)).toMatchObject({ status: "error", fieldErrors: { login: "Seul un compte actif peut être désigné suppléant." } });
    expect(await designate(administrator)).toMatchObject({ status: "error", fieldErrors: { login: expect.stringContaining("administrateur") } });
    await designate(colleague);
    expect(await designate(colleague)).toMatchObject({ status: "error", fieldErrors: { login: expect.stringContaining("déjà suppléante") } });
    // By e-mail address too.
    const other = await createAccount({ organisationId });
    expect(await designateDeputyAction(IDLE, form({ login: other.email.toUpperCase() }))).toMatchObject({ status: "success" });
    expect(await db.deputy.count({ where: { organisationId } })).toBe(2);
  });

  it(`at most ${MAX_DEPUTIES} (pending or accepted), even when designations race`, async () => {
    const candidates = await Promise.all(Array.from({ length: 8 }, () => createAccount({ organisationId })));
    const actor = administratorOf(administrator);
    const results = await Promise.allSettled(candidates.map((candidate) => designateDeputy(db, actor, { login: candidate.identifier }, { ipAddress: "192.0.2.9" })));
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(MAX_DEPUTIES);
    const refused = results.filter((result): result is PromiseRejectedResult => result.status === "rejected");
    expect(refused.every((result) => String(result.reason.message).includes("déjà 3 suppléants"))).toBe(true);
    expect(await db.deputy.count({ where: { organisationId } })).toBe(MAX_DEPUTIES);
  });
});

describe("DEP-1 what a deputy may and may not do", () => {
  let deputy: Account;
  beforeEach(async () => {
    deputy = await createAccount({ organisationId, firstName: "Dora", lastName: "Suppléante" });
    await designate(deputy);
    await accept(deputy);
    session.viewer = viewerOf(deputy, "Commune de Valsuppléance", { isDeputy: true });
  });

  it("validates a newcomer: the journal names the deputy as such", async () => {
    const newcomer = await createAccount({ organisationId, status: "PENDING_VALIDATION" });
    expect(await decideOnAccountAction(IDLE, form({ accountId: newcomer.id, decision: "validate" }))).toMatchObject({ status: "success" });
    expect((await db.account.findUniqueOrThrow({ where: { id: newcomer.id } })).status).toBe("ACTIVE");
    expect(await db.auditEvent.findFirstOrThrow({ where: { action: "account.validated", targetId: newcomer.id } })).toMatchObject({ actorId: deputy.id, actorRole: "DEPUTY" });
  });

  it("reads the organisation's journal, and only it", async () => {
    const page = await listAuditEvents(deputyOf(deputy), {});
    expect(page.rows.length).toBeGreaterThan(0);
    expect(page.rows.every((row) => row.organisationId === organisationId)).toBe(true);
  });

  it("may not deactivate the administrator nor another deputy", async () => {
    const other = await createAccount({ organisationId });
    await designate(other);
    session.viewer = viewerOf(deputy, "Commune de Valsuppléance", { isDeputy: true });
    expect(await decideOnAccountAction(IDLE, form({ accountId: administrator.id, decision: "invalidate", note: "Coup d'État" }))).toMatchObject({
      status: "error",
      message: "Un suppléant ne peut pas désactiver le compte de l'administrateur.",
    });
    expect(await decideOnAccountAction(IDLE, form({ accountId: other.id, decision: "invalidate", note: "Rivalité" }))).toMatchObject({
      status: "error",
      message: expect.stringContaining("seul l'administrateur"),
    });
    expect((await db.account.findUniqueOrThrow({ where: { id: administrator.id } })).status).toBe("ACTIVE");
  });

  it("may not subscribe the organisation nor choose deputies (403)", async () => {
    const service = await db.eService.create({ data: { slug: `svc-dep-${Date.now()}`, name: "Cadastre", description: "d", url: "https://cadastre.example/", termsText: "t" } });
    await expect(subscribeAction(IDLE, form({ eServiceId: service.id, acceptTerms: "on", startDate: "", endDate: "" }))).rejects.toMatchObject({ digest: "NEXT_HTTP_ERROR_FALLBACK;403" });
    await expect(designateDeputyAction(IDLE, form({ login: colleague.identifier }))).rejects.toMatchObject({ digest: "NEXT_HTTP_ERROR_FALLBACK;403" });
    await expect(removeDeputyAction(IDLE, form({ accountId: deputy.id }))).rejects.toMatchObject({ digest: "NEXT_HTTP_ERROR_FALLBACK;403" });
  });

  it("a pending designation gives no power", async () => {
    await designate(colleague);
    session.viewer = viewerOf(colleague, "Commune de Valsuppléance");
    const newcomer = await createAccount({ organisationId, status: "PENDING_VALIDATION" });
    await expect(decideOnAccountAction(IDLE, form({ accountId: newcomer.id, decision: "validate" }))).rejects.toMatchObject({ digest: "NEXT_HTTP_ERROR_FALLBACK;403" });
  });
});

async function letterText(requestId: string): Promise<string> {
  const letter = await db.letter.findUniqueOrThrow({ where: { adminRequestId: requestId } });
  const document = await getDocumentProxy(new Uint8Array(letter.pdf!));
  const { text } = await extractText(document, { mergePages: true });
  return text.replace(/\s+/g, " ");
}

describe("DEP-2 continuity when the administrator is gone", () => {
  let deputy: Account;
  beforeEach(async () => {
    deputy = await createAccount({ organisationId, firstName: "Dora", lastName: "Suppléante" });
    await designate(deputy);
    await accept(deputy);
  });

  it("the administrator closes their account: deputies carry on and are told", async () => {
    await closeAccount(db, actorOf(administrator), { currentPassword: TEST_PASSWORD }, { ipAddress: "192.0.2.4" });
    const [notice] = await mailbox(deputy.email);
    expect(notice.subject).toBe("Commune de Valsuppléance n'a plus d'administrateur actif");
    expect(notice.text).toMatch(/représentant légal/);
    expect(await ownDeputyship(viewerOf(deputy, "Commune de Valsuppléance", { isDeputy: true }))).toMatchObject({ administratorActive: false, unmanaged: false });
    // The deputy still validates newcomers.
    session.viewer = viewerOf(deputy, "Commune de Valsuppléance", { isDeputy: true });
    const newcomer = await createAccount({ organisationId, status: "PENDING_VALIDATION" });
    expect(await decideOnAccountAction(IDLE, form({ accountId: newcomer.id, decision: "validate" }))).toMatchObject({ status: "success" });
  });

  it("the 15-month warning of the administrator goes to the deputies; the deactivation tells them too", async () => {
    const longAgo = new Date("2024-01-10T09:00:00Z");
    await db.account.update({ where: { id: administrator.id }, data: { lastLoginAt: longAgo } });
    const warnedOn = new Date("2025-04-15T09:00:00Z");
    await processInactiveAccounts(db, warnedOn);
    const [warning] = await mailbox(deputy.email);
    expect(warning.subject).toBe("Le compte de l'administrateur de Commune de Valsuppléance sera bientôt désactivé");
    expect(warning.text).toContain("Claire Maire");

    await processInactiveAccounts(db, new Date("2025-06-01T09:00:00Z"));
    expect(await db.account.findUniqueOrThrow({ where: { id: administrator.id } })).toMatchObject({ status: "DEACTIVATED", deactivationReason: "INACTIVITY" });
    expect((await mailbox(deputy.email))[0].subject).toBe("Commune de Valsuppléance n'a plus d'administrateur actif");
  });

  it("a deputy asks for the role: the letter names them as deputy; once confirmed they are administrator and no longer deputy", async () => {
    await closeAccount(db, actorOf(administrator), { currentPassword: TEST_PASSWORD }, { ipAddress: "192.0.2.4" });
    await askForAdministratorRole(db, actorOf(deputy));
    const request = await db.adminRequest.findFirstOrThrow({ where: { requesterId: deputy.id, status: "PENDING" } });
    expect(await letterText(request.id)).toContain("aujourd'hui administratrice suppléante");

    // The letter's code, as the legal representative reads it (the test reprints it from the request).
    const { decryptAtRest } = await import("../security/encryption");
    const { adminRequestCodeContext } = await import("../admin-requests/confirmation-code");
    const code = decryptAtRest({ ciphertext: request.codeCiphertext!, keyId: request.codeKeyId! }, adminRequestCodeContext(request.number));
    expect(await confirmAdminRequest(db, { number: request.number, code: code! }, { ipAddress: "203.0.113.7" })).toMatchObject({ ok: true });

    expect(await db.account.findUniqueOrThrow({ where: { id: deputy.id } })).toMatchObject({ role: "ADMINISTRATOR" });
    expect(await db.deputy.count({ where: { accountId: deputy.id } })).toBe(0);
    expect(await db.auditEvent.count({ where: { action: "deputy.promoted", targetId: deputy.id } })).toBe(1);
  });

  it("an organisation with neither administrator nor deputy is listed for operators, and its waiting users are told what to do", async () => {
    const operator = operatorOf(await createAccount({ organisationId: null, role: "OPERATOR" }));
    const before = await unmanagedOrganisations(operator);
    expect(before.rows.some((row) => row.id === organisationId)).toBe(false);

    const waiting = await createAccount({ organisationId, status: "PENDING_VALIDATION" });
    await closeAccount(db, actorOf(administrator), { currentPassword: TEST_PASSWORD }, { ipAddress: "192.0.2.4" });
    // A deputy carries on: the organisation is not unmanaged yet.
    expect((await unmanagedOrganisations(operator)).rows.some((row) => row.id === organisationId)).toBe(false);
    expect((await authenticate(db, { identifier: waiting.identifier, password: TEST_PASSWORD }, { ipAddress: "192.0.2.5" })).ok).toBe(false);

    await closeAccount(db, actorOf(deputy), { currentPassword: TEST_PASSWORD }, { ipAddress: "192.0.2.4" });
    expect(await db.deputy.count({ where: { organisationId } })).toBe(0);
    const after = await unmanagedOrganisations(operator);
    expect(after.total).toBe(before.total + 1);
    expect(after.rows.find((row) => row.id === organisationId)).toMatchObject({ waiting: 1 });

    const login = await authenticate(db, { identifier: waiting.identifier, password: TEST_PASSWORD }, { ipAddress: "192.0.2.6" });
    expect(login).toMatchObject({ ok: false, reason: "pending_validation_unmanaged" });
    expect(loginFailureMessage("pending_validation_unmanaged")).toMatch(/s'inscrire comme administrateur/);
    expect(await ownDeputyship(viewerOf(colleague))).toMatchObject({ unmanaged: true });
  });
});
