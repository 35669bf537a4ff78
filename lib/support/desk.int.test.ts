// HELP-2, issue 15 item 6: the operators' desk pages through every ticket (no silent cut at
// 50), counts the tickets awaiting an operator, among them those where the requester wrote
// again; such a reply is e-mailed to the support address when configured; closing a ticket
// e-mails the requester.
import { beforeEach, describe, expect, it, vi } from "vitest";

// Before anything reads the configuration: this file runs with reply alerts on.
vi.hoisted(() => {
  process.env.SUPPORT_REPLY_ALERTS = "1";
  process.env.SUPPORT_EMAIL = "guichet@portail.test";
});

import { db } from "../db";
import { parseEnv } from "../env";
import { supportReplyAlertAddress } from "../support-contacts";
import { formData as form, operatorOf, session, viewerOf } from "../testing/actions";
import { createAccount, mailbox } from "../testing/factories";
import { countTicketsAwaitingOperator, listTicketsForOperator, OPERATOR_PAGE_SIZE } from "./queries";
import { typeset } from "../french/typography";

const { replyAsAccountAction, operatorTicketAction } = await import("./actions");
const IDLE = { status: "idle" } as const;

let serial = 0;
async function ticket(account: { id: string; email: string; organisationId: string | null } | null, status: "OPEN" | "ANSWERED" | "CLOSED" = "OPEN", createdAt?: Date) {
  serial += 1;
  return db.supportTicket.create({
    data: {
      number: `T-DESK-${serial}-${Date.now()}`,
      category: "ACCOUNT",
      status,
      organisationId: account?.organisationId ?? null,
      accountId: account?.id ?? null,
      contactEmail: account?.email ?? `anonyme.${serial}@test.example`,
      createdAt,
      messages: { create: { author: "REQUESTER", authorId: account?.id ?? null, body: "Je n'arrive pas à me connecter." } },
    },
  });
}

let operatorAccount: Awaited<ReturnType<typeof createAccount>>;
beforeEach(async () => {
  await db.supportTicket.deleteMany({});
  operatorAccount = await createAccount({ organisationId: null, role: "OPERATOR" });
  session.viewer = null;
  session.ip = `198.51.100.${++serial % 250}`;
});

describe("HELP-2 the operators' desk pages through every ticket, with counts per tab", () => {
  it("shows all 130 tickets of a tab across three pages, each once, oldest first, and counts each tab", async () => {
    const start = Date.UTC(2026, 5, 1);
    for (let index = 0; index < 130; index++) await ticket(null, "OPEN", new Date(start + Math.floor(index / 4) * 1000));
    for (let index = 0; index < 7; index++) await ticket(null, "CLOSED");
    const operator = operatorOf(operatorAccount);

    const seen: string[] = [];
    const first = await listTicketsForOperator(operator, { status: "OPEN", category: null });
    expect(first).toMatchObject({ total: 130, page: 1, pageCount: 3, byStatus: { OPEN: 130, CLOSED: 7 } });
    for (let page = 1; page <= first.pageCount; page++) {
      const listed = await listTicketsForOperator(operator, { status: "OPEN", category: null, page });
      expect(listed.page).toBe(page);
      seen.push(...listed.tickets.map((entry) => entry.id));
      const times = listed.tickets.map((entry) => entry.createdAt.getTime());
      expect([...times].sort((a, b) => a - b)).toEqual(times);
    }
    expect(seen).toHaveLength(130);
    expect(new Set(seen).size).toBe(130);
    expect(seen.length).toBeGreaterThan(OPERATOR_PAGE_SIZE);

    // A page beyond the last shows the last one; "Toutes" counts every ticket.
    expect((await listTicketsForOperator(operator, { status: "OPEN", category: null, page: 99 })).page).toBe(3);
    expect((await listTicketsForOperator(operator, { status: null, category: null })).total).toBe(137);
  });
});

describe("HELP-2 a requester's reply alerts the operators", () => {
  it("counts the ticket as awaiting an operator, flags it, and e-mails the configured support address", async () => {
    const requester = await createAccount({ organisationId: null });
    const answered = await ticket(requester, "ANSWERED");
    await ticket(null, "OPEN");
    const operator = operatorOf(operatorAccount);
    expect(await countTicketsAwaitingOperator(operator)).toEqual({ awaiting: 1, replied: 0 });

    session.viewer = viewerOf(requester);
    expect(await replyAsAccountAction(IDLE, form({ ticketId: answered.id, body: "Cela ne marche toujours pas." }))).toMatchObject({ status: "success" });

    expect(await countTicketsAwaitingOperator(operator)).toEqual({ awaiting: 2, replied: 1 });
    const desk = await listTicketsForOperator(operator, { status: "OPEN", category: null });
    expect(desk.replied).toBe(1);
    expect(desk.tickets.find((entry) => entry.id === answered.id)?.requesterRepliedAt).toBeInstanceOf(Date);

    const [alert] = await mailbox("guichet@portail.test");
    expect(alert).toMatchObject({ template: "ticket-reply-alert", subject: typeset(`Nouvelle réponse du demandeur : demande ${answered.number}`) });
    expect(alert!.links[0]).toBe(`http://127.0.0.1:3000/operateur/assistance/${answered.id}`);
    expect(alert!.text).toContain(requester.identifier);
    // The requester's text stays on the desk, not in an e-mail.
    expect(alert!.text).not.toContain("Cela ne marche toujours pas");

    // Answering clears the flag.
    session.viewer = viewerOf(operatorAccount);
    expect(await operatorTicketAction(IDLE, form({ ticketId: answered.id, action: "answer", body: "Essayez ceci." }))).toMatchObject({ status: "success" });
    expect(await countTicketsAwaitingOperator(operator)).toEqual({ awaiting: 1, replied: 0 });
  });

  it("sends no alert unless SUPPORT_REPLY_ALERTS=1", () => {
    expect(supportReplyAlertAddress(parseEnv({ SUPPORT_EMAIL: "guichet@portail.test" }))).toBeNull();
    expect(supportReplyAlertAddress(parseEnv({ SUPPORT_EMAIL: "guichet@portail.test", SUPPORT_REPLY_ALERTS: "0" }))).toBeNull();
    expect(supportReplyAlertAddress(parseEnv({ SUPPORT_EMAIL: "guichet@portail.test", SUPPORT_REPLY_ALERTS: "1" }))).toBe("guichet@portail.test");
  });
});

describe("HELP-2 closing a ticket e-mails the requester", () => {
  it("sends the French closing e-mail with the follow link, identifier and ticket number", async () => {
    const requester = await createAccount({ organisationId: null });
    const open = await ticket(requester, "OPEN");
    session.viewer = viewerOf(operatorAccount);
    expect(await operatorTicketAction(IDLE, form({ ticketId: open.id, action: "close" }))).toMatchObject({ status: "success" });

    const [closed] = await mailbox(requester.email);
    expect(closed).toMatchObject({ template: "ticket-closed", subject: `Votre demande d'assistance ${open.number} est close` });
    expect(closed!.text).toContain(requester.identifier);
    expect(closed!.text).toContain("nouvelle demande");
    expect(new URL(closed!.links[0]!).pathname).toMatch(/^\/aide\/demande\/.+/);
    expect((await db.supportTicket.findUniqueOrThrow({ where: { id: open.id } })).status).toBe("CLOSED");
  });
});
