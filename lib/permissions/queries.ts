// Read model of the permission matrix (ADM-3): one page of the organisation's active
// accounts × the e-services it is subscribed to. Only the page's rows are read, in the
// order of the index accounts(organisationId, status, lastName, firstName), so that the
// page stays fast with tens of thousands of accounts.
// The organisation is the administrator's, as the session proved it.
import "server-only";
import { searchAccounts } from "../accounts/search-accounts";
import { db } from "../db";
import type { OrganisationManagerActor } from "../operation";
import { listSubscribedEServices } from "../subscriptions/queries";
import { cellKey, PAGE_SIZE } from "./schemas";

export interface MatrixPage {
  eServices: { id: string; name: string }[];
  accounts: { id: string; identifier: string; firstName: string; lastName: string; role: string }[];
  /** cellKey(accountId, eServiceId) of the permissions held on this page. */
  granted: string[];
  total: number;
  page: number;
  pageCount: number;
  query: string;
}

export async function loadPermissionMatrix(
  administrator: OrganisationManagerActor,
  options: { query?: string; page?: number; now?: Date } = {},
): Promise<MatrixPage> {
  const organisationId = administrator.organisationId;
  const query = (options.query ?? "").trim().slice(0, 100);
  const [found, eServices] = await Promise.all([
    searchAccounts(db, { organisationId, status: "ACTIVE", query, page: options.page ?? 1, pageSize: PAGE_SIZE }),
    listSubscribedEServices(db, organisationId, options.now),
  ]);
  const { total, page, pageCount } = found;
  const accounts = found.rows.map(({ id, identifier, firstName, lastName, role }) => ({ id, identifier, firstName, lastName, role }));
  const permissions =
    accounts.length && eServices.length
      ? await db.permission.findMany({
          where: { organisationId, accountId: { in: accounts.map((a) => a.id) }, eServiceId: { in: eServices.map((e) => e.id) } },
          select: { accountId: true, eServiceId: true },
        })
      : [];
  return {
    eServices,
    accounts,
    granted: permissions.map((permission) => cellKey(permission.accountId, permission.eServiceId)),
    total,
    page,
    pageCount,
    query,
  };
}
