// Read models of the import pages, always scoped to the organisation of the ImportScope
// (lib/imports/access.ts): the administrator's own organisation from the session, or the
// organisation an operator opened.
import "server-only";
import { db } from "../db";
import type { ImportRowOutcome } from "../generated/prisma/enums";
import type { ImportScope } from "./access";

/** The scope of one import's routes, as requireImportAccess returns it. */
export type ImportAccess = ImportScope & { importId: string };

export const ROWS_PER_PAGE = 100;

export async function listImports(scope: ImportScope) {
  return db.import.findMany({
    where: { organisationId: scope.organisationId },
    orderBy: { createdAt: "desc" },
    take: 50,
    select: {
      id: true,
      fileName: true,
      status: true,
      totalRows: true,
      processedRows: true,
      createdCount: true,
      updatedCount: true,
      unchangedCount: true,
      refusedCount: true,
      createdAt: true,
      finishedAt: true,
      createdBy: { select: { identifier: true } },
    },
  });
}

export async function getImport(scope: ImportScope, importId: string) {
  return db.import.findFirst({
    where: { id: importId, organisationId: scope.organisationId },
    select: {
      id: true,
      fileName: true,
      fileSize: true,
      status: true,
      totalRows: true,
      processedRows: true,
      createdCount: true,
      updatedCount: true,
      unchangedCount: true,
      refusedCount: true,
      errorMessage: true,
      createdAt: true,
      startedAt: true,
      finishedAt: true,
      createdBy: { select: { identifier: true } },
    },
  });
}

export type ImportDetail = NonNullable<Awaited<ReturnType<typeof getImport>>>;

export async function progressOf(access: ImportAccess) {
  return db.import.findFirst({
    where: { id: access.importId, organisationId: access.organisationId },
    select: { status: true, totalRows: true, processedRows: true, createdCount: true, updatedCount: true, unchangedCount: true, refusedCount: true, errorMessage: true },
  });
}

export type ImportProgress = NonNullable<Awaited<ReturnType<typeof progressOf>>>;

/** One page of an import's rows: the import is looked up in the scope first, nothing when it is not there. */
export async function importWithRows(scope: ImportScope, importId: string, options: { outcome?: ImportRowOutcome; page?: number }) {
  const detail = await getImport(scope, importId);
  if (!detail) return null;
  return { detail, ...(await listImportRows(detail.id, options)) };
}

async function listImportRows(importId: string, options: { outcome?: ImportRowOutcome; page?: number }) {
  const page = Math.max(1, options.page ?? 1);
  const where = { importId, ...(options.outcome ? { outcome: options.outcome } : {}) };
  const [rows, total] = await Promise.all([
    db.importRow.findMany({
      where,
      orderBy: { rowNumber: "asc" },
      skip: (page - 1) * ROWS_PER_PAGE,
      take: ROWS_PER_PAGE,
      select: { id: true, rowNumber: true, outcome: true, reason: true, data: true, account: { select: { identifier: true } } },
    }),
    db.importRow.count({ where }),
  ]);
  return { rows, total, page, pages: Math.max(1, Math.ceil(total / ROWS_PER_PAGE)) };
}

export interface ListingEntry {
  rowNumber: number;
  outcome: ImportRowOutcome;
  identifier: string;
  firstName: string;
  lastName: string;
  email: string;
  status: string;
  openingDate: Date | null;
  welcomeSentAt: Date | null;
}

/** BULK-4: the accounts an import created or updated, as they are now; never a password. */
export async function importListing(access: ImportAccess): Promise<ListingEntry[]> {
  const rows = await db.importRow.findMany({
    where: { importId: access.importId, import: { organisationId: access.organisationId }, outcome: { in: ["CREATED", "UPDATED", "UNCHANGED"] }, accountId: { not: null } },
    orderBy: { rowNumber: "asc" },
    select: {
      rowNumber: true,
      outcome: true,
      account: { select: { identifier: true, firstName: true, lastName: true, email: true, status: true, openingDate: true, welcomeSentAt: true } },
    },
  });
  return rows.flatMap((row) => (row.account ? [{ rowNumber: row.rowNumber, outcome: row.outcome, ...row.account }] : []));
}
