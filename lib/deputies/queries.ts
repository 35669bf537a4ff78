// Read models of deputies and continuity (DEP-1, DEP-2), scoped to what the session proved:
// the console's organisation, the viewer's own designation, or the operator's whole portal.
import "server-only";
import type { Viewer } from "../auth/viewer";
import { db } from "../db";
import type { OperatorActor, OrganisationManagerActor } from "../operation";
import { organisationHasManager } from "./continuity";
import { MAX_DEPUTIES } from "./manage-deputies";

export { MAX_DEPUTIES };

const person = { id: true, identifier: true, firstName: true, lastName: true, email: true, status: true, lastLoginAt: true } as const;

/**
 * Who administers the organisation (the console's home and the deputies page): its
 * administrators (an inactive one is shown as such) and its deputies, accepted or pending.
 */
export async function organisationManagers(manager: OrganisationManagerActor) {
  const organisationId = manager.organisationId;
  const [administrators, deputies] = await Promise.all([
    db.account.findMany({
      where: { organisationId, role: "ADMINISTRATOR", status: { in: ["ACTIVE", "DEACTIVATED"] } },
      select: { ...person, deactivationReason: true },
      orderBy: [{ status: "asc" }, { lastName: "asc" }],
      take: 5,
    }),
    db.deputy.findMany({
      where: { organisationId },
      select: { status: true, designatedAt: true, acceptedAt: true, account: { select: person } },
      orderBy: [{ status: "desc" }, { designatedAt: "asc" }],
    }),
  ]);
  return { administrators, deputies, max: MAX_DEPUTIES };
}

export type OrganisationManagers = Awaited<ReturnType<typeof organisationManagers>>;

/**
 * What Mon espace shows about deputies (DEP-1, DEP-2): the viewer's own designation, and
 * whether the organisation is left with nobody to run it (then the person is told what to do).
 */
export async function ownDeputyship(viewer: Viewer) {
  if (!viewer.organisationId || viewer.role === "OPERATOR") return null;
  const organisationId = viewer.organisationId;
  const [deputy, managed, pendingRequest] = await Promise.all([
    db.deputy.findFirst({
      where: { accountId: viewer.accountId, organisationId },
      select: { status: true, designatedAt: true, acceptedAt: true, designatedBy: { select: { firstName: true, lastName: true } } },
    }),
    organisationHasManager(db, organisationId),
    db.adminRequest.findFirst({ where: { organisationId, status: "PENDING" }, select: { id: true } }),
  ]);
  const administratorActive = viewer.role === "ADMINISTRATOR" || (await db.account.count({ where: { organisationId, role: "ADMINISTRATOR", status: "ACTIVE" } })) > 0;
  return {
    role: viewer.role,
    organisationName: viewer.organisationName ?? "",
    deputy,
    /** Nobody can validate newcomers: neither an active administrator nor an accepted deputy. */
    unmanaged: !managed,
    /** The administrator's role is vacant (deputies may be carrying on). */
    administratorActive,
    /** Someone already asked the legal representative for the role. */
    requestPending: Boolean(pendingRequest),
  };
}

export type OwnDeputyship = NonNullable<Awaited<ReturnType<typeof ownDeputyship>>>;

export const UNMANAGED_PAGE_SIZE = 20;

/**
 * DEP-2, for operators: organisations with people on the portal (active or waiting for
 * validation) but neither an active administrator nor an accepted deputy with an active
 * account. Driven by organisation_account_counts (kept by triggers), so the 38,000 rows of
 * the directory with no account are never scanned one by one.
 */
export interface UnmanagedOrganisationsPage {
  rows: { id: string; name: string; code: string; active: number; waiting: number; pendingRequest: string | null }[];
  total: number;
  page: number;
  pageCount: number;
}

export async function unmanagedOrganisations(operator: OperatorActor, options: { page?: number } = {}): Promise<UnmanagedOrganisationsPage> {
  const page = Math.max(1, Math.min(10_000, Math.trunc(options.page ?? 1)));
  const rows = await db.$queryRaw<
    { id: string; name: string; code: string; active: number; waiting: number; pendingRequest: string | null; total: number }[]
  >`
    WITH populated AS (
      SELECT c."organisationId",
             COALESCE(SUM(c."count") FILTER (WHERE c."status" = 'ACTIVE'), 0)::int AS "active",
             COALESCE(SUM(c."count") FILTER (WHERE c."status" = 'PENDING_VALIDATION'), 0)::int AS "waiting"
      FROM "organisation_account_counts" c
      WHERE c."status" IN ('ACTIVE', 'PENDING_VALIDATION') AND c."count" > 0
      GROUP BY c."organisationId"
    ), unmanaged AS (
      SELECT p.* FROM populated p
      WHERE NOT EXISTS (SELECT 1 FROM "accounts" a WHERE a."organisationId" = p."organisationId" AND a."role" = 'ADMINISTRATOR' AND a."status" = 'ACTIVE')
        AND NOT EXISTS (SELECT 1 FROM "organisation_deputies" d JOIN "accounts" a ON a."id" = d."accountId"
                        WHERE d."organisationId" = p."organisationId" AND d."status" = 'ACCEPTED' AND a."status" = 'ACTIVE')
    )
    SELECT o."id", o."name", o."code", u."active", u."waiting",
           (SELECT r."number" FROM "admin_requests" r WHERE r."organisationId" = o."id" AND r."status" = 'PENDING' LIMIT 1) AS "pendingRequest",
           (SELECT count(*)::int FROM unmanaged) AS "total"
    FROM unmanaged u JOIN "organisations" o ON o."id" = u."organisationId"
    ORDER BY u."waiting" DESC, o."name", o."id"
    LIMIT ${UNMANAGED_PAGE_SIZE} OFFSET ${(page - 1) * UNMANAGED_PAGE_SIZE}`;
  // Past the last page (a stale link): the first page.
  if (!rows.length && page > 1) return unmanagedOrganisations(operator, { page: 1 });
  const total = rows[0]?.total ?? 0;
  return {
    rows: rows.map(({ total: _total, ...row }) => row),
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / UNMANAGED_PAGE_SIZE)),
  };
}
