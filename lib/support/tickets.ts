// Assistance requests (HELP-2): a person (signed in or not) creates a ticket and gets an
// acknowledgement with its number and a private link; operators answer (the answer is
// e-mailed), close and reopen; the person follows and replies from "Mon espace" or from
// the private link. Each change and its e-mail are one transaction (MAIL-1); each operator
// action is audited (ADM-5).
import "server-only";
import { appUrl } from "../app-url";
import { recordAuditEvent } from "../audit/record-audit-event";
import { parisDayKey } from "../calendar";
import type { Db } from "../db";
import type { Prisma, SupportTicket } from "../generated/prisma/client";
import { enqueueEmail, enqueuePreparedEmails } from "../mail/outbox";
import { newSecret } from "../security/secrets";
import { renderTicketAcknowledgement } from "./acknowledgement";
import { hit, hitAll, RATE_LIMITS, tooManyAttempts } from "../rate-limit";
import { supportReplyAlertAddress } from "../support-contacts";
import { issueToken } from "../tokens";
import {
  describeDashboardContext,
  parseDashboardContext,
  TICKET_CATEGORY_LABELS,
  type DashboardContext,
} from "./categories";
import type { TicketRequestInput } from "./schemas";
import { RateLimitedError, UserError, type Actor, type OperationContext, type OperatorActor } from "../operation";

type Tx = Prisma.TransactionClient;

/** The dashboard key of the portal's own figures (DASH-1); any other key is an e-service slug. */
export const PORTAL_DASHBOARD = "portail";

/** What SupportTicket.context holds for "Signaler une erreur dans mes chiffres" (DASH-5). */
export interface StoredDashboardContext extends DashboardContext {
  dashboardName: string;
}

export function storedDashboardContext(value: Prisma.JsonValue | null): StoredDashboardContext | null {
  if (!value || typeof value !== "object" || Array.isArray(value)) return null;
  const record = value as Record<string, unknown>;
  const parsed = parseDashboardContext({ tableau: record.dashboard, periode: record.period });
  if (!parsed || typeof record.dashboardName !== "string") return null;
  return { ...parsed, dashboardName: record.dashboardName };
}

/**
 * The DASH-5 context of a help page's query string, checked against the catalogue: a key
 * that names no dashboard is ignored, like a malformed one.
 */
export async function resolveDashboardContext(
  db: Db | Tx,
  params: { tableau?: unknown; periode?: unknown },
): Promise<StoredDashboardContext | null> {
  const parsed = parseDashboardContext(params);
  if (!parsed) return null;
  if (parsed.dashboard === PORTAL_DASHBOARD) return { ...parsed, dashboardName: "Portail" };
  const service = await db.eService.findUnique({ where: { slug: parsed.dashboard }, select: { name: true } });
  return service ? { ...parsed, dashboardName: service.name } : null;
}

export function dashboardContextLine(context: StoredDashboardContext | null): string | null {
  return context ? describeDashboardContext(context, context.dashboardName) : null;
}

/** "A-2026-000123": the year in Paris, then the rank of the ticket in that year. */
export function formatTicketNumber(year: number, rank: number): string {
  return `A-${year}-${String(rank).padStart(6, "0")}`;
}

async function nextTicketNumber(db: Db, now: Date): Promise<string> {
  const year = Number(parisDayKey(now).slice(0, 4));
  // Outside the ticket's transaction: the counter's row is locked for this one statement only,
  // so concurrent requests never wait on each other's e-mail rendering. A ticket whose
  // transaction fails leaves a gap in the numbers, never a duplicate.
  const [row] = await db.$queryRaw<{ last: number }[]>`
    INSERT INTO "support_ticket_counters" ("year", "last") VALUES (${year}, 1)
    ON CONFLICT ("year") DO UPDATE SET "last" = "support_ticket_counters"."last" + 1
    RETURNING "last"`;
  return formatTicketNumber(year, row.last);
}

/** A private link to a ticket (TICKET_ACCESS): only the token's hash is stored. */
async function followLink(tx: Tx, ticketId: string, now: Date): Promise<string> {
  const { token } = await issueToken(tx, { purpose: "TICKET_ACCESS", ticketId, now });
  return appUrl(`/aide/demande/${token}`);
}

async function requesterIdentity(tx: Tx, ticket: Pick<SupportTicket, "accountId" | "organisationLabel">) {
  const account = ticket.accountId ? await tx.account.findUnique({ where: { id: ticket.accountId }, select: { identifier: true } }) : null;
  return { identifier: account?.identifier ?? null, organisationName: ticket.organisationLabel };
}

export async function createTicket(
  db: Db,
  requester: Actor | null,
  input: TicketRequestInput,
  context: OperationContext & { ipAddress: string },
): Promise<{ id: string; number: string }> {
  const now = context.now ?? new Date();
  // Both limits recorded at once (a refusal by one gives the other's attempt back), and the
  // reads below in parallel: each round trip waits its turn on a busy machine.
  const limits = await hitAll(db, [
    [RATE_LIMITS.ticketsPerAddress, context.ipAddress],
    [RATE_LIMITS.ticketsPerEmail, input.contactEmail],
  ]);
  if (!limits.allowed) throw new RateLimitedError(tooManyAttempts(limits.retryAfterSeconds), limits.retryAfterSeconds);

  // Signed in: the organisation of the session, whatever the form says (ADM-5 journals
  // show the ticket's events to that organisation's administrator).
  const organisationId = requester?.organisationId ?? input.organisationId;
  const [organisation, dashboard, account] = await Promise.all([
    organisationId ? db.organisation.findUnique({ where: { id: organisationId }, select: { id: true, name: true } }) : null,
    input.category === "DASHBOARDS" ? resolveDashboardContext(db, { tableau: input.tableau, periode: input.periode }) : null,
    requester ? db.account.findUnique({ where: { id: requester.accountId }, select: { email: true, emailVerifiedAt: true } }) : null,
  ]);
  if (organisationId && !organisation) {
    throw new UserError("Cette organisation est introuvable : choisissez-la dans la liste proposée.", "organisationId");
  }

  const number = await nextTicketNumber(db, now);
  // Anyone may type any address here, so the acknowledgement is an e-mail the portal sends,
  // under its own name, to an address nobody has verified (HELP-2).
  // It therefore quotes what the sender typed (message, organisation, steps) only back to
  // the signed-in person's own verified address; everyone else gets the number, the
  // category, the dashboard context (both taken from closed lists) and the private link.
  const ownAddress = Boolean(account?.emailVerifiedAt) && account!.email.toLowerCase() === input.contactEmail.toLowerCase();
  // Rendered before the transaction (its link's token drawn beforehand), so that no
  // connection is held while the message is rendered; stored in the same transaction as the
  // ticket, as every e-mail with the change that causes it.
  const followToken = newSecret();
  const acknowledgement = await renderTicketAcknowledgement({
    number,
    identifier: ownAddress ? requester!.identifier : null,
    organisationName: ownAddress ? (organisation?.name ?? input.organisationLabel) : null,
    categoryLabel: TICKET_CATEGORY_LABELS[input.category],
    message: ownAddress ? input.message : null,
    contextLine: dashboardContextLine(dashboard),
    followUrl: appUrl(`/aide/demande/${followToken}`),
  });
  return db.$transaction(async (tx) => {
    const ticket = await tx.supportTicket.create({
      data: {
        number,
        category: input.category,
        organisationId: organisation?.id ?? null,
        organisationLabel: organisation?.name ?? input.organisationLabel,
        accountId: requester?.accountId ?? null,
        contactEmail: input.contactEmail,
        stepsTried: input.stepsTried,
        context: dashboard ? { dashboard: dashboard.dashboard, period: dashboard.period, dashboardName: dashboard.dashboardName } : undefined,
        createdAt: now,
        messages: { create: { author: "REQUESTER", authorId: requester?.accountId ?? null, body: input.message, createdAt: now } },
      },
    });
    await issueToken(tx, { purpose: "TICKET_ACCESS", ticketId: ticket.id, now, token: followToken });
    await enqueuePreparedEmails(tx, [{ to: input.contactEmail, template: "ticket-received", rendered: acknowledgement }], "TRANSACTIONAL");
    return { id: ticket.id, number };
  });
}

async function lockTicket(tx: Tx, ticketId: string): Promise<SupportTicket> {
  const [row] = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "support_tickets" WHERE "id" = ${ticketId}::uuid FOR UPDATE`;
  if (!row) throw new UserError("Cette demande d'assistance n'existe pas.");
  return tx.supportTicket.findUniqueOrThrow({ where: { id: row.id } });
}

/** The requester adds a message; the ticket waits for an operator again. */
export async function addRequesterMessage(
  db: Db,
  input: { ticketId: string; body: string; authorId: string | null },
  now = new Date(),
): Promise<void> {
  const limit = await hit(db, RATE_LIMITS.ticketRepliesPerTicket, input.ticketId);
  if (!limit.allowed) throw new RateLimitedError(tooManyAttempts(limit.retryAfterSeconds), limit.retryAfterSeconds);
  await db.$transaction(async (tx) => {
    const ticket = await lockTicket(tx, input.ticketId);
    if (ticket.status === "CLOSED") {
      throw new UserError("Cette demande est close : faites une nouvelle demande depuis la page d'aide.");
    }
    await tx.ticketMessage.create({ data: { ticketId: ticket.id, author: "REQUESTER", authorId: input.authorId, body: input.body, createdAt: now } });
    // Waiting for an operator again, and flagged as such on the desk and its counters.
    await tx.supportTicket.update({ where: { id: ticket.id }, data: { status: "OPEN", requesterRepliedAt: now } });
    const alertTo = supportReplyAlertAddress();
    if (alertTo) {
      await enqueueEmail(tx, alertTo, {
        template: "ticket-reply-alert",
        data: {
          number: ticket.number,
          ...(await requesterIdentity(tx, ticket)),
          categoryLabel: TICKET_CATEGORY_LABELS[ticket.category],
          deskUrl: appUrl(`/operateur/assistance/${ticket.id}`),
        },
      });
    }
  });
}

export type OperatorTicketAction = "answer" | "close" | "reopen";

export async function handleTicket(
  db: Db,
  operator: OperatorActor,
  input: { ticketId: string; action: OperatorTicketAction; body?: string | null },
  context: OperationContext = {},
): Promise<void> {
  const now = context.now ?? new Date();
  await db.$transaction(async (tx) => {
    const ticket = await lockTicket(tx, input.ticketId);
    switch (input.action) {
      case "answer": {
        if (ticket.status === "CLOSED") throw new UserError("Cette demande est close : rouvrez-la avant d'y répondre.");
        const body = input.body?.trim();
        if (!body) throw new UserError("Écrivez votre réponse.", "body");
        await tx.ticketMessage.create({ data: { ticketId: ticket.id, author: "OPERATOR", authorId: operator.accountId, body, createdAt: now } });
        await tx.supportTicket.update({ where: { id: ticket.id }, data: { status: "ANSWERED", requesterRepliedAt: null } });
        await enqueueEmail(tx, ticket.contactEmail, {
          template: "ticket-answered",
          data: { number: ticket.number, ...(await requesterIdentity(tx, ticket)), answer: body, followUrl: await followLink(tx, ticket.id, now) },
        });
        break;
      }
      case "close":
        if (ticket.status === "CLOSED") throw new UserError("Cette demande est déjà close.");
        await tx.supportTicket.update({ where: { id: ticket.id }, data: { status: "CLOSED", closedAt: now, requesterRepliedAt: null } });
        // The requester learns it by e-mail, not by finding the reply form gone.
        await enqueueEmail(tx, ticket.contactEmail, {
          template: "ticket-closed",
          data: { number: ticket.number, ...(await requesterIdentity(tx, ticket)), followUrl: await followLink(tx, ticket.id, now), helpUrl: appUrl("/aide") },
        });
        break;
      case "reopen":
        if (ticket.status !== "CLOSED") throw new UserError("Seule une demande close peut être rouverte.");
        await tx.supportTicket.update({ where: { id: ticket.id }, data: { status: "OPEN", closedAt: null } });
        break;
    }
    await recordAuditEvent(tx, {
      actor: operator,
      action: input.action === "answer" ? "ticket.answered" : input.action === "close" ? "ticket.closed" : "ticket.reopened",
      // Anyone may name an organisation on a ticket sent without signing in: only a signed-in
      // requester's organisation (taken from the session) puts the event in its journal.
      organisationId: ticket.accountId ? ticket.organisationId : null,
      target: { type: "ticket", id: ticket.id, label: ticket.number },
      ipAddress: context.ipAddress,
      at: now,
    });
  });
}
