// The activation link (ACC-3, BULK-2, BULK-3, LIFE-4): one single-use token and the e-mail
// that carries it, for registration, "Renvoyer le courriel d'activation", re-registration
// and imported accounts alike. Only the e-mail's template differs: a registered account
// chose its password and waits for its link; an imported one chooses its password through it.
import "server-only";
import { appUrl } from "../app-url";
import type { EmailPriority, Prisma } from "../generated/prisma/client";
import { enqueueEmail } from "../mail/outbox";
import { parisToday } from "../calendar";
import { issueToken, TOKEN_TTL_MS } from "../tokens";

export interface LinkRecipient {
  id: string;
  identifier: string;
  email: string;
  firstName: string;
  organisation: { name: string } | null;
}

/** Which e-mail carries the link. */
export type ActivationEmail =
  /** After registration: the role asked for decides what comes after activation (LR-1). */
  | { template: "activation"; requestedRole: "USER" | "ADMINISTRATOR" }
  /** An imported account: its welcome (BULK-3), or its link after a corrected address (BULK-2). */
  | { template: "import-welcome"; kind: "welcome" | "corrected" };

/** The e-mail of a registered account, from the role it asked for. */
export function registrationEmail(account: { adminRoleRequestedAt: Date | null }): ActivationEmail {
  return { template: "activation", requestedRole: account.adminRoleRequestedAt ? "ADMINISTRATOR" : "USER" };
}

/**
 * Issues a new activation link (the older ones stop working) and e-mails it: as transactional
 * mail (someone waits for it) unless `priority` says BULK (import welcomes).
 */
export async function sendActivationLink(
  tx: Prisma.TransactionClient,
  account: LinkRecipient,
  email: ActivationEmail,
  now = new Date(),
  priority: EmailPriority = "TRANSACTIONAL",
): Promise<void> {
  // This link supersedes any an import correction scheduled for the nightly run (BULK-2): that
  // run must not send another, which would make this one stop working.
  await tx.account.updateMany({ where: { id: account.id, activationLinkDueAt: { not: null } }, data: { activationLinkDueAt: null } });
  const { token } = await issueToken(tx, { purpose: "ACTIVATION", accountId: account.id, now });
  const common = {
    identifier: account.identifier,
    organisationName: account.organisation?.name ?? "",
    firstName: account.firstName,
    activationUrl: appUrl(`/activation/${token}`),
    expiresInHours: TOKEN_TTL_MS.ACTIVATION / 3_600_000,
  };
  if (email.template === "activation") {
    await enqueueEmail(tx, account.email, { template: "activation", data: { ...common, requestedRole: email.requestedRole } }, { priority });
  } else {
    await enqueueEmail(
      tx,
      account.email,
      { template: "import-welcome", data: { ...common, resendUrl: appUrl("/activation/renvoyer"), kind: email.kind } },
      { priority },
    );
  }
}

/** The accounts a new activation link can (re)open: pending ones, and those LIFE-4 lets back in. */
export const ELIGIBLE_FOR_LINK = {
  OR: [
    { status: "PENDING_ACTIVATION" as const },
    { status: "DEACTIVATED" as const, deactivationReason: { in: ["NEVER_ACTIVATED" as const, "INACTIVITY" as const] } },
  ],
} satisfies Prisma.AccountWhereInput;

/** Before its opening date an imported account gets no link, whoever asks for one (BULK-3). */
export function openedForLinks(now: Date): Prisma.AccountWhereInput {
  return { OR: [{ openingDate: null }, { openingDate: { lte: parisToday(now) } }, { welcomeSentAt: { not: null } }] };
}

/**
 * A new link asked for by the person (resend, or registering again while pending). An
 * imported account has no password yet: it gets its welcome e-mail, which says to choose one
 * (the registration's text, about waiting for validation, does not apply), and its welcome is
 * marked as sent so that the opening-date run does not repeat it.
 */
export async function sendRequestedActivationLink(
  tx: Prisma.TransactionClient,
  account: LinkRecipient & { passwordHash: string | null; adminRoleRequestedAt: Date | null },
  now: Date,
): Promise<void> {
  if (account.passwordHash) return sendActivationLink(tx, account, registrationEmail(account), now);
  await tx.account.updateMany({ where: { id: account.id, welcomeSentAt: null }, data: { welcomeSentAt: now } });
  await sendActivationLink(tx, account, { template: "import-welcome", kind: "welcome" }, now);
}
