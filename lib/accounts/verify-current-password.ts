// Sensitive changes of one's own account ask for the current password, with the number of
// wrong attempts limited per account (SEC-2).
import "server-only";
import type { Db } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { clear, hit, peek, RATE_LIMITS, tooManyAttempts } from "../rate-limit";
import { verifyPassword } from "../security/password-hash";
import { RateLimitedError, UserError } from "../operation";

export async function verifyCurrentPassword(
  db: Db | Prisma.TransactionClient,
  account: { id: string; passwordHash: string | null },
  password: string,
  field = "currentPassword",
): Promise<void> {
  const before = await peek(db, RATE_LIMITS.passwordChecksPerAccount, account.id);
  if (!before.allowed) throw new RateLimitedError(tooManyAttempts(before.retryAfterSeconds), before.retryAfterSeconds);
  if (account.passwordHash && (await verifyPassword(account.passwordHash, password))) {
    await clear(db, RATE_LIMITS.passwordChecksPerAccount, account.id);
    return;
  }
  await hit(db, RATE_LIMITS.passwordChecksPerAccount, account.id);
  throw new UserError("Mot de passe incorrect.", field);
}
