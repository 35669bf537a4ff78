// Sensitive changes of one's own account ask for the current password, with the number of
// wrong attempts limited per account (SEC-2).
import "server-only";
import type { Db } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { clear, hit, RATE_LIMITS, tooManyAttempts } from "../rate-limit";
import { RateLimitedError, UserError } from "../operation";
import { verifyPassword } from "../security/password-hash";

export async function verifyCurrentPassword(
  db: Db | Prisma.TransactionClient,
  account: { id: string; passwordHash: string | null },
  password: string,
  field = "currentPassword",
): Promise<void> {
  // SEC-8: the attempt is counted as a failure before the password is checked, in the one
  // statement that says whether the limit allows it, so concurrent tries cannot exceed it.
  const limit = await hit(db, RATE_LIMITS.passwordChecksPerAccount, account.id);
  if (!limit.allowed) throw new RateLimitedError(tooManyAttempts(limit.retryAfterSeconds), limit.retryAfterSeconds);
  if (account.passwordHash && (await verifyPassword(account.passwordHash, password))) {
    // The right password forgives the earlier failures, as it always did.
    await clear(db, RATE_LIMITS.passwordChecksPerAccount, account.id);
    return;
  }
  throw new UserError("Mot de passe incorrect.", field);
}
