// DEP-3 on real PostgreSQL: an invitation from the console goes through the imports'
// machinery (validated account, ID-1 identifier, BULK-3 welcome with identifier and link,
// opening date), can be re-sent (only the newest link works) or withdrawn while not
// activated; conflicts get French field errors; only the organisation's administrator acts.
import { beforeEach, describe, expect, it } from "vitest";
import { activateAccount } from "../accounts/activate-account";
import { shiftDayKey, parisDayKey } from "../calendar";
import { db } from "../db";
import { sendDueWelcomeEmails } from "../imports/welcome";
import { processNeverActivatedAccounts } from "../lifecycle/never-activated";
import { formData as form, session, viewerOf, administratorOf } from "../testing/actions";
import { createAccount, createOrganisation, latestLink, mailbox, tableCounts, tokenOf } from "../testing/factories";
import { invitePerson, resendInvitation } from "./invite-person";
import { listPendingInvitations } from "./queries";

session.ip = "198.51.100.40";

const { inviteAction, resendInvitationAction, withdrawInvitationAction } = await import("./actions");

type Account = Awaited<ReturnType<typeof createAccount>>;
const PASSWORD = "Tilleul-Vert-2027";
let organisationId: string;
let administrator: Account;
let cadastreId: string;
let unsubscribedId: string;

beforeEach(async () => {
  organisationId = (await createOrganisation({ name: "Commune des Saules" })).id;
  administrator = await createAccount({ organisationId, role: "ADMINISTRATOR" });
  session.viewer = viewerOf(administrator, "Commune des Saules");
  const suffix = organisationId.slice(-6);
  const cadastre = await db.eService.create({
    data: { slug: `cadastre-${suffix}`, name: `Cadastre ${suffix}`, description: "d", url: "https://cadastre.example/", termsText: "t" },
  });
  cadastreId = cadastre.id;
  await db.subscription.create({ data: { organisationId, eServiceId: cadastre.id, startDate: new Date("2020-01-01"), termsAcceptedAt: new Date() } });
  unsubscribedId = (
    await db.eService.create({ data: { slug: `voirie-${suffix}`, name: `Voirie ${suffix}`, description: "d", url: "https://voirie.example/", termsText: "t" } })
  ).id;
});

let serial = 0;
function person(overrides: Record<string, string | string[]> = {}) {
  serial += 1;
  return { civility: "MADAME", firstName: "Éloïse", lastName: `Martel${serial}`, email: `eloise.${serial}.${Date.now()}@exemple.fr`, openingDate: "", ...overrides };
}

function invitationForm(fields: Record<string, string | string[]>) {
  const data = form({});
  for (const [key, value] of Object.entries(fields)) for (const item of Array.isArray(value) ? value : [value]) data.append(key, item);
  return data;
}

const invite = (fields: Record<string, string | string[]>) => inviteAction({ status: "idle" }, invitationForm(fields));
const admin = () => administratorOf(administrator);

describe("DEP-3 an invitation creates the account through the imports' machinery", () => {
  it("creates a validated account with an ID-1 identifier and the e-services, sends the BULK-3 welcome (no password), then the person activates with a password", async () => {
    const fields = person({ firstName: "Frédéric", lastName: "DUPONT DURAND", eServiceIds: [cadastreId] });
    const state = await invite(fields);
    expect(state).toMatchObject({ status: "success", message: expect.stringContaining("frederic-dupont-dura") });

    const account = await db.account.findFirstOrThrow({ where: { organisationId, email: fields.email as string }, include: { permissions: true } });
    expect(account).toMatchObject({
      identifier: "frederic-dupont-dura",
      firstName: "Frédéric",
      lastName: "DUPONT DURAND",
      status: "PENDING_ACTIVATION",
      role: "USER",
      passwordHash: null,
      invitedById: administrator.id,
    });
    expect(account.validatedAt).not.toBeNull();
    expect(account.invitedAt).not.toBeNull();
    expect(account.welcomeSentAt).not.toBeNull();
    expect(account.permissions.map((permission) => permission.eServiceId)).toEqual([cadastreId]);

    const [welcome] = await mailbox(fields.email as string);
    expect(welcome).toMatchObject({ template: "import-welcome", priority: "BULK" });
    expect(welcome.text).toContain("frederic-dupont-dura");
    expect(welcome.text).not.toMatch(/mot de passe\s*:/i);
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "account.invited", targetId: account.id } });
    expect(event).toMatchObject({ actorId: administrator.id, organisationId, targetLabel: "frederic-dupont-dura", ipAddress: "198.51.100.40" });

    const activated = await activateAccount(db, tokenOf(await latestLink(fields.email as string, "/activation/")), new Date(), PASSWORD);
    expect(activated).toMatchObject({ ok: true, identifier: "frederic-dupont-dura" });
    expect(await db.account.findUniqueOrThrow({ where: { id: account.id } })).toMatchObject({ status: "ACTIVE" });
    expect((await listPendingInvitations(admin())).total).toBe(0);
  });

  it("with an opening date, the welcome goes out on that day through the imports' nightly sending, and cannot be re-sent before", async () => {
    const now = new Date();
    const opening = shiftDayKey(parisDayKey(now), 10);
    const fields = person({ openingDate: opening });
    const state = await invite(fields);
    expect(state).toMatchObject({ status: "success", message: expect.stringContaining("partira le") });
    expect(await mailbox(fields.email as string)).toHaveLength(0);
    const account = await db.account.findFirstOrThrow({ where: { organisationId, email: fields.email as string } });
    await expect(resendInvitation(db, admin(), { accountId: account.id })).rejects.toThrow(/partira ce jour-là/);

    expect(await sendDueWelcomeEmails(db, now)).toBe(0);
    const openingDay = new Date(`${opening}T08:00:00Z`);
    expect(await sendDueWelcomeEmails(db, openingDay)).toBeGreaterThanOrEqual(1);
    expect((await mailbox(fields.email as string)).map((message) => message.template)).toEqual(["import-welcome"]);
  });
});

describe("DEP-3 conflicts and wrong input get French field errors, and write nothing", () => {
  it("an address already used in the organisation, a pending invitation, unusable names, an e-service not subscribed, a past date", async () => {
    const existing = await createAccount({ organisationId, email: "deja.la@exemple.fr", identifier: "deja-la" });
    const pending = person();
    await invite(pending);
    const before = await tableCounts();

    expect(await invite(person({ email: existing.email }))).toMatchObject({
      status: "error",
      fieldErrors: { email: "Un compte de votre organisation utilise déjà cette adresse (identifiant deja-la)." },
    });
    expect(await invite(person({ email: (pending.email as string).toUpperCase() }))).toMatchObject({
      status: "error",
      fieldErrors: { email: expect.stringMatching(/^Cette personne est déjà invitée \(identifiant .+\) : utilisez « Renvoyer »/) },
    });
    expect(await invite(person({ firstName: "***" }))).toMatchObject({
      status: "error",
      fieldErrors: { firstName: "Le prénom doit contenir au moins une lettre ou un chiffre." },
    });
    expect(await invite(person({ eServiceIds: [unsubscribedId] }))).toMatchObject({
      status: "error",
      fieldErrors: { eServiceIds: "Choisissez parmi les e-services auxquels votre organisation est abonnée." },
    });
    expect(await invite(person({ openingDate: shiftDayKey(parisDayKey(), -1) }))).toMatchObject({
      status: "error",
      fieldErrors: { openingDate: expect.stringContaining("passée") },
    });
    expect(await invite({ civility: "", firstName: "", lastName: "", email: "pas-une-adresse", openingDate: "2026-99-99" })).toMatchObject({
      status: "error",
      fieldErrors: {
        civility: "Indiquez la civilité de la personne.",
        firstName: "Indiquez le prénom de la personne.",
        lastName: "Indiquez le nom de la personne.",
        email: expect.stringContaining("adresse électronique valide"),
        openingDate: expect.stringContaining("date valide"),
      },
    });
    // A user of another organisation keeps their address: one account per organisation (ORG-5).
    const elsewhere = await createAccount({ organisationId: (await createOrganisation()).id, email: "ailleurs@exemple.fr" });
    expect(await invite(person({ email: elsewhere.email }))).toMatchObject({ status: "success" });
    const after = await tableCounts();
    expect(after.accounts).toBe(before.accounts + 2);
  });

  it("is limited per administrator; refused forms do not count", async () => {
    await db.rateLimitBucket.create({ data: { key: `invitation-administrator:${administrator.id}`, points: 49, expiresAt: new Date(Date.now() + 3_600_000) } });
    await invite(person({ firstName: "***" }));
    expect(await invite(person())).toMatchObject({ status: "success" });
    const refused = await invite(person());
    expect(refused).toMatchObject({ status: "error", message: expect.stringMatching(/beaucoup d'invitations.*réessayez dans .*importez un fichier/) });
  });
});

describe("DEP-3 re-send and withdraw while not activated", () => {
  it("re-send: a new link, the old one stops working; after LIFE-3 deactivated it, the re-send opens it again", async () => {
    const fields = person();
    await invite(fields);
    const account = await db.account.findFirstOrThrow({ where: { organisationId, email: fields.email as string } });
    const first = tokenOf(await latestLink(fields.email as string, "/activation/"));

    expect(await resendInvitationAction({ status: "idle" }, form({ accountId: account.id }))).toMatchObject({ status: "success" });
    const second = tokenOf(await latestLink(fields.email as string, "/activation/"));
    expect(second).not.toBe(first);
    expect(await activateAccount(db, first, new Date(), PASSWORD)).toEqual({ ok: false, problem: "superseded" });
    expect(await db.auditEvent.count({ where: { action: "account.invitation_resent", targetId: account.id } })).toBe(1);

    // The link expires unused: LIFE-3 deactivates the account; it stays a pending invitation.
    const later = new Date(Date.now() + 4 * 86_400_000);
    await processNeverActivatedAccounts(db, later);
    expect(await db.account.findUniqueOrThrow({ where: { id: account.id } })).toMatchObject({ status: "DEACTIVATED", deactivationReason: "NEVER_ACTIVATED" });
    expect((await listPendingInvitations(admin())).invitations.map((invitation) => invitation.id)).toContain(account.id);
    await resendInvitation(db, admin(), { accountId: account.id }, { now: later });
    expect(await db.account.findUniqueOrThrow({ where: { id: account.id } })).toMatchObject({ status: "PENDING_ACTIVATION", deactivationReason: null });
    const third = tokenOf(await latestLink(fields.email as string, "/activation/"));
    expect(await activateAccount(db, third, later, PASSWORD)).toMatchObject({ ok: true });
  });

  it("withdraw: the account never activated is deleted, its link stops working, the address is free again; an activated one cannot be withdrawn", async () => {
    const fields = person();
    await invite(fields);
    const account = await db.account.findFirstOrThrow({ where: { organisationId, email: fields.email as string } });
    const link = tokenOf(await latestLink(fields.email as string, "/activation/"));

    expect(await withdrawInvitationAction({ status: "idle" }, form({ accountId: account.id }))).toMatchObject({ status: "error" });
    expect(await withdrawInvitationAction({ status: "idle" }, form({ accountId: account.id, confirm: "oui" }))).toMatchObject({
      status: "success",
      message: expect.stringContaining("son lien ne fonctionne plus"),
    });
    expect(await db.account.findUnique({ where: { id: account.id } })).toBeNull();
    expect(await activateAccount(db, link, new Date(), PASSWORD)).toEqual({ ok: false, problem: "unknown" });
    expect(await db.auditEvent.findFirstOrThrow({ where: { action: "account.invitation_withdrawn", targetId: account.id } })).toMatchObject({
      actorId: administrator.id,
      targetLabel: account.identifier,
    });
    expect(await invite({ ...fields })).toMatchObject({ status: "success" });

    const again = await db.account.findFirstOrThrow({ where: { organisationId, email: fields.email as string } });
    await activateAccount(db, tokenOf(await latestLink(fields.email as string, "/activation/")), new Date(), PASSWORD);
    expect(await withdrawInvitationAction({ status: "idle" }, form({ accountId: again.id, confirm: "oui" }))).toMatchObject({
      status: "error",
      message: expect.stringContaining("n'est plus en attente"),
    });
    expect(await db.account.findUnique({ where: { id: again.id } })).not.toBeNull();
  });
});

describe("DEP-3 authorization: only the organisation's administrator invites, re-sends and withdraws", () => {
  const FORBIDDEN = { digest: "NEXT_HTTP_ERROR_FALLBACK;403" };

  it("a user is forbidden, nobody signed in goes to the login page, another organisation's administrator cannot touch the invitation", async () => {
    const { accountId } = await invitePerson(db, admin(), { civility: "MADAME", firstName: "Rose", lastName: "Cible", email: `rose.${Date.now()}@exemple.fr`, eServiceIds: [], openingDate: null });
    const before = await tableCounts();

    session.viewer = viewerOf(await createAccount({ organisationId }));
    await expect(invite(person())).rejects.toMatchObject(FORBIDDEN);
    await expect(resendInvitationAction({ status: "idle" }, form({ accountId }))).rejects.toMatchObject(FORBIDDEN);
    session.viewer = null;
    await expect(withdrawInvitationAction({ status: "idle" }, form({ accountId, confirm: "oui" }))).rejects.toMatchObject({
      message: "NEXT_REDIRECT /connexion?callbackUrl=%2Fadministration%2Finvitations",
    });

    const other = await createOrganisation({ name: "Ailleurs" });
    session.viewer = viewerOf(await createAccount({ organisationId: other.id, role: "ADMINISTRATOR" }), "Ailleurs");
    const refusal = { status: "error", message: expect.stringContaining("n'est plus en attente") };
    expect(await resendInvitationAction({ status: "idle" }, form({ accountId }))).toMatchObject(refusal);
    expect(await withdrawInvitationAction({ status: "idle" }, form({ accountId, confirm: "oui" }))).toMatchObject(refusal);
    const after = await tableCounts();
    expect({ ...after, accounts: after.accounts - 2 }).toEqual(before);
    expect(await db.account.findUnique({ where: { id: accountId } })).not.toBeNull();
  });
});
