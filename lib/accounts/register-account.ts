// Registration (ACC-1..3, ID-1): an account for one organisation, pending the activation
// of its e-mail address. Registering again with the same address for the same organisation
// before activation sends a new link instead of creating a second account.
import "server-only";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Db } from "../db";
import { appUrl } from "../app-url";
import { Prisma } from "../generated/prisma/client";
import { buildIdentifier, IdentifierError } from "../identifiers";
import { enqueueEmail } from "../mail/outbox";
import { hit, RATE_LIMITS, tooManyAttempts } from "../rate-limit";
import { issueToken } from "../tokens";
import { hashPassword } from "../security/password-hash";
import { passwordPolicyError } from "./password-rules";
import type { RegistrationInput } from "./schemas";
import { RateLimitedError, SYSTEM_ACTOR, UserError } from "../operation";

export type RegistrationOutcome =
  | { kind: "created"; accountId: string; identifier: string; email: string }
  | { kind: "resent"; accountId: string; identifier: string; email: string };

const ALREADY_REGISTERED =
  "Un compte existe déjà avec cette adresse pour cette organisation. Connectez-vous, ou utilisez « Identifiant oublié » ou « Mot de passe oublié ».";

/** Issues a new activation link (the older ones stop working) and e-mails it. */
export async function sendActivationLink(
  tx: Prisma.TransactionClient,
  account: { id: string; identifier: string; email: string; firstName: string; adminRoleRequestedAt: Date | null; organisation: { name: string } | null },
  now = new Date(),
): Promise<void> {
  const { token } = await issueToken(tx, { purpose: "ACTIVATION", accountId: account.id, now });
  await enqueueEmail(tx, account.email, {
    template: "activation",
    data: {
      identifier: account.identifier,
      organisationName: account.organisation?.name ?? "",
      firstName: account.firstName,
      activationUrl: appUrl(`/activation/${token}`),
      expiresInHours: 72,
      requestedRole: account.adminRoleRequestedAt ? "ADMINISTRATOR" : "USER",
    },
  });
}

export async function registerAccount(
  db: Db,
  input: RegistrationInput,
  context: { ipAddress: string; now?: Date },
): Promise<RegistrationOutcome> {
  const now = context.now ?? new Date();
  const limit = await hit(db, RATE_LIMITS.registrationPerAddress, context.ipAddress);
  if (!limit.allowed) throw new RateLimitedError(tooManyAttempts(limit.retryAfterSeconds), limit.retryAfterSeconds);

  const organisation = await db.organisation.findUnique({ where: { id: input.organisationId }, select: { id: true, name: true } });
  if (!organisation) throw new UserError("Cette organisation est introuvable : choisissez-la dans la liste proposée.", "organisationId");

  const passwordProblem = passwordPolicyError(input.password, input);
  if (passwordProblem) throw new UserError(passwordProblem, "password");

  const passwordHash = await hashPassword(input.password);
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

  const existing = await db.account.findUnique({
    where: { organisationId_email: { organisationId: organisation.id, email: input.email } },
    select: { id: true, status: true },
  });
  if (existing) {
    if (existing.status !== "PENDING_ACTIVATION") throw new UserError(ALREADY_REGISTERED, "email");
    const resend = await hit(db, RATE_LIMITS.activationResendPerAccount, existing.id);
    if (!resend.allowed) throw new RateLimitedError(tooManyAttempts(resend.retryAfterSeconds), resend.retryAfterSeconds);
    // The latest registration wins: nothing is usable before the address is verified.
    return db.$transaction(async (tx) => {
      const account = await tx.account.update({
        where: { id: existing.id },
        data: profile,
        include: { organisation: { select: { name: true } } },
      });
      await sendActivationLink(tx, account, now);
      return { kind: "resent" as const, accountId: account.id, identifier: account.identifier, email: account.email };
    });
  }

  for (let attempt = 0; ; attempt += 1) {
    let identifier: string;
    try {
      identifier = await buildIdentifier(input.firstName, input.lastName, async (candidate) =>
        Boolean(await db.account.findUnique({ where: { identifier: candidate }, select: { id: true } })),
      );
    } catch (error) {
      if (error instanceof IdentifierError) throw new UserError(error.message, error.field);
      throw error;
    }
    try {
      return await db.$transaction(async (tx) => {
        const account = await tx.account.create({
          data: { ...profile, identifier, email: input.email, organisationId: organisation.id, status: "PENDING_ACTIVATION", createdAt: now },
          include: { organisation: { select: { name: true } } },
        });
        await sendActivationLink(tx, account, now);
        await recordAuditEvent(tx, {
          actor: SYSTEM_ACTOR,
          action: "account.registered",
          organisationId: organisation.id,
          target: { type: "account", id: account.id, label: identifier },
          details: { requestedRole: input.requestedRole },
          ipAddress: context.ipAddress,
          at: now,
        });
        return { kind: "created" as const, accountId: account.id, identifier, email: account.email };
      });
    } catch (error) {
      // The violated constraint's columns are somewhere in the error's metadata.
      const racedOn =
        error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002"
          ? JSON.stringify(error.meta ?? {})
          : null;
      // Two registrations raced for the same identifier: build the next free one.
      if (racedOn !== null && !racedOn.includes("email") && attempt < 5) continue;
      if (racedOn !== null && racedOn.includes("email")) throw new UserError(ALREADY_REGISTERED, "email");
      throw error;
    }
  }
}
