// Continuity of an organisation's administration (DEP-2). Called, in their transaction, by
// every path that deactivates an account (the administrator's decision, closing one's own
// account, the inactivity job) and by the inactivity warning:
// - a deputy whose account is deactivated stops being one, and the administrator is told;
// - when the administrator's account is deactivated or closed, the accepted deputies keep
//   running the organisation and are told, with how to ask for the role (LR-1);
// - the administrator's 15-month inactivity warning also goes to the deputies.
import "server-only";
import { appUrl } from "../app-url";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Client } from "../operation";
import { SYSTEM_ACTOR } from "../operation";
import type { Prisma } from "../generated/prisma/client";
import { activeAdministrators, DEPUTIES_PAGE, sendDeputyNotice } from "./manage-deputies";

type Tx = Prisma.TransactionClient;

const fullName = (person: { firstName: string; lastName: string }) => `${person.firstName} ${person.lastName}`;

/** The accepted deputies of an organisation whose account is active: those who carry on. */
export function acceptedDeputies(tx: Client, organisationId: string) {
  return tx.account.findMany({
    where: { organisationId, status: "ACTIVE", role: "USER", deputyship: { is: { status: "ACCEPTED", organisationId } } },
    select: { id: true, identifier: true, email: true, firstName: true, lastName: true },
    orderBy: [{ lastName: "asc" }, { firstName: "asc" }],
  });
}

/**
 * Whether someone can run the organisation's console today: an active administrator or an
 * accepted deputy whose account is active. Without one, nobody validates newcomers (DEP-2).
 */
export async function organisationHasManager(db: Client, organisationId: string): Promise<boolean> {
  const [row] = await db.$queryRaw<{ managed: boolean }[]>`
    SELECT EXISTS (SELECT 1 FROM "accounts" a WHERE a."organisationId" = ${organisationId}::uuid AND a."role" = 'ADMINISTRATOR' AND a."status" = 'ACTIVE')
        OR EXISTS (SELECT 1 FROM "organisation_deputies" d JOIN "accounts" a ON a."id" = d."accountId"
                   WHERE d."organisationId" = ${organisationId}::uuid AND d."status" = 'ACCEPTED' AND a."status" = 'ACTIVE') AS "managed"`;
  return Boolean(row?.managed);
}

/**
 * Before an account is deactivated (any reason), in the same transaction: ends its
 * designation as deputy, if any (the administrator is told), and, when it is the
 * organisation's administrator, tells the deputies who carry on. Call it while the account
 * still has its role.
 */
export async function beforeAccountDeactivation(tx: Tx, accountId: string, input: { reason: string; now: Date }): Promise<void> {
  const account = await tx.account.findUnique({
    where: { id: accountId },
    select: { id: true, identifier: true, firstName: true, lastName: true, role: true, organisationId: true, organisation: { select: { name: true } } },
  });
  if (!account?.organisationId || !account.organisation) return;
  const organisationId = account.organisationId;
  const organisationName = account.organisation.name;

  const deputyship = await tx.deputy.findUnique({ where: { accountId: account.id } });
  if (deputyship) {
    await tx.deputy.delete({ where: { id: deputyship.id } });
    for (const administrator of await activeAdministrators(tx, organisationId)) {
      await sendDeputyNotice(tx, administrator, { event: "ended", organisationName, otherPersonName: fullName(account), url: appUrl(DEPUTIES_PAGE) });
    }
    await recordAuditEvent(tx, {
      actor: SYSTEM_ACTOR,
      action: "deputy.ended",
      organisationId,
      target: { type: "account", id: account.id, label: account.identifier },
      details: { reason: input.reason, status: deputyship.status },
      at: input.now,
    });
  }

  if (account.role === "ADMINISTRATOR") {
    const others = (await activeAdministrators(tx, organisationId)).filter((other) => other.id !== account.id);
    if (others.length) return;
    const deputies = await acceptedDeputies(tx, organisationId);
    for (const deputy of deputies) {
      await sendDeputyNotice(tx, deputy, { event: "administrator_gone", organisationName, otherPersonName: fullName(account), url: appUrl("/espace#administration") });
    }
    if (deputies.length) {
      await recordAuditEvent(tx, {
        actor: SYSTEM_ACTOR,
        action: "deputy.administrator_gone_notified",
        organisationId,
        target: { type: "account", id: account.id, label: account.identifier },
        details: { reason: input.reason, deputies: deputies.map((deputy) => deputy.identifier) },
        at: input.now,
      });
    }
  }
}

/** DEP-2: the administrator's inactivity warning also goes to the accepted deputies. */
export async function warnDeputiesOfAdministratorInactivity(
  tx: Tx,
  administrator: { id: string; firstName: string; lastName: string; organisationId: string | null; organisationName: string | null },
  deactivationAt: Date,
): Promise<number> {
  if (!administrator.organisationId) return 0;
  const deputies = await acceptedDeputies(tx, administrator.organisationId);
  for (const deputy of deputies) {
    await sendDeputyNotice(tx, deputy, {
      event: "administrator_inactive",
      organisationName: administrator.organisationName ?? "",
      otherPersonName: fullName(administrator),
      deactivationAt,
      url: appUrl("/espace#administration"),
    });
  }
  return deputies.length;
}
