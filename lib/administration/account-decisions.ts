// Which decisions the accounts list offers on an account (ADM-2, DEP-1). The service
// (manage-accounts.ts) enforces the same rules whatever the page offers; this only keeps the
// list from offering what would be refused.
import type { AccountRole, AccountStatus, DeactivationReason } from "../generated/prisma/enums";
import type { AccountDecision } from "./manage-accounts";

export function decisionsOn(
  viewer: { accountId: string; role: AccountRole },
  account: { id: string; status: AccountStatus; role: AccountRole; deputyStatus: "PENDING" | "ACCEPTED" | null; deactivationReason: DeactivationReason | null },
): AccountDecision[] {
  // No decision on one's own account.
  if (account.id === viewer.accountId) return [];
  if (account.status === "PENDING_VALIDATION") return ["validate", "refuse"];
  if (account.status === "ACTIVE") {
    // DEP-1: a deputy does not deactivate the administrator or another deputy (designated or accepted).
    const outOfReach = viewer.role !== "ADMINISTRATOR" && (account.role === "ADMINISTRATOR" || account.deputyStatus !== null);
    return outOfReach ? [] : ["invalidate"];
  }
  // Only what an administrator deactivated can be reactivated here (not inactivity or a closure).
  if (account.status === "DEACTIVATED" && account.deactivationReason === "INVALIDATED") return ["reactivate"];
  return [];
}
