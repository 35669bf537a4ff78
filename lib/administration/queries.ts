// Read models of the administrator's console, always scoped to the organisation of the
// administrator the session proved (ADM-1, ADM-2): never an organisation id from the request.
import "server-only";
import { countAccountsByStatus } from "../accounts/account-counts";
import { searchAccounts } from "../accounts/search-accounts";
import { db } from "../db";
import type { AccountStatus } from "../generated/prisma/client";
import type { OrganisationManagerActor } from "../operation";

// 25 rows a page (issue 17 item 2): each row carries its decision forms; a longer page costs
// every request more than it saves in paging, and the tabs and search find an account faster.
export const PAGE_SIZE = 25;

export function listOrganisationAccounts(administrator: OrganisationManagerActor, filters: { status: AccountStatus; query?: string; page?: number }) {
  return searchAccounts(db, {
    organisationId: administrator.organisationId,
    status: filters.status,
    query: filters.query,
    page: filters.page ?? 1,
    pageSize: PAGE_SIZE,
    withCounts: true,
  });
}

/** The console's home: accounts by status, those awaiting validation, the subscriptions. */
export async function administrationOverview(administrator: OrganisationManagerActor) {
  const organisationId = administrator.organisationId;
  const [byStatus, pending, subscriptions, organisation] = await Promise.all([
    // The same counts as the dashboard's summary and the account tabs (one definition).
    countAccountsByStatus(db, organisationId),
    db.account.findMany({
      where: { organisationId, status: "PENDING_VALIDATION" },
      select: { id: true, identifier: true, firstName: true, lastName: true, jobTitle: true, activatedAt: true },
      orderBy: { activatedAt: "asc" },
      take: 20,
    }),
    db.subscription.findMany({
      where: { organisationId },
      select: { id: true, startDate: true, endDate: true, eService: { select: { name: true } } },
      orderBy: { startDate: "desc" },
    }),
    db.organisation.findUniqueOrThrow({ where: { id: organisationId }, select: { mfaRequired: true } }),
  ]);
  return { byStatus, pending, subscriptions, organisation };
}
