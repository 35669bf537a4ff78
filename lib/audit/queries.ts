// The audit log, read-only (ADM-5): an organisation's administrator reads the events of
// their organisation, an operator reads everything. Which one is decided by the scope the
// session proved, never by a parameter of the request.
import "server-only";
import { db } from "../db";
import type { Prisma } from "../generated/prisma/client";
import type { AdministratorActor, OperatorActor } from "../operation";

export const AUDIT_PAGE_SIZE = 50;

export interface AuditFilters {
  action?: string;
  from?: Date;
  to?: Date;
  query?: string;
  page?: number;
}

/** Who reads the journal: the administrator (their organisation's events) or an operator (all). */
export type AuditReader = AdministratorActor | OperatorActor;

/** The events the reader may see, whatever the filters say. */
function readableBy(reader: AuditReader): Prisma.AuditEventWhereInput {
  if (reader.role === "OPERATOR") return {};
  // A forged or mistyped scope must not widen to the whole journal.
  if (reader.role !== "ADMINISTRATOR" || !reader.organisationId) throw new Error("The journal is read by an administrator or an operator only.");
  return { organisationId: reader.organisationId };
}

export async function listAuditEvents(reader: AuditReader, filters: AuditFilters) {
  const scope = readableBy(reader);
  const page = Math.max(1, filters.page ?? 1);
  const where: Prisma.AuditEventWhereInput = {
    ...scope,
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
  const [total, rows, actions] = await Promise.all([
    db.auditEvent.count({ where }),
    db.auditEvent.findMany({ where, orderBy: { createdAt: "desc" }, skip: (page - 1) * AUDIT_PAGE_SIZE, take: AUDIT_PAGE_SIZE }),
    db.auditEvent.findMany({
      where: scope,
      distinct: ["action"],
      select: { action: true },
      orderBy: { action: "asc" },
      take: 200,
    }),
  ]);
  return { rows, total, page, pageCount: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)), actions: actions.map((row) => row.action) };
}

export type AuditPage = Awaited<ReturnType<typeof listAuditEvents>>;
