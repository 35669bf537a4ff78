// "Renvoyer le courriel d'activation" (ACC-3, LIFE-4): a new link, the previous ones no
// longer working. Asked from the registration confirmation (a signed reference to the
// account) or by identifier or e-mail, with the same answer whether an account matches.
import "server-only";
import type { Db } from "../db";
import { openedForLinks, sendImportedAccountLink } from "../imports/welcome";
import { hit, RATE_LIMITS, tooManyAttempts } from "../rate-limit";
import { sendActivationLink } from "./register-account";
import { RateLimitedError } from "../operation";

const ELIGIBLE = {
  OR: [
    { status: "PENDING_ACTIVATION" as const },
    { status: "DEACTIVATED" as const, deactivationReason: { in: ["NEVER_ACTIVATED" as const, "INACTIVITY" as const] } },
  ],
};

export async function resendActivation(
  db: Db,
  target: { accountId: string } | { login: string },
  context: { ipAddress: string; now?: Date },
): Promise<number> {
  const now = context.now ?? new Date();
  const byAddress = await hit(db, RATE_LIMITS.recoveryPerAddress, context.ipAddress);
  if (!byAddress.allowed) throw new RateLimitedError(tooManyAttempts(byAddress.retryAfterSeconds), byAddress.retryAfterSeconds);

  const login = "login" in target ? target.login.trim().toLowerCase() : null;
  const accounts = await db.account.findMany({
    where: {
      AND: [
        ELIGIBLE,
        // An imported account waiting for its opening date (BULK-3) gets its link that day.
        openedForLinks(now),
        "accountId" in target ? { id: target.accountId } : { OR: [{ identifier: login! }, { email: login! }] },
      ],
    },
    include: { organisation: { select: { name: true } } },
    take: 20,
  });
  let sent = 0;
  for (const account of accounts) {
    const perAccount = await hit(db, RATE_LIMITS.activationResendPerAccount, account.id);
    if (!perAccount.allowed) {
      if ("accountId" in target) throw new RateLimitedError(tooManyAttempts(perAccount.retryAfterSeconds), perAccount.retryAfterSeconds);
      continue;
    }
    // An imported account has no password yet: its own e-mail, which says to choose one.
    await db.$transaction((tx) => (account.passwordHash ? sendActivationLink(tx, account, now) : sendImportedAccountLink(tx, account, "welcome", now)));
    sent += 1;
  }
  return sent;
}
