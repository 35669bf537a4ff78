// What the row decisions compare a file with: the organisation's accounts, their
// permissions, and the catalogue with the organisation's subscriptions.
import "server-only";
import { dateToDayKey } from "../calendar";
import type { Prisma } from "../generated/prisma/client";
import { listSubscribedEServices } from "../subscriptions/queries";
import { foldKey, nameKey, type DecisionContext, type ExistingAccount, type KnownEService } from "./rows";
import type { Client } from "../operation";


const accountSelect = {
  id: true,
  identifier: true,
  email: true,
  civility: true,
  firstName: true,
  lastName: true,
  category: true,
  status: true,
  deactivationReason: true,
  openingDate: true,
  welcomeSentAt: true,
  activatedAt: true,
} as const;

type AccountRow = Prisma.AccountGetPayload<{ select: typeof accountSelect }>;

/** Ids of the organisation's accounts that an import created. */
async function importedAccountIds(db: Client, organisationId: string, accountIds?: string[]): Promise<Set<string>> {
  const rows = await db.$queryRaw<{ accountId: string }[]>`
    SELECT DISTINCT r."accountId" FROM "import_rows" r JOIN "imports" i ON i."id" = r."importId"
    WHERE i."organisationId" = ${organisationId}::uuid AND r."outcome" = 'CREATED' AND r."accountId" IS NOT NULL
      AND (${accountIds ?? null}::uuid[] IS NULL OR r."accountId" = ANY(${accountIds ?? []}::uuid[]))`;
  return new Set(rows.map((row) => row.accountId));
}

async function permissionsOf(db: Client, organisationId: string, accountIds?: string[]): Promise<Map<string, string[]>> {
  const rows = await db.permission.findMany({
    where: { organisationId, ...(accountIds ? { accountId: { in: accountIds } } : {}) },
    select: { accountId: true, eServiceId: true },
  });
  const map = new Map<string, string[]>();
  for (const row of rows) map.set(row.accountId, [...(map.get(row.accountId) ?? []), row.eServiceId]);
  return map;
}

export function toExisting(account: AccountRow, imported: Set<string>, permissions: Map<string, string[]>): ExistingAccount {
  return {
    id: account.id,
    identifier: account.identifier,
    email: account.email,
    civility: account.civility,
    firstName: account.firstName,
    lastName: account.lastName,
    category: account.category,
    status: account.status,
    deactivationReason: account.deactivationReason,
    openingDate: account.openingDate ? dateToDayKey(account.openingDate) : null,
    welcomeSent: Boolean(account.welcomeSentAt),
    imported: imported.has(account.id),
    eServiceIds: permissions.get(account.id) ?? [],
  };
}

/** An imported account nobody ever activated: its address may be corrected by a later file. */
export function isCorrectable(account: ExistingAccount & { activated?: boolean }): boolean {
  return (
    account.imported &&
    (account.status === "PENDING_ACTIVATION" || (account.status === "DEACTIVATED" && account.deactivationReason === "NEVER_ACTIVATED"))
  );
}

export async function loadEServices(db: Client, organisationId: string, now: Date): Promise<Map<string, KnownEService>> {
  const [catalogue, subscribed] = await Promise.all([
    db.eService.findMany({ where: { active: true }, select: { id: true, slug: true, name: true } }),
    listSubscribedEServices(db, organisationId, now),
  ]);
  const subscribedIds = new Set(subscribed.map((eService) => eService.id));
  const map = new Map<string, KnownEService>();
  for (const eService of catalogue) {
    const known = { id: eService.id, name: eService.name, subscribed: subscribedIds.has(eService.id) };
    map.set(foldKey(eService.slug), known);
    map.set(foldKey(eService.name), known);
  }
  return map;
}

/** The whole organisation, for a preview. */
export async function loadDecisionContext(db: Client, organisationId: string, now: Date): Promise<DecisionContext> {
  const [accounts, imported, permissions, eServices] = await Promise.all([
    db.account.findMany({ where: { organisationId }, select: accountSelect }),
    importedAccountIds(db, organisationId),
    permissionsOf(db, organisationId),
    loadEServices(db, organisationId, now),
  ]);
  const accountsByEmail = new Map<string, ExistingAccount>();
  const correctable = new Map<string, ExistingAccount[]>();
  for (const row of accounts) {
    const account = toExisting(row, imported, permissions);
    accountsByEmail.set(account.email, account);
    if (isCorrectable(account) && !row.activatedAt) {
      const key = nameKey(account.firstName, account.lastName);
      correctable.set(key, [...(correctable.get(key) ?? []), account]);
    }
  }
  return { accountsByEmail, correctable, eServices };
}

/** The accounts a chunk of rows touches, as they are now, for the checks at apply time. */
export async function loadAccountsForApply(db: Client, organisationId: string, emails: string[], accountIds: string[]) {
  const accounts = await db.account.findMany({
    where: { organisationId, OR: [{ email: { in: emails } }, { id: { in: accountIds } }] },
    select: accountSelect,
  });
  const ids = accounts.map((account) => account.id);
  const [imported, permissions] = await Promise.all([importedAccountIds(db, organisationId, ids), permissionsOf(db, organisationId, ids)]);
  const byEmail = new Map<string, ExistingAccount>();
  const byId = new Map<string, ExistingAccount>();
  for (const row of accounts) {
    const account = toExisting(row, imported, permissions);
    byEmail.set(account.email, account);
    byId.set(account.id, account);
  }
  return { byEmail, byId };
}
