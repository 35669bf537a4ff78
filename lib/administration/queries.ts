// Read models of the administrator's console, always scoped to the organisation taken from
// the session (ADM-2, ADM-5).
import "server-only";
import type { Db } from "../db";
import { searchAccounts } from "../accounts/search-accounts";
import type { AccountStatus, Prisma } from "../generated/prisma/client";

export const PAGE_SIZE = 50;

export function listOrganisationAccounts(
  db: Db,
  organisationId: string,
  filters: { status: AccountStatus; query?: string; page?: number },
) {
  return searchAccounts(db, { organisationId, status: filters.status, query: filters.query, page: filters.page ?? 1, pageSize: PAGE_SIZE, withCounts: true });
}

export interface AuditFilters {
  action?: string;
  from?: Date;
  to?: Date;
  query?: string;
  page?: number;
}

/** The audit log, read-only: one organisation's for its administrator, everything for operators. */
export async function listAuditEvents(db: Db, scope: { organisationId: string } | { all: true }, filters: AuditFilters) {
  const page = Math.max(1, filters.page ?? 1);
  const where: Prisma.AuditEventWhereInput = {
    ...("organisationId" in scope ? { organisationId: scope.organisationId } : {}),
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
    db.auditEvent.findMany({ where, orderBy: { createdAt: "desc" }, skip: (page - 1) * PAGE_SIZE, take: PAGE_SIZE }),
    db.auditEvent.findMany({
      where: "organisationId" in scope ? { organisationId: scope.organisationId } : {},
      distinct: ["action"],
      select: { action: true },
      orderBy: { action: "asc" },
      take: 200,
    }),
  ]);
  return { rows, total, page, pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)), actions: actions.map((row) => row.action) };
}
