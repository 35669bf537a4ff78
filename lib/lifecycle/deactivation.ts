// LIFE-1, LIFE-4: a deactivation someone decides (the administrator refusing or invalidating
// an account, its owner closing it), in the caller's transaction. Access ends completely: the
// permissions go (reactivation never brings them back), a pending request for the
// administrator role is cancelled, the administrator role itself is lost, and every session
// ends. The administrator may not invalidate an account whose request is still open to the
// legal representative (administration/manage-accounts.ts): here such a request ends only
// when its owner closes the account, or once it has expired anyway. The daily jobs (inactivity, never activated) have their own guarded updates.
import type { AccountRole, Prisma } from "../generated/prisma/client";
import { beforeAccountDeactivation } from "../deputies/continuity";
import { endOidcLogins } from "../oidc/logout";

export async function deactivateAccount(
  tx: Prisma.TransactionClient,
  account: { id: string; role: AccountRole },
  input: { reason: "INVALIDATED" | "CLOSED_BY_OWNER"; now: Date; note?: string },
): Promise<void> {
  // DEP-2: a deputy stops being one; an administrator's deputies carry on and are told.
  await beforeAccountDeactivation(tx, account.id, { reason: input.reason, now: input.now });
  await tx.permission.deleteMany({ where: { accountId: account.id } });
  // SSO-5: every e-service the account was signed in to is told, its grants and tokens revoked.
  await endOidcLogins(tx, { accountId: account.id }, "account_deactivated", input.now);
  await tx.adminRequest.updateMany({ where: { requesterId: account.id, status: "PENDING" }, data: { status: "CANCELLED", closedAt: input.now } });
  await tx.account.update({
    where: { id: account.id },
    data: {
      status: "DEACTIVATED",
      deactivationReason: input.reason,
      deactivatedAt: input.now,
      ...(input.note === undefined ? {} : { statusNote: input.note }),
      role: account.role === "OPERATOR" ? "OPERATOR" : "USER",
      sessionVersion: { increment: 1 },
    },
  });
}
