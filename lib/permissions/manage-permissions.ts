// ADM-3: the administrator grants and revokes e-service permissions, one page of the matrix
// at a time or to a selection of people at once. Only the accounts of the administrator's
// own organisation (taken from the session) and the e-services it is subscribed to (valid
// today or later) are accepted; anything else refuses the whole change. Each grant and each
// revocation writes its audit event in the same transaction (ADM-5).
import "server-only";
import { clientIdsOfEServices, endOidcLogins } from "../oidc/logout";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Db } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { listSubscribedEServices } from "../subscriptions/queries";
import { cellKey, type BulkGrantInput, type SaveMatrixInput } from "./schemas";
import { UserError, type OrganisationManagerActor, type OperationContext } from "../operation";

export interface PermissionChanges {
  granted: number;
  revoked: number;
}

type Tx = Prisma.TransactionClient;
type AccountRow = { id: string; identifier: string; firstName: string; lastName: string; status: string };
type EServiceRow = { id: string; name: string };

const TRANSACTION = { timeout: 30_000, maxWait: 10_000 };

/** Serialises the permission changes of one organisation, so that each audit event is exact. */
async function lockOrganisation(tx: Tx, organisationId: string) {
  await tx.$queryRaw`SELECT id FROM organisations WHERE id = ${organisationId}::uuid FOR UPDATE`;
}

/** The organisation's accounts among `ids`; refuses if any id is foreign or unknown. */
async function ownAccounts(tx: Tx, organisationId: string, ids: string[]): Promise<Map<string, AccountRow>> {
  const unique = [...new Set(ids.map((id) => id.toLowerCase()))];
  const accounts = await tx.account.findMany({
    where: { id: { in: unique }, organisationId },
    select: { id: true, identifier: true, firstName: true, lastName: true, status: true },
  });
  if (accounts.length !== unique.length) {
    throw new UserError("Certaines personnes du formulaire n'appartiennent pas à votre organisation : aucune modification n'a été enregistrée.");
  }
  return new Map(accounts.map((account) => [account.id, account]));
}

/** The subscribed e-services among `ids`; refuses if any is not subscribed. */
async function subscribedEServices(tx: Tx, organisationId: string, ids: string[], now: Date): Promise<Map<string, EServiceRow>> {
  const subscribed = new Map((await listSubscribedEServices(tx, organisationId, now)).map((eService) => [eService.id, eService]));
  for (const id of ids) {
    if (!subscribed.has(id.toLowerCase())) {
      throw new UserError(
        "Un des e-services du formulaire ne fait pas partie des abonnements en cours de votre organisation : aucune modification n'a été enregistrée.",
      );
    }
  }
  return subscribed;
}

function refuseInactive(accounts: AccountRow[]) {
  const inactive = accounts.find((account) => account.status !== "ACTIVE");
  if (inactive) {
    throw new UserError(
      `Le compte de ${inactive.firstName} ${inactive.lastName} n'est pas actif : il ne peut pas recevoir de permission. Aucune modification n'a été enregistrée.`,
    );
  }
}

async function applyChanges(
  tx: Tx,
  actor: OrganisationManagerActor,
  grants: { account: AccountRow; eService: EServiceRow }[],
  revokes: { id: string; account: AccountRow; eService: EServiceRow }[],
  context: OperationContext,
  now: Date,
) {
  if (grants.length) {
    await tx.permission.createMany({
      data: grants.map(({ account, eService }) => ({
        accountId: account.id,
        eServiceId: eService.id,
        organisationId: actor.organisationId,
        grantedById: actor.accountId,
        createdAt: now,
      })),
    });
  }
  if (revokes.length) {
    await tx.permission.deleteMany({ where: { id: { in: revokes.map((revoke) => revoke.id) }, organisationId: actor.organisationId } });
    // SSO-5: the e-service's sessions of each person end with the permission.
    for (const revoke of revokes) {
      const clientIds = await clientIdsOfEServices(tx, [revoke.eService.id]);
      if (clientIds.length) await endOidcLogins(tx, { accountId: revoke.account.id, clientIds }, "permission_withdrawn", now);
    }
  }

  const events = [
    ...grants.map((change) => ({ action: "permission.granted", ...change })),
    ...revokes.map((change) => ({ action: "permission.revoked", ...change })),
  ];
  for (const event of events) {
    await recordAuditEvent(tx, {
      actor,
      action: event.action,
      organisationId: actor.organisationId,
      target: { type: "account", id: event.account.id, label: event.account.identifier },
      details: { eServiceId: event.eService.id, eServiceName: event.eService.name, accountName: `${event.account.firstName} ${event.account.lastName}` },
      ipAddress: context.ipAddress,
      at: now,
    });
  }
}

/**
 * Saves one page of the matrix: for the rows and columns shown, the ticked cells become the
 * permissions held; the diff with the database gives the grants and the revocations.
 */
export async function savePermissionMatrix(db: Db, actor: OrganisationManagerActor, input: SaveMatrixInput, context: OperationContext = {}): Promise<PermissionChanges> {
  const now = context.now ?? new Date();
  return db.$transaction(async (tx) => {
    await lockOrganisation(tx, actor.organisationId);
    const accounts = await ownAccounts(tx, actor.organisationId, input.accounts);
    const eServices = await subscribedEServices(tx, actor.organisationId, input.eServices, now);
    const columns = [...new Set(input.eServices.map((id) => id.toLowerCase()))];

    const current = await tx.permission.findMany({
      where: { organisationId: actor.organisationId, accountId: { in: [...accounts.keys()] }, eServiceId: { in: columns } },
      select: { id: true, accountId: true, eServiceId: true },
    });
    const held = new Set(current.map((permission) => cellKey(permission.accountId, permission.eServiceId)));
    const wanted = new Set(input.cells.map((c) => cellKey(c.accountId, c.eServiceId)));

    const grants = [...wanted]
      .filter((key) => !held.has(key))
      .map((key) => {
        const [accountId, eServiceId] = key.split(":");
        return { account: accounts.get(accountId)!, eService: eServices.get(eServiceId)! };
      });
    const revokes = current
      .filter((permission) => !wanted.has(cellKey(permission.accountId, permission.eServiceId)))
      .map((permission) => ({ id: permission.id, account: accounts.get(permission.accountId)!, eService: eServices.get(permission.eServiceId)! }));

    refuseInactive(grants.map((grant) => grant.account));
    await applyChanges(tx, actor, grants, revokes, context, now);
    return { granted: grants.length, revoked: revokes.length };
  }, TRANSACTION);
}

/** "Attribuer à la sélection": grants one e-service to every selected person who lacks it. */
export async function grantToSelection(db: Db, actor: OrganisationManagerActor, input: BulkGrantInput, context: OperationContext = {}): Promise<PermissionChanges> {
  const now = context.now ?? new Date();
  return db.$transaction(async (tx) => {
    await lockOrganisation(tx, actor.organisationId);
    const accounts = await ownAccounts(tx, actor.organisationId, input.selected);
    const eServiceId = input.bulkEServiceId.toLowerCase();
    const eService = (await subscribedEServices(tx, actor.organisationId, [eServiceId], now)).get(eServiceId)!;
    refuseInactive([...accounts.values()]);

    const existing = await tx.permission.findMany({
      where: { organisationId: actor.organisationId, eServiceId, accountId: { in: [...accounts.keys()] } },
      select: { accountId: true },
    });
    const holders = new Set(existing.map((permission) => permission.accountId));
    const grants = [...accounts.values()].filter((account) => !holders.has(account.id)).map((account) => ({ account, eService }));
    await applyChanges(tx, actor, grants, [], context, now);
    return { granted: grants.length, revoked: 0 };
  }, TRANSACTION);
}
