// Test data for integration tests: real rows through Prisma, nothing mocked.
import { randomBytes } from "node:crypto";
import { hashPassword } from "../security/password-hash";
import { db } from "../db";
import type { AccountRole, AccountStatus, DeactivationReason, OrganisationKind } from "../generated/prisma/enums";

export const TEST_PASSWORD = "Ciel-Bleu-2026";
let passwordHash: Promise<string> | undefined;

const unique = () => randomBytes(4).toString("hex");

export async function createOrganisation(overrides: { name?: string; kind?: OrganisationKind; code?: string } = {}) {
  const suffix = unique();
  return db.organisation.create({
    data: {
      kind: overrides.kind ?? "COMMUNE",
      name: overrides.name ?? `Commune test ${suffix}`,
      code: overrides.code ?? `T${suffix}`,
      legalRepresentativeTitle: "Maire",
      postalCodes: ["01000"],
      addressRecipient: "Mairie",
      addressPostalCode: "01000",
      addressCity: "TESTVILLE",
    },
  });
}

export async function createAccount(
  overrides: {
    organisationId?: string | null;
    identifier?: string;
    firstName?: string;
    lastName?: string;
    email?: string;
    role?: AccountRole;
    status?: AccountStatus;
    deactivationReason?: DeactivationReason;
    password?: string;
    emailVerified?: boolean;
    adminRoleRequested?: boolean;
  } = {},
) {
  const organisationId = overrides.organisationId === undefined ? (await createOrganisation()).id : overrides.organisationId;
  const suffix = unique();
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const status = overrides.status ?? "ACTIVE";
  const verified = overrides.emailVerified ?? status !== "PENDING_ACTIVATION";
  return db.account.create({
    data: {
      organisationId,
      identifier: overrides.identifier ?? `test-${suffix}`,
      civility: "MADAME",
      firstName: overrides.firstName ?? "Alice",
      lastName: overrides.lastName ?? "Testeuse",
      email: overrides.email ?? `alice.${suffix}@test.example`,
      role: overrides.role ?? (organisationId ? "USER" : "OPERATOR"),
      status,
      deactivationReason: overrides.deactivationReason ?? (status === "DEACTIVATED" ? "INVALIDATED" : null),
      passwordHash: overrides.password ? await hashPassword(overrides.password) : await passwordHash,
      emailVerifiedAt: verified ? new Date() : null,
      activatedAt: verified ? new Date() : null,
      adminRoleRequestedAt: overrides.adminRoleRequested ? new Date() : null,
    },
  });
}

/** The dev mailbox as tests read it: the outbox, newest first. */
export async function mailbox(to: string) {
  return db.outboxEmail.findMany({ where: { to: to.toLowerCase() }, orderBy: { createdAt: "desc" } });
}

/** The first link of the newest e-mail to `to` whose path starts with `pathPrefix`. */
export async function latestLink(to: string, pathPrefix: string): Promise<string> {
  for (const message of await mailbox(to)) {
    const link = message.links.find((candidate) => new URL(candidate).pathname.startsWith(pathPrefix));
    if (link) return link;
  }
  throw new Error(`Aucun lien ${pathPrefix} pour ${to}`);
}

export function tokenOf(link: string): string {
  return new URL(link).pathname.split("/").pop()!;
}

/** Row counts of the tables an account operation may write. */
export async function tableCounts() {
  const [accounts, tokens, outbox, audit, adminRequests, permissions, loginEvents] = await Promise.all([
    db.account.count(),
    db.token.count(),
    db.outboxEmail.count(),
    db.auditEvent.count(),
    db.adminRequest.count(),
    db.permission.count(),
    db.loginEvent.count(),
  ]);
  return { accounts, tokens, outbox, audit, adminRequests, permissions, loginEvents };
}

/**
 * Gives the account a confirmed authenticator app (MFA-1), as an operator or a past-deadline
 * administrator must have before any guard lets them through (MFA-3). The key itself is never
 * read by these tests: only the factor's existence counts.
 */
export async function withSecondFactor<A extends { id: string }>(account: A): Promise<A> {
  await db.totpSecret.create({ data: { accountId: account.id, ciphertext: "test", keyId: "test", confirmedAt: new Date() } });
  return account;
}
