// The vocabulary every operation of the portal shares (ARCHITECTURE "One way for each
// idea"): who acts, where and when, on which database client, and the one refusal a
// person is shown. Services take `(db: Client, actor: Actor, input, context)`.
import type { Db } from "./db";
import type { Prisma } from "./generated/prisma/client";
import type { AccountRole } from "./generated/prisma/enums";

/** The signed-in account an operation runs for, as the session proved it. */
export interface Actor {
  accountId: string;
  identifier: string;
  role: AccountRole;
  organisationId: string | null;
}

/** An organisation's administrator: the organisation comes from the session, never from the request. */
export type AdministratorActor = Actor & { role: "ADMINISTRATOR"; organisationId: string };

/**
 * An accepted deputy administrator (administrateur suppléant, DEP-1): a user of the
 * organisation who runs its console beside the administrator, minus subscriptions and the
 * choice of deputies. The organisation comes from the session.
 */
export type DeputyActor = Actor & { role: "USER"; organisationId: string; isDeputy: true };

/**
 * Whoever runs an organisation's console (DEP-1): its administrator or an accepted deputy.
 * `role` tells which: "ADMINISTRATOR", or "USER" for a deputy.
 */
export type OrganisationManagerActor = AdministratorActor | DeputyActor;

/** An operator of the portal. */
export type OperatorActor = Actor & { role: "OPERATOR" };

/** The scheduled jobs and the anonymous doors (registration, reset…) act as the portal itself. */
export const SYSTEM_ACTOR = "system" as const;
/** The legal representative acts through the code of the letter, with no account. */
export const LEGAL_REPRESENTATIVE = "legal_representative" as const;
/** Who an audit event names: an account, the portal itself, or the legal representative. */
export type AuditAuthor = Actor | typeof SYSTEM_ACTOR | typeof LEGAL_REPRESENTATIVE;

/** Where and when an operation happens: recorded in the audit log, used by rate limits. */
export interface OperationContext {
  ipAddress?: string | null;
  userAgent?: string | null;
  now?: Date;
}

/** The database, or a transaction of it: operations compose inside one transaction. */
export type Client = Db | Prisma.TransactionClient;

/** The actor of an account row (a job acting on behalf of the account that started it…). */
export function actorOfAccount(account: { id: string; identifier: string; role: AccountRole; organisationId: string | null }): Actor {
  return { accountId: account.id, identifier: account.identifier, role: account.role, organisationId: account.organisationId };
}

/**
 * The one refusal an operation reports to the person: a French message, tied to a form
 * field when one is at fault. The action pipeline (lib/actions) turns it into the form's
 * answer; anything else thrown is a bug and goes on to the error page.
 */
export class UserError extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = "UserError";
  }
}

/** A refusal because a limit was reached (SEC-2): says when to try again. */
export class RateLimitedError extends UserError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
    this.name = "RateLimitedError";
  }
}
