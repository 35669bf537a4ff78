// LIFE-4: what "active again" means for an account, shared by every reactivation path (the
// administrator's console, an operator handling an assistance request). Permissions are not
// part of it: deactivation removed them, and only the administrator grants them again.
import type { Account, Prisma } from "../generated/prisma/client";

/**
 * The columns an account takes when it becomes ACTIVE after a validation or a reactivation.
 * A reactivation restarts the inactivity clock (LIFE-2): otherwise the daily job would
 * deactivate the account again the next morning.
 */
export function activeAgainData(
  account: Pick<Account, "validatedAt" | "lastLoginAt">,
  now: Date,
  options: { reactivation: boolean },
): Prisma.AccountUpdateInput {
  return {
    status: "ACTIVE",
    validatedAt: account.validatedAt ?? now,
    deactivationReason: null,
    deactivatedAt: null,
    statusNote: null,
    lastLoginAt: options.reactivation ? now : account.lastLoginAt,
  };
}
