// Registration (ACC-1..3, ID-1, SEC-8): an account for one organisation, pending the
// activation of its e-mail address. The answer on screen is the same whatever already
// exists for this address in this organisation; the address's owner learns the rest by
// e-mail:
// - nothing: a new account, and its activation link;
// - a registration not activated yet (or an account a new link reopens, LIFE-4): a new link
//   to the address on file, and nothing else changes: the password, names and role asked
//   for stay those of the first registration (an attacker's password must never open the
//   account its owner activates);
// - any other account: an e-mail saying so, with its identifier and how to get in.
// The page shows an identifier in every case (ACC-2): the one created, or, when the address
// already had an account, the one these names would get now, built by the same rule (ID-1),
// so that the page reads exactly like a new registration's; the e-mail gives the real one.
import "server-only";
import { appUrl } from "../app-url";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Db } from "../db";
import { Prisma } from "../generated/prisma/client";
import { buildIdentifier, IdentifierError } from "../identifiers";
import { enqueueEmail } from "../mail/outbox";
import { hit, hitAll, RATE_LIMITS, tooManyAttempts } from "../rate-limit";
import { ELIGIBLE_FOR_LINK, openedForLinks, registrationEmail, sendActivationLink, sendRequestedActivationLink } from "./activation-link";
import { hashPassword } from "../security/password-hash";
import { passwordPolicyError } from "./password-rules";
import { registrationSubject } from "./resend-activation";
import type { RegistrationInput } from "./schemas";
import { RateLimitedError, SYSTEM_ACTOR, UserError } from "../operation";

/**
 * The same for every registration that passed the form's checks: what the person typed,
 * and the subject of "Renvoyer le courriel d'activation". Nothing here tells what existed.
 */
export interface RegistrationReceipt {
  email: string;
  identifier: string;
  resendSubject: string;
}

/** The form's checks, which need no secret and write nothing: a refused form is not a registration. */
function checkNames(input: RegistrationInput): void {
  try {
    buildIdentifier(input.firstName, input.lastName, () => false);
  } catch (error) {
    if (error instanceof IdentifierError) throw new UserError(error.message, error.field);
    throw error;
  }
}

export async function registerAccount(
  db: Db,
  input: RegistrationInput,
  context: { ipAddress: string; now?: Date },
): Promise<RegistrationReceipt> {
  const now = context.now ?? new Date();
  const organisation = await db.organisation.findUnique({ where: { id: input.organisationId }, select: { id: true, name: true } });
  if (!organisation) throw new UserError("Cette organisation est introuvable : choisissez-la dans la liste proposée.", "organisationId");
  const passwordProblem = passwordPolicyError(input.password, input);
  if (passwordProblem) throw new UserError(passwordProblem, "password");
  checkNames(input);

  // SEC-2, SEC-8: counted before anything is done, all limits in one go (a refusal by one
  // costs nothing on the others). The per-address limit fits an office; per e-mail and per
  // organisation do the finer work.
  const limits = await hitAll(db, [
    [RATE_LIMITS.registrationPerEmail, input.email],
    [RATE_LIMITS.registrationPerOrganisation, organisation.id],
    [RATE_LIMITS.registrationPerAddress, context.ipAddress],
  ]);
  if (!limits.allowed) throw new RateLimitedError(tooManyAttempts(limits.retryAfterSeconds), limits.retryAfterSeconds);
  const receiptOf = (identifier: string): RegistrationReceipt => ({ email: input.email, identifier, resendSubject: registrationSubject(organisation.id, input.email) });
  const nextIdentifier = async () => {
    try {
      return await buildIdentifier(input.firstName, input.lastName, async (candidate) =>
        Boolean(await db.account.findUnique({ where: { identifier: candidate }, select: { id: true } })),
      );
    } catch (error) {
      if (error instanceof IdentifierError) throw new UserError(error.message, error.field);
      throw error;
    }
  };

  // Hashed whatever exists, so that the time taken does not tell either.
  const passwordHash = await hashPassword(input.password);
  const existing = await db.account.findUnique({
    where: { organisationId_email: { organisationId: organisation.id, email: input.email } },
    select: { id: true },
  });
  if (existing) {
    await answerExistingAccount(db, existing.id, now);
    return receiptOf(await nextIdentifier());
  }

  const profile = {
    civility: input.civility,
    firstName: input.firstName,
    lastName: input.lastName,
    phone: input.phone,
    jobTitle: input.jobTitle,
    passwordHash,
    termsAcceptedAt: now,
    adminRoleRequestedAt: input.requestedRole === "ADMINISTRATOR" ? now : null,
  };
  for (let attempt = 0; ; attempt += 1) {
    const identifier = await nextIdentifier();
    try {
      await db.$transaction(async (tx) => {
        const account = await tx.account.create({
          data: { ...profile, identifier, email: input.email, organisationId: organisation.id, status: "PENDING_ACTIVATION", createdAt: now },
          include: { organisation: { select: { name: true } } },
        });
        await sendActivationLink(tx, account, registrationEmail(account), now);
        await recordAuditEvent(tx, {
          actor: SYSTEM_ACTOR,
          action: "account.registered",
          organisationId: organisation.id,
          target: { type: "account", id: account.id, label: identifier },
          details: { requestedRole: input.requestedRole },
          ipAddress: context.ipAddress,
          at: now,
        });
      });
      return receiptOf(identifier);
    } catch (error) {
      // The violated constraint's columns are somewhere in the error's metadata.
      const racedOn =
        error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002"
          ? JSON.stringify(error.meta ?? {})
          : null;
      // Two registrations raced for the same identifier: build the next free one.
      if (racedOn !== null && !racedOn.includes("email") && attempt < 5) continue;
      // Two registrations raced for the same address: the other one has created the account
      // and sent its link; this one gets the same answer as every other.
      if (racedOn !== null && racedOn.includes("email")) return receiptOf(await nextIdentifier());
      throw error;
    }
  }
}

/** Registering again with the address of an existing account: only an e-mail to that address. */
async function answerExistingAccount(db: Db, accountId: string, now: Date): Promise<void> {
  const account = await db.account.findUniqueOrThrow({ where: { id: accountId }, include: { organisation: { select: { name: true } } } });
  const [reopenable, opened] = await Promise.all([
    db.account.count({ where: { AND: [{ id: accountId }, ELIGIBLE_FOR_LINK] } }),
    db.account.count({ where: { AND: [{ id: accountId }, openedForLinks(now)] } }),
  ]);
  if (reopenable) {
    // As "Renvoyer le courriel d'activation": not before an imported account's opening date
    // (BULK-3), and not more often than its limit; either way the answer stays the same.
    if (!opened || !(await hit(db, RATE_LIMITS.activationResendPerAccount, account.id)).allowed) return;
    await db.$transaction((tx) => sendRequestedActivationLink(tx, account, now));
    return;
  }
  await enqueueEmail(db, account.email, {
    template: "registration-existing",
    data: {
      identifier: account.identifier,
      organisationName: account.organisation?.name ?? "",
      forgottenPasswordUrl: appUrl("/mot-de-passe-oublie"),
    },
  });
}
