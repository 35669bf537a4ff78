// HELP-2, DASH-5 and LIFE-4 (operator path) through the server actions, on real PostgreSQL:
// the ticket's lifecycle, its rate limits and who may read or change which ticket.
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "../db";
import { formData as form, viewerOf, session, actorOf } from "../testing/actions";
import { createAccount, createOrganisation, latestLink, mailbox, tableCounts, tokenOf } from "../testing/factories";
import { hashSecret } from "../security/secrets";

session.ip = "198.51.100.30";

const { submitTicketAction, replyAsAccountAction, replyByLinkAction, operatorTicketAction, reactivateRequesterAccountAction } = await import(
  "./actions"
);
const { ownTickets, ticketOfAccount, ticketOfLink } = await import("./queries");

const IDLE = { status: "idle" } as const;
let ipCounter = 0;

beforeEach(() => {
  session.viewer = null;
  // A fresh network address per test: the per-address limit is tested on its own.
  session.ip = `198.51.100.${++ipCounter}`;
});

async function submit(fields: Record<string, string>) {
  return submitTicketAction(IDLE, form({ category: "ACCESS", message: "Je ne reçois pas le lien d'activation.", contactEmail: "paul.vidal@test.example", ...fields }));
}

async function operator() {
  const account = await createAccount({ organisationId: null, role: "OPERATOR" });
  return viewerOf(account);
}

describe("HELP-2 an assistance request creates a ticket and an acknowledgement", () => {
  it("numbers tickets A-<year>-<rank>, stores the first message and e-mails the number with a private link (hash only)", async () => {
    const organisation = await createOrganisation({ name: "Commune de Valaide" });
    const first = await submit({ organisationId: organisation.id, stepsTried: "Vérifié les indésirables", contactEmail: "Paul.Vidal@Test.example" });
    const second = await submit({ contactEmail: "autre@test.example" });
    expect(first).toMatchObject({ status: "success", result: { number: expect.stringMatching(/^A-20\d\d-\d{6}$/) } });
    const numbers = [first, second].map((state) => (state.status === "success" ? state.result.number : ""));
    expect(Number(numbers[1].slice(-6))).toBe(Number(numbers[0].slice(-6)) + 1);

    const ticket = await db.supportTicket.findUniqueOrThrow({ where: { number: numbers[0] }, include: { messages: true } });
    expect(ticket).toMatchObject({
      category: "ACCESS",
      status: "OPEN",
      organisationId: organisation.id,
      organisationLabel: "Commune de Valaide",
      contactEmail: "paul.vidal@test.example",
      stepsTried: "Vérifié les indésirables",
      accountId: null,
      context: null,
    });
    expect(ticket.messages).toMatchObject([{ author: "REQUESTER", body: "Je ne reçois pas le lien d'activation." }]);

    const [ack] = await mailbox("paul.vidal@test.example");
    expect(ack.template).toBe("ticket-received");
    expect(ack.subject).toContain(numbers[0]);
    const link = await latestLink("paul.vidal@test.example", "/aide/demande/");
    const token = tokenOf(link);
    const stored = await db.token.findFirstOrThrow({ where: { ticketId: ticket.id, purpose: "TICKET_ACCESS" } });
    expect(stored.tokenHash).toBe(hashSecret(token));
    expect(stored.tokenHash).not.toContain(token);
    expect((await ticketOfLink(db, token))?.number).toBe(numbers[0]);
  });

  it("attaches a signed-in person's account, and lists it only in their space", async () => {
    const person = await createAccount();
    session.viewer = viewerOf(person);
    await submit({ contactEmail: person.email });
    expect(await ownTickets(actorOf(person))).toHaveLength(1);
    expect(await ownTickets(actorOf(await createAccount()))).toHaveLength(0);
  });

  it("ADM-5 a ticket's events reach an organisation's journal only when its own member sent it", async () => {
    const ownOrganisation = await createOrganisation();
    const otherOrganisation = await createOrganisation();
    const member = await createAccount({ organisationId: ownOrganisation.id });
    session.viewer = viewerOf(member);
    // Signed in: the session's organisation, whatever the form names.
    await submit({ contactEmail: member.email, organisationId: otherOrganisation.id });
    session.viewer = null;
    // Anonymous: anyone may name any organisation; it is kept for the operators only.
    await submit({ contactEmail: "inconnu@test.example", organisationId: otherOrganisation.id });
    const signedIn = await db.supportTicket.findFirstOrThrow({ where: { accountId: member.id } });
    const anonymous = await db.supportTicket.findFirstOrThrow({ where: { contactEmail: "inconnu@test.example" } });
    expect(signedIn.organisationId).toBe(ownOrganisation.id);
    expect(anonymous.organisationId).toBe(otherOrganisation.id);

    session.viewer = await operator();
    for (const ticket of [signedIn, anonymous]) {
      expect(await operatorTicketAction(IDLE, form({ ticketId: ticket.id, action: "close" }))).toMatchObject({ status: "success" });
    }
    const events = await db.auditEvent.findMany({ where: { action: "ticket.closed" }, orderBy: { createdAt: "asc" } });
    expect(events.map((event) => [event.targetLabel, event.organisationId])).toEqual([
      [signedIn.number, ownOrganisation.id],
      [anonymous.number, null],
    ]);
  });

  it("refuses incomplete or forged input with French messages, creating nothing", async () => {
    const before = await tableCounts();
    const tickets = await db.supportTicket.count();
    expect(await submitTicketAction(IDLE, form({ category: "NOPE", message: " ", contactEmail: "pas-une-adresse" }))).toMatchObject({
      status: "error",
      fieldErrors: {
        category: "Choisissez la catégorie de votre demande.",
        message: "Décrivez votre problème.",
        contactEmail: expect.stringContaining("adresse électronique valide"),
      },
      values: { contactEmail: "pas-une-adresse" },
    });
    expect(await submit({ organisationId: "0195f0c0-0000-7000-8000-000000000000" })).toMatchObject({
      status: "error",
      fieldErrors: { organisationId: "Cette organisation est introuvable : choisissez-la dans la liste proposée." },
    });
    expect(await submit({ organisationId: "n'importe quoi" })).toMatchObject({ status: "error", fieldErrors: { organisationId: expect.any(String) } });
    expect(await db.supportTicket.count()).toBe(tickets);
    expect((await tableCounts()).outbox).toBe(before.outbox);
  });
});

describe("HELP-2 the acknowledgement is no open relay: it quotes nothing typed to an unverified address", () => {
  const TYPED = {
    message: "Votre compte sera supprimé : confirmez vos accès sur https://portail-securise.example",
    stepsTried: "Appelez le 08 99 00 00 00 pour débloquer",
    organisationLabel: "Service des impôts — remboursement en attente",
  };

  it("sent without signing in, to any address: number, category and private link only", async () => {
    const state = await submit({ ...TYPED, contactEmail: "victime@test.example" });
    expect(state.status).toBe("success");
    const [ack] = await mailbox("victime@test.example");
    expect(ack.template).toBe("ticket-received");
    for (const rendered of [ack.text, ack.html, ack.subject]) {
      for (const typed of [TYPED.message, TYPED.stepsTried, TYPED.organisationLabel, "portail-securise.example", "08 99 00 00 00", "remboursement"]) {
        expect(rendered).not.toContain(typed);
      }
    }
    if (state.status === "success") expect(ack.text).toContain(state.result.number);
    expect(ack.text).toContain("Connexion aux services");
    expect(ack.links.some((link) => new URL(link).pathname.startsWith("/aide/demande/"))).toBe(true);
    // The ticket itself keeps everything for the operators and the private page.
    const ticket = await db.supportTicket.findFirstOrThrow({ where: { contactEmail: "victime@test.example" }, include: { messages: true } });
    expect(ticket.stepsTried).toBe(TYPED.stepsTried);
    expect(ticket.messages[0].body).toBe(TYPED.message);
  });

  it("signed in, to another address than the account's own: nothing typed either", async () => {
    const person = await createAccount();
    session.viewer = viewerOf(person);
    await submit({ message: TYPED.message, contactEmail: "quelqu-un@test.example" });
    const [ack] = await mailbox("quelqu-un@test.example");
    expect(ack.text).not.toContain(TYPED.message);
    expect(ack.text).not.toContain(person.identifier);
  });

  it("signed in, to the account's own verified address: the message is quoted back", async () => {
    const person = await createAccount();
    session.viewer = viewerOf(person);
    await submit({ message: "Mon tableau de bord est vide depuis hier.", contactEmail: person.email.toUpperCase() });
    const [ack] = await mailbox(person.email);
    expect(ack.text).toContain("Mon tableau de bord est vide depuis hier.");
    expect(ack.text).toContain(person.identifier);
  });
});

describe("DASH-5 a dashboard error report keeps the dashboard and the period", () => {
  it("stores {dashboard, period} for the portal and for a real e-service, and quotes it in the acknowledgement", async () => {
    await db.eService.create({ data: { slug: "etat-civil", name: "État civil", description: "d", url: "https://ec.example/", termsText: "t" } });
    const portal = await submit({ category: "DASHBOARDS", tableau: "portail", periode: "30j", contactEmail: "chiffres@test.example" });
    const service = await submit({ category: "DASHBOARDS", tableau: "etat-civil", periode: "12m", contactEmail: "chiffres2@test.example" });
    const numbers = [portal, service].map((state) => (state.status === "success" ? state.result.number : "?"));
    const [a, b] = await Promise.all(numbers.map((number) => db.supportTicket.findUniqueOrThrow({ where: { number } })));
    expect(a).toMatchObject({ category: "DASHBOARDS", context: { dashboard: "portail", period: "30j", dashboardName: "Portail" } });
    expect(b.context).toEqual({ dashboard: "etat-civil", period: "12m", dashboardName: "État civil" });
    expect((await mailbox("chiffres@test.example"))[0].text.replace(/\s+/g, " ")).toContain("Tableau de bord : Portail — période : 30 derniers jours");
  });

  it("ignores unknown dashboards and periods, and context outside the dashboards category", async () => {
    const cases = [
      { category: "DASHBOARDS", tableau: "inconnu", periode: "30j" },
      { category: "DASHBOARDS", tableau: "<script>", periode: "30j" },
      { category: "ACCESS", tableau: "portail", periode: "30j" },
    ];
    for (const [index, fields] of cases.entries()) {
      const state = await submit({ ...fields, contactEmail: `ignore${index}@test.example` });
      expect(state.status).toBe("success");
      if (state.status === "success") expect((await db.supportTicket.findUniqueOrThrow({ where: { number: state.result.number } })).context).toBeNull();
    }
    const noPeriod = await submit({ category: "DASHBOARDS", tableau: "portail", periode: "5ans", contactEmail: "ignore9@test.example" });
    if (noPeriod.status !== "success") throw new Error("expected success");
    expect((await db.supportTicket.findUniqueOrThrow({ where: { number: noPeriod.result.number } })).context).toEqual({
      dashboard: "portail",
      period: null,
      dashboardName: "Portail",
    });
  });
});

describe("HELP-2 rate limits (SEC-2), kept in the database", () => {
  it("refuses the 6th request within the hour for one contact address, creating nothing", async () => {
    for (let index = 0; index < 5; index += 1) {
      session.ip = `203.0.113.${index + 1}`;
      expect((await submit({ contactEmail: "pressee@test.example" })).status).toBe("success");
    }
    const tickets = await db.supportTicket.count();
    session.ip = "203.0.113.99";
    const refused = await submit({ contactEmail: "pressee@test.example" });
    expect(refused).toMatchObject({ status: "error", message: expect.stringMatching(/Trop de tentatives|réessayez|patientez/i) });
    expect(await db.supportTicket.count()).toBe(tickets);
  });

  it("refuses the 11th request within the hour from one network address", async () => {
    session.ip = "203.0.113.200";
    for (let index = 0; index < 10; index += 1) expect((await submit({ contactEmail: `ip${index}@test.example` })).status).toBe("success");
    expect((await submit({ contactEmail: "ip-last@test.example" })).status).toBe("error");
    expect(await mailbox("ip-last@test.example")).toHaveLength(0);
  });
});

describe("HELP-2 ticket lifecycle: answer (e-mailed), requester reply, close, reopen", () => {
  it("goes OPEN → ANSWERED → OPEN → CLOSED → OPEN, each operator step audited", async () => {
    const person = await createAccount();
    session.viewer = viewerOf(person);
    await submit({ contactEmail: person.email });
    const ticket = await db.supportTicket.findFirstOrThrow({ where: { accountId: person.id } });

    const camille = await operator();
    session.viewer = camille;
    expect(await operatorTicketAction(IDLE, form({ ticketId: ticket.id, action: "answer", body: "  " }))).toMatchObject({
      status: "error",
      fieldErrors: { body: "Écrivez votre réponse." },
    });
    expect(await operatorTicketAction(IDLE, form({ ticketId: ticket.id, action: "answer", body: "Un nouveau lien vous a été envoyé." }))).toMatchObject({
      status: "success",
    });
    expect((await db.supportTicket.findUniqueOrThrow({ where: { id: ticket.id } })).status).toBe("ANSWERED");
    const [answer] = await mailbox(person.email);
    expect(answer).toMatchObject({ template: "ticket-answered" });
    expect(answer.text).toContain("Un nouveau lien vous a été envoyé.");
    expect(answer.text).toContain(person.identifier);
    expect(answer.links.some((link) => new URL(link).pathname.startsWith("/aide/demande/"))).toBe(true);

    session.viewer = viewerOf(person);
    expect(await replyAsAccountAction(IDLE, form({ ticketId: ticket.id, body: "Reçu, merci : c'est réglé." }))).toMatchObject({ status: "success" });
    expect((await db.supportTicket.findUniqueOrThrow({ where: { id: ticket.id } })).status).toBe("OPEN");

    session.viewer = camille;
    await operatorTicketAction(IDLE, form({ ticketId: ticket.id, action: "close" }));
    expect(await db.supportTicket.findUniqueOrThrow({ where: { id: ticket.id } })).toMatchObject({ status: "CLOSED", closedAt: expect.any(Date) });
    expect(await operatorTicketAction(IDLE, form({ ticketId: ticket.id, action: "answer", body: "Encore ?" }))).toMatchObject({
      status: "error",
      message: "Cette demande est close : rouvrez-la avant d'y répondre.",
    });

    session.viewer = viewerOf(person);
    expect(await replyAsAccountAction(IDLE, form({ ticketId: ticket.id, body: "Une dernière chose" }))).toMatchObject({
      status: "error",
      message: expect.stringContaining("close"),
    });

    session.viewer = camille;
    await operatorTicketAction(IDLE, form({ ticketId: ticket.id, action: "reopen" }));
    expect(await db.supportTicket.findUniqueOrThrow({ where: { id: ticket.id } })).toMatchObject({ status: "OPEN", closedAt: null });

    const thread = await ticketOfAccount(db, person.id, ticket.id);
    expect(thread?.messages.map((message) => message.author)).toEqual(["REQUESTER", "OPERATOR", "REQUESTER"]);
    const audit = await db.auditEvent.findMany({ where: { targetId: ticket.id }, orderBy: { createdAt: "asc" } });
    expect(audit.map((event) => event.action)).toEqual(["ticket.answered", "ticket.closed", "ticket.reopened"]);
    expect(audit[0]).toMatchObject({ actorId: camille.accountId, targetLabel: ticket.number, ipAddress: session.ip });
  });

  it("a visitor replies through the private link of the acknowledgement", async () => {
    await submit({ contactEmail: "visiteur@test.example" });
    const token = tokenOf(await latestLink("visiteur@test.example", "/aide/demande/"));
    expect(await replyByLinkAction(IDLE, form({ token, body: "J'ajoute une capture." }))).toMatchObject({ status: "success" });
    expect((await ticketOfLink(db, token))?.messages.map((message) => message.body)).toEqual([
      "Je ne reçois pas le lien d'activation.",
      "J'ajoute une capture.",
    ]);
  });
});

describe("HELP-2 authorization: a person sees only their tickets, operators all", () => {
  it("refuses another person's ticket id, a forged link and non-operators, changing nothing", async () => {
    const owner = await createAccount();
    session.viewer = viewerOf(owner);
    await submit({ contactEmail: owner.email });
    const ticket = await db.supportTicket.findFirstOrThrow({ where: { accountId: owner.id } });
    const ownerToken = tokenOf(await latestLink(owner.email, "/aide/demande/"));

    const other = await createAccount();
    session.viewer = viewerOf(other);
    expect(await ticketOfAccount(db, other.id, ticket.id)).toBeNull();
    expect(await replyAsAccountAction(IDLE, form({ ticketId: ticket.id, body: "Intrusion" }))).toMatchObject({
      status: "error",
      message: "Cette demande d'assistance n'existe pas.",
    });
    expect(await replyByLinkAction(IDLE, form({ token: `${ownerToken.slice(0, -2)}xx`, body: "Intrusion" }))).toMatchObject({ status: "error" });
    expect(await ticketOfLink(db, "not-a-token")).toBeNull();
    // A token of another purpose never opens a ticket.
    const { issueToken } = await import("../tokens");
    const { token: activation } = await issueToken(db, { purpose: "ACTIVATION", accountId: other.id });
    expect(await ticketOfLink(db, activation)).toBeNull();

    // Each link opens its own ticket only.
    await submit({ contactEmail: other.email });
    const otherToken = tokenOf(await latestLink(other.email, "/aide/demande/"));
    expect((await ticketOfLink(db, otherToken))?.id).not.toBe(ticket.id);
    expect((await ticketOfLink(db, ownerToken))?.id).toBe(ticket.id);

    for (const action of ["answer", "close"]) {
      await expect(operatorTicketAction(IDLE, form({ ticketId: ticket.id, action, body: "x" }))).rejects.toMatchObject({
        digest: "NEXT_HTTP_ERROR_FALLBACK;403",
      });
    }
    session.viewer = null;
    await expect(operatorTicketAction(IDLE, form({ ticketId: ticket.id, action: "close" }))).rejects.toThrow(/NEXT_REDIRECT/);
    await expect(replyAsAccountAction(IDLE, form({ ticketId: ticket.id, body: "x" }))).rejects.toThrow(/NEXT_REDIRECT/);
    expect(await db.ticketMessage.count({ where: { ticketId: ticket.id } })).toBe(1);
    expect((await db.supportTicket.findUniqueOrThrow({ where: { id: ticket.id } })).status).toBe("OPEN");

    session.viewer = await operator();
    expect(await operatorTicketAction(IDLE, form({ ticketId: "0195f0c0-0000-7000-8000-000000000000", action: "close" }))).toMatchObject({
      status: "error",
      message: "Cette demande d'assistance n'existe pas.",
    });
  });
});

describe("LIFE-4 an operator handling a request reactivates the requester's account", () => {
  async function ticketFrom(email: string, accountId?: string) {
    session.viewer = null;
    await submit({ category: "ACCOUNT", contactEmail: email });
    const ticket = await db.supportTicket.findFirstOrThrow({ where: { contactEmail: email }, orderBy: { createdAt: "desc" } });
    if (accountId) await db.supportTicket.update({ where: { id: ticket.id }, data: { accountId } });
    return ticket;
  }

  /** An active account holding a permission, deactivated by the real inactivity job (LIFE-2). */
  async function dormantAccountThatHadPermissions(email: string) {
    const account = await createAccount({ email });
    const service = await db.eService.create({
      data: { slug: `svc-${account.id.slice(0, 8)}`, name: "Cadastre", description: "d", url: "https://cadastre.example/", termsText: "t" },
    });
    await db.permission.create({ data: { accountId: account.id, eServiceId: service.id, organisationId: account.organisationId! } });
    const longAgo = new Date(Date.now() - 17 * 30 * 86_400_000);
    await db.account.update({ where: { id: account.id }, data: { lastLoginAt: longAgo, inactivityWarnedAt: new Date(longAgo.getTime() + 15.5 * 30 * 86_400_000) } });
    const { processInactiveAccounts } = await import("../lifecycle/inactivity");
    await processInactiveAccounts(db, new Date());
    const deactivated = await db.account.findUniqueOrThrow({ where: { id: account.id } });
    expect(deactivated).toMatchObject({ status: "DEACTIVATED", deactivationReason: "INACTIVITY" });
    expect(await db.permission.count({ where: { accountId: account.id } })).toBe(0);
    return deactivated;
  }

  it("reactivates an account deactivated for inactivity: ACTIVE, permissions not restored, audited with the ticket, e-mailed", async () => {
    const dormant = await dormantAccountThatHadPermissions("dormant@test.example");
    const ticket = await ticketFrom("dormant@test.example");
    const camille = await operator();
    session.viewer = camille;

    expect(await reactivateRequesterAccountAction(IDLE, form({ ticketId: ticket.id, accountId: dormant.id, note: "" }))).toMatchObject({
      status: "error",
      fieldErrors: { note: expect.stringContaining("Indiquez") },
    });
    expect(
      await reactivateRequesterAccountAction(IDLE, form({ ticketId: ticket.id, accountId: dormant.id, note: "Identité vérifiée par téléphone" })),
    ).toMatchObject({ status: "success", message: expect.stringContaining("sans ses anciennes permissions") });

    const after = await db.account.findUniqueOrThrow({ where: { id: dormant.id } });
    expect(after).toMatchObject({ status: "ACTIVE", deactivationReason: null, deactivatedAt: null, lastLoginAt: expect.any(Date) });
    expect(await db.permission.count({ where: { accountId: dormant.id } })).toBe(0);
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "account.reactivated", targetId: dormant.id } });
    expect(event).toMatchObject({ actorId: camille.accountId, actorRole: "OPERATOR", organisationId: dormant.organisationId });
    expect(event.details).toMatchObject({ ticket: ticket.number, note: "Identité vérifiée par téléphone", previousReason: "INACTIVITY" });
    expect((await mailbox("dormant@test.example"))[0]).toMatchObject({ template: "account-reactivated-by-support" });

    // Twice is refused: the account is no longer deactivated.
    expect(await reactivateRequesterAccountAction(IDLE, form({ ticketId: ticket.id, accountId: dormant.id, note: "encore" }))).toMatchObject({
      status: "error",
      message: "Ce compte n'est pas désactivé.",
    });
  });

  it("sends a new activation link to an account never activated, which then waits for its administrator", async () => {
    const never = await createAccount({ status: "DEACTIVATED", deactivationReason: "NEVER_ACTIVATED", emailVerified: false, email: "jamais@test.example" });
    const ticket = await ticketFrom("jamais@test.example");
    session.viewer = await operator();
    expect(await reactivateRequesterAccountAction(IDLE, form({ ticketId: ticket.id, accountId: never.id, note: "Lien jamais reçu" }))).toMatchObject({
      status: "success",
      message: expect.stringContaining("lien d'activation"),
    });
    expect((await db.account.findUniqueOrThrow({ where: { id: never.id } })).status).toBe("DEACTIVATED");
    expect((await mailbox("jamais@test.example"))[0].template).toBe("activation");
    const { activateAccount } = await import("../accounts/activate-account");
    const outcome = await activateAccount(db, tokenOf(await latestLink("jamais@test.example", "/activation/")));
    expect(outcome).toMatchObject({ ok: true, status: "PENDING_VALIDATION" });
    expect(await db.auditEvent.count({ where: { action: "account.reactivation_link_sent", targetId: never.id } })).toBe(1);
  });

  it("refuses accounts invalidated by their administrator or closed by their owner, and accounts foreign to the ticket", async () => {
    const invalidated = await createAccount({ status: "DEACTIVATED", deactivationReason: "INVALIDATED", email: "invalide@test.example" });
    const closed = await createAccount({ status: "DEACTIVATED", deactivationReason: "CLOSED_BY_OWNER", email: "ferme@test.example" });
    const stranger = await createAccount({ status: "DEACTIVATED", deactivationReason: "INACTIVITY" });
    const ticketA = await ticketFrom("invalide@test.example");
    const ticketB = await ticketFrom("ferme@test.example");
    session.viewer = await operator();
    const before = await tableCounts();

    expect(await reactivateRequesterAccountAction(IDLE, form({ ticketId: ticketA.id, accountId: invalidated.id, note: "n" }))).toMatchObject({
      status: "error",
      message: expect.stringContaining("lui seul peut le réactiver"),
    });
    expect(await reactivateRequesterAccountAction(IDLE, form({ ticketId: ticketB.id, accountId: closed.id, note: "n" }))).toMatchObject({
      status: "error",
      message: expect.stringContaining("fermé par son titulaire"),
    });
    expect(await reactivateRequesterAccountAction(IDLE, form({ ticketId: ticketA.id, accountId: stranger.id, note: "n" }))).toMatchObject({
      status: "error",
      message: "Ce compte n'est pas celui de la personne qui a fait la demande.",
    });
    expect(await tableCounts()).toEqual(before);
    for (const account of [invalidated, closed, stranger]) expect((await db.account.findUniqueOrThrow({ where: { id: account.id } })).status).toBe("DEACTIVATED");
  });

  it("is for operators only", async () => {
    const dormant = await createAccount({ status: "DEACTIVATED", deactivationReason: "INACTIVITY", email: "seul-op@test.example" });
    const ticket = await ticketFrom("seul-op@test.example", dormant.id);
    const administrator = await createAccount({ organisationId: dormant.organisationId, role: "ADMINISTRATOR" });
    for (const viewer of [viewerOf(administrator), viewerOf(dormant)]) {
      session.viewer = viewer;
      await expect(reactivateRequesterAccountAction(IDLE, form({ ticketId: ticket.id, accountId: dormant.id, note: "n" }))).rejects.toMatchObject({
        digest: "NEXT_HTTP_ERROR_FALLBACK;403",
      });
    }
    expect((await db.account.findUniqueOrThrow({ where: { id: dormant.id } })).status).toBe("DEACTIVATED");
  });
});

describe("HELP-2 ticket numbers stay unique when people write at the same moment", () => {
  it("gives ten simultaneous tickets ten consecutive numbers of the year, each in its acknowledgement", async () => {
    const { createTicket } = await import("./tickets");
    const now = new Date("2026-11-22T10:00:00Z");
    const created = await Promise.all(
      Array.from({ length: 10 }, (_, n) =>
        createTicket(
          db,
          null,
          { category: "ACCESS", organisationId: null, organisationLabel: null, stepsTried: null, message: `Demande ${n}`, contactEmail: `simultane${n}@test.example` },
          { ipAddress: `192.0.2.${n + 1}`, now },
        ),
      ),
    );
    const ranks = created.map(({ number }) => Number(/^A-2026-(\d{6})$/.exec(number)?.[1])).sort((a, b) => a - b);
    expect(ranks).toHaveLength(10);
    expect(ranks.every((rank, index) => index === 0 || rank === ranks[index - 1] + 1)).toBe(true);
    for (const [n, { number }] of created.entries()) expect((await mailbox(`simultane${n}@test.example`))[0].text).toContain(number);
  });
});
