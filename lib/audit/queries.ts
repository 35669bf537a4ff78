// The audit log, read-only (ADM-5): an organisation's administrator reads the events of
// their organisation, an operator reads everything. Which one is decided by the scope the
// session proved, never by a parameter of the request.
//
// Pages and exports walk the log in the order (createdAt desc, id desc) by keyset (DEP-4):
// each page starts after the last event shown, so events written meanwhile never shift a
// page onto events already seen, and a deep page costs what the first one does (both orders
// are backed by the indexes on audit_events).
import "server-only";
import { db } from "../db";
import type { Prisma } from "../generated/prisma/client";
import type { OperatorActor, OrganisationManagerActor } from "../operation";

export const AUDIT_PAGE_SIZE = 50;
/** Events read per query when exporting: the export never holds more than this in memory. */
export const AUDIT_EXPORT_BATCH = 1_000;

/** A position in the log: the event a page starts after (or before). */
export interface AuditCursor {
  createdAt: Date;
  id: string;
}

export interface AuditFilters {
  action?: string;
  from?: Date;
  to?: Date;
  query?: string;
  /** Where the page starts; none = the most recent events. */
  cursor?: AuditCursor;
  /** "older": the events after the cursor in the log's order; "newer": those before it. */
  direction?: "older" | "newer";
}

/**
 * Who reads the journal: the administrator or an accepted deputy (their organisation's
 * events, DEP-1) or an operator (all).
 */
export type AuditReader = OrganisationManagerActor | OperatorActor;

/** The events the reader may see, whatever the filters say. */
function readableBy(reader: AuditReader): Prisma.AuditEventWhereInput {
  if (reader.role === "OPERATOR") return {};
  // A forged or mistyped scope must not widen to the whole journal.
  const manager = reader.role === "ADMINISTRATOR" || (reader.role === "USER" && reader.isDeputy === true);
  if (!manager || !reader.organisationId) throw new Error("The journal is read by an administrator, a deputy or an operator only.");
  return { organisationId: reader.organisationId };
}

/** The reader's events matching the filters (the cursor aside). */
function filtered(reader: AuditReader, filters: AuditFilters): Prisma.AuditEventWhereInput {
  return {
    ...readableBy(reader),
    ...(filters.action ? { action: filters.action } : {}),
    ...(filters.from || filters.to ? { createdAt: { ...(filters.from ? { gte: filters.from } : {}), ...(filters.to ? { lt: filters.to } : {}) } } : {}),
    ...(filters.query
      ? {
          OR: [
            { actorLabel: { contains: filters.query, mode: "insensitive" as const } },
            { targetLabel: { contains: filters.query, mode: "insensitive" as const } },
          ],
        }
      : {}),
  };
}

// Prisma cannot write the row comparison (createdAt, id) < (x, y); the OR says the same, and
// the redundant bound on createdAt alone lets PostgreSQL start the index scan at the cursor
// instead of filtering every newer event of a deep page.

/** Events strictly older (later in the log's order) than the cursor. */
function olderThan(cursor: AuditCursor): Prisma.AuditEventWhereInput {
  return {
    createdAt: { lte: cursor.createdAt },
    OR: [{ createdAt: { lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { lt: cursor.id } }],
  };
}

/** Events strictly newer (earlier in the log's order) than the cursor. */
function newerThan(cursor: AuditCursor): Prisma.AuditEventWhereInput {
  return {
    createdAt: { gte: cursor.createdAt },
    OR: [{ createdAt: { gt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { gt: cursor.id } }],
  };
}

const NEWEST_FIRST: Prisma.AuditEventOrderByWithRelationInput[] = [{ createdAt: "desc" }, { id: "desc" }];
const OLDEST_FIRST: Prisma.AuditEventOrderByWithRelationInput[] = [{ createdAt: "asc" }, { id: "asc" }];

const cursorOf = (event: { createdAt: Date; id: string }): AuditCursor => ({ createdAt: event.createdAt, id: event.id });

export async function listAuditEvents(reader: AuditReader, filters: AuditFilters) {
  const scope = readableBy(reader);
  const where = filtered(reader, filters);
  const cursor = filters.cursor;
  const newer = Boolean(cursor) && filters.direction === "newer";
  const [total, fetched, actions] = await Promise.all([
    db.auditEvent.count({ where }),
    db.auditEvent.findMany({
      where: cursor ? { AND: [where, newer ? newerThan(cursor) : olderThan(cursor)] } : where,
      orderBy: newer ? OLDEST_FIRST : NEWEST_FIRST,
      // One more than shown tells whether there is a further page in that direction.
      take: AUDIT_PAGE_SIZE + 1,
    }),
    db.auditEvent.findMany({
      where: scope,
      distinct: ["action"],
      select: { action: true },
      orderBy: { action: "asc" },
      take: 200,
    }),
  ]);
  const more = fetched.length > AUDIT_PAGE_SIZE;
  const page = fetched.slice(0, AUDIT_PAGE_SIZE);
  const rows = newer ? page.reverse() : page;
  const first = rows[0];
  const last = rows.at(-1);
  // The other direction: is there anything beyond the page's edge? (one indexed probe)
  const exists = async (edge: Prisma.AuditEventWhereInput) => Boolean(await db.auditEvent.findFirst({ where: { AND: [where, edge] }, select: { id: true } }));
  const hasNewer = newer ? more : Boolean(cursor && first) && (await exists(newerThan(cursorOf(first!))));
  const hasOlder = newer ? Boolean(last) && (await exists(olderThan(cursorOf(last!)))) : more;
  return {
    rows,
    total,
    /** Where the "Plus récents" link starts (before the first event shown), if there are newer events. */
    newerCursor: hasNewer && first ? cursorOf(first) : null,
    /** Where the "Plus anciens" link starts (after the last event shown), if there are older events. */
    olderCursor: hasOlder && last ? cursorOf(last) : null,
    actions: actions.map((row) => row.action),
  };
}

export type AuditPage = Awaited<ReturnType<typeof listAuditEvents>>;
export type AuditEventRow = AuditPage["rows"][number];

/**
 * Every event the reader may see matching the filters (the cursor ignored), newest first,
 * in batches of `batchSize` read one query at a time as the consumer asks for them (DEP-4):
 * an export of the whole log holds one batch in memory, not the log.
 */
export async function* auditEventBatches(reader: AuditReader, filters: AuditFilters, batchSize = AUDIT_EXPORT_BATCH): AsyncGenerator<AuditEventRow[]> {
  const where = filtered(reader, filters);
  let after: AuditCursor | undefined;
  for (;;) {
    const batch = await db.auditEvent.findMany({
      where: after ? { AND: [where, olderThan(after)] } : where,
      orderBy: NEWEST_FIRST,
      take: batchSize,
    });
    if (batch.length) yield batch;
    if (batch.length < batchSize) return;
    after = cursorOf(batch.at(-1)!);
  }
}
