// Read models of the assistance pages. A requester reaches a ticket only through its owner
// account (signed in) or its private link; operators see every ticket. Pages call the
// functions that take the scope (the Actor, the OperatorActor or the link's token); the
// services of tickets.ts share the db-taking ones inside their own reads.
import "server-only";
import type { Viewer } from "../auth/viewer";
import { db as portalDb, type Db } from "../db";
import type { TicketCategory, TicketStatus } from "../generated/prisma/enums";
import type { Actor, OperatorActor } from "../operation";
import { inspectToken } from "../tokens";
import { categoryFromSlug } from "./categories";
import { dashboardContextLine, resolveDashboardContext, storedDashboardContext } from "./tickets";

const threadInclude = {
  messages: {
    orderBy: { createdAt: "asc" as const },
    select: { id: true, author: true, body: true, createdAt: true, authorAccount: { select: { firstName: true, lastName: true } } },
  },
};

async function withContext<T extends { context: unknown } | null>(ticket: T) {
  if (!ticket) return null;
  return { ...ticket, dashboardContext: storedDashboardContext(ticket.context as never) };
}

export type TicketThread = NonNullable<Awaited<ReturnType<typeof ticketOfAccount>>>;

/** The ticket if, and only if, it was made from this account. */
export async function ticketOfAccount(db: Db, accountId: string, ticketId: string) {
  if (!/^[0-9a-f-]{36}$/i.test(ticketId)) return null;
  return withContext(await db.supportTicket.findFirst({ where: { id: ticketId, accountId }, include: threadInclude }));
}

/** The ticket a private link opens; nothing for an unknown, expired or foreign token. */
export async function ticketOfLink(db: Db, rawToken: string) {
  const check = await inspectToken(db, "TICKET_ACCESS", rawToken);
  if (!check.ok || !check.token.ticketId) return null;
  return withContext(await db.supportTicket.findUnique({ where: { id: check.token.ticketId }, include: threadInclude }));
}

/** The ticket, if the signed-in person made it (Mon espace). */
export function ownTicket(actor: Actor, ticketId: string) {
  return ticketOfAccount(portalDb, actor.accountId, ticketId);
}

/** The ticket the private link opens, for whoever holds the link. */
export function ticketByLink(rawToken: string) {
  return ticketOfLink(portalDb, rawToken);
}

/** The signed-in person's latest tickets (Mon espace). */
export async function ownTickets(actor: Actor) {
  return portalDb.supportTicket.findMany({
    where: { accountId: actor.accountId },
    orderBy: { createdAt: "desc" },
    take: 50,
    select: { id: true, number: true, category: true, status: true, createdAt: true, updatedAt: true },
  });
}

export const OPERATOR_PAGE_SIZE = 50;

export async function listTicketsForOperator(_operator: OperatorActor, filters: { status: TicketStatus | null; category: TicketCategory | null }) {
  const where = { ...(filters.status ? { status: filters.status } : {}), ...(filters.category ? { category: filters.category } : {}) };
  const [tickets, counts] = await Promise.all([
    portalDb.supportTicket.findMany({
      where,
      orderBy: { createdAt: "asc" },
      take: OPERATOR_PAGE_SIZE,
      select: {
        id: true,
        number: true,
        category: true,
        status: true,
        contactEmail: true,
        organisationLabel: true,
        createdAt: true,
        updatedAt: true,
        _count: { select: { messages: true } },
      },
    }),
    portalDb.supportTicket.groupBy({ by: ["status"], where: filters.category ? { category: filters.category } : {}, _count: { _all: true } }),
  ]);
  const byStatus = Object.fromEntries(counts.map((row) => [row.status, row._count._all])) as Partial<Record<TicketStatus, number>>;
  return { tickets, byStatus };
}

export async function ticketForOperator(_operator: OperatorActor, ticketId: string) {
  if (!/^[0-9a-f-]{36}$/i.test(ticketId)) return null;
  const ticket = await withContext(
    await portalDb.supportTicket.findUnique({
      where: { id: ticketId },
      include: { ...threadInclude, account: { select: { identifier: true } }, organisation: { select: { id: true, name: true, code: true } } },
    }),
  );
  if (!ticket) return null;
  // LIFE-4: the requester's accounts, to reactivate one if needed.
  const accounts = await portalDb.account.findMany({
    where: { OR: [...(ticket.accountId ? [{ id: ticket.accountId }] : []), { email: ticket.contactEmail.toLowerCase() }] },
    orderBy: { createdAt: "asc" },
    take: 20,
    select: {
      id: true,
      identifier: true,
      firstName: true,
      lastName: true,
      email: true,
      role: true,
      status: true,
      deactivationReason: true,
      deactivatedAt: true,
      passwordHash: true,
      emailVerifiedAt: true,
      organisation: { select: { name: true } },
    },
  });
  return {
    ...ticket,
    accounts: accounts.map(({ passwordHash, emailVerifiedAt, ...account }) => ({ ...account, canSignIn: Boolean(passwordHash && emailVerifiedAt) })),
  };
}

/** How many tickets wait for an answer (the operator's console home). */
export function countOpenTickets(_operator: OperatorActor): Promise<number> {
  return portalDb.supportTicket.count({ where: { status: "OPEN" } });
}

type Params = Record<string, string | string[] | undefined>;

const single = (value: string | string[] | undefined) => (typeof value === "string" ? value : undefined);

/**
 * What the assistance form starts with (HELP-2, DASH-5): the signed-in person's e-mail and
 * organisation, the category and dashboard context of the link that led to the page. Query
 * strings are untrusted: bad values are ignored, never echoed.
 */
export async function assistanceDefaults(viewer: Viewer | null, params: Params) {
  let category = categoryFromSlug(single(params.categorie));
  const context = await resolveDashboardContext(portalDb, { tableau: single(params.tableau), periode: single(params.periode) });
  if (context && !category) category = "DASHBOARDS";
  return {
    category,
    contactEmail: viewer?.email ?? "",
    organisation: viewer?.organisationId && viewer.organisationName ? { id: viewer.organisationId, label: viewer.organisationName } : null,
    dashboard:
      context && category === "DASHBOARDS"
        ? { tableau: context.dashboard, periode: context.period, line: dashboardContextLine(context)! }
        : null,
  };
}
