// "Renvoyer le courriel d'activation" (ACC-3, LIFE-4): a new link, the previous ones no
// longer working. Asked from the registration confirmation (a signed reference to the
// organisation and address typed) or by identifier or e-mail, with the same answer whether
// an account matches.
import "server-only";
import type { Db } from "../db";
import { hit, RATE_LIMITS, tooManyAttempts } from "../rate-limit";
import { ELIGIBLE_FOR_LINK, openedForLinks, sendRequestedActivationLink } from "./activation-link";
import { RateLimitedError } from "../operation";

/**
 * The subject of "Renvoyer le courriel d'activation" on the registration's confirmation: the
 * organisation and the address typed, not an account, so that the page (and the signed
 * reference it holds) is the same whether the registration created an account or not.
 */
export function registrationSubject(organisationId: string, email: string): string {
  return Buffer.from(`${organisationId} ${email}`, "utf8").toString("base64url");
}

function parseRegistrationSubject(subject: string): { organisationId: string; email: string } | null {
  const [organisationId, email, extra] = Buffer.from(subject, "base64url").toString("utf8").split(" ");
  return organisationId && email && extra === undefined ? { organisationId, email } : null;
}

export async function resendActivation(
  db: Db,
  target: { registration: string } | { login: string },
  context: { ipAddress: string; now?: Date },
): Promise<number> {
  const now = context.now ?? new Date();
  const byAddress = await hit(db, RATE_LIMITS.recoveryPerAddress, context.ipAddress);
  if (!byAddress.allowed) throw new RateLimitedError(tooManyAttempts(byAddress.retryAfterSeconds), byAddress.retryAfterSeconds);

  const login = "login" in target ? target.login.trim().toLowerCase() : null;
  const registration = "registration" in target ? parseRegistrationSubject(target.registration) : null;
  if ("registration" in target && !registration) return 0;
  const accounts = await db.account.findMany({
    where: {
      AND: [
        ELIGIBLE_FOR_LINK,
        // An imported account waiting for its opening date (BULK-3) gets its link that day.
        openedForLinks(now),
        registration ? { organisationId: registration.organisationId, email: registration.email } : { OR: [{ identifier: login! }, { email: login! }] },
      ],
    },
    include: { organisation: { select: { name: true } } },
    take: 20,
  });
  let sent = 0;
  for (const account of accounts) {
    const perAccount = await hit(db, RATE_LIMITS.activationResendPerAccount, account.id);
    // Silently: a refusal here would tell that the account exists.
    if (!perAccount.allowed) continue;
    await db.$transaction((tx) => sendRequestedActivationLink(tx, account, now));
    sent += 1;
  }
  return sent;
}
