// The one way the portal creates accounts for people who have not registered themselves: a
// row of an import (BULK-1) and an invitation from the console (DEP-3) both come here, one
// person or 2,000 at a time. The accounts are validated by their administrator at creation
// and wait for their welcome e-mail (welcome.ts: identifier and activation link, on the
// opening date when there is one); the person becomes active by choosing a password.
//
// Set-based: one INSERT … SELECT FROM unnest for the whole set, whatever its size. The
// identifiers follow ID-1 through an identifier pool read in one query; the unique indexes
// have the last word: an identifier taken concurrently is allocated again, an address taken
// concurrently leaves its person out of the result (the caller says why).
import "server-only";
import { identifierPool } from "../accounts/allocate-identifiers";
import type { Civility, Prisma } from "../generated/prisma/client";

type Tx = Prisma.TransactionClient;

/** One person to create, as validateRow (rows.ts) normalised them. */
export interface NewPerson {
  civility: Civility;
  firstName: string;
  lastName: string;
  /** Lower-cased. */
  email: string;
  category: string | null;
  /** "YYYY-MM-DD" or null: the welcome e-mail goes out that day (BULK-3). */
  openingDate: string | null;
}

export interface CreatedAccount {
  id: string;
  identifier: string;
  email: string;
}

/**
 * Inserts the accounts of `people` (keyed by the caller's own key: an import row, the
 * invitation) in the organisation; returns the created account of each key. A key absent from
 * the result: its address was taken meanwhile.
 */
export async function createWelcomedAccounts<K>(
  tx: Tx,
  input: { organisationId: string; people: { key: K; person: NewPerson }[]; now: Date; invitedById?: string | null },
): Promise<Map<K, CreatedAccount>> {
  const { organisationId, now } = input;
  const invitedById = input.invitedById ?? null;
  const created = new Map<K, CreatedAccount>();
  let pending = input.people;
  for (let attempt = 0; pending.length && attempt < 5; attempt += 1) {
    const pool = await identifierPool(tx, pending.map(({ person }) => person));
    const withIdentifiers = pending.map((item) => ({ ...item, identifier: pool.allocate(item.person.firstName, item.person.lastName) }));
    // ON CONFLICT DO NOTHING: an identifier or an address taken since the pool was read skips its row.
    const inserted = await tx.$queryRaw<CreatedAccount[]>`
      INSERT INTO "accounts" ("id", "organisationId", "identifier", "civility", "firstName", "lastName", "email", "category", "openingDate",
                              "role", "status", "validatedAt", "invitedAt", "invitedById", "createdAt", "updatedAt")
      SELECT gen_random_uuid(), ${organisationId}::uuid, v.identifier, v.civility::"Civility", v.first_name, v.last_name, v.email, v.category,
             v.opening_date::date, 'USER', 'PENDING_ACTIVATION', ${now},
             CASE WHEN ${invitedById}::uuid IS NULL THEN NULL ELSE ${now}::timestamp(3) END, ${invitedById}::uuid, ${now}, ${now}
      FROM unnest(
        ${withIdentifiers.map((item) => item.identifier)}::text[], ${withIdentifiers.map((item) => item.person.civility)}::text[],
        ${withIdentifiers.map((item) => item.person.firstName)}::text[], ${withIdentifiers.map((item) => item.person.lastName)}::text[],
        ${withIdentifiers.map((item) => item.person.email)}::text[], ${withIdentifiers.map((item) => item.person.category)}::text[],
        ${withIdentifiers.map((item) => item.person.openingDate)}::text[]
      ) AS v(identifier, civility, first_name, last_name, email, category, opening_date)
      ON CONFLICT DO NOTHING
      RETURNING "id", "identifier", "email"`;
    const byIdentifier = new Map(inserted.map((account) => [account.identifier, account]));
    const skipped: typeof withIdentifiers = [];
    for (const item of withIdentifiers) {
      const account = byIdentifier.get(item.identifier);
      if (account && account.email === item.person.email) created.set(item.key, account);
      else skipped.push(item);
    }
    if (!skipped.length) break;
    // Skipped: either the address was taken meanwhile (left out) or the identifier (allocated again).
    const emailsTaken = new Set(
      (await tx.account.findMany({ where: { organisationId, email: { in: skipped.map((item) => item.person.email) } }, select: { email: true } })).map(
        (account) => account.email,
      ),
    );
    pending = skipped.filter((item) => !emailsTaken.has(item.person.email));
  }
  return created;
}

/** Grants e-services (already checked against the organisation's subscriptions); an existing permission stays as it is. */
export async function grantEServices(
  tx: Tx,
  input: { organisationId: string; grants: { accountId: string; eServiceId: string }[]; grantedById: string | null; now: Date },
): Promise<void> {
  const { grants } = input;
  if (!grants.length) return;
  await tx.$executeRaw`
    INSERT INTO "permissions" ("id", "accountId", "eServiceId", "organisationId", "grantedById", "createdAt")
    SELECT gen_random_uuid(), g.account_id, g.e_service_id, ${input.organisationId}::uuid, ${input.grantedById}::uuid, ${input.now}
    FROM unnest(${grants.map((grant) => grant.accountId)}::uuid[], ${grants.map((grant) => grant.eServiceId)}::uuid[]) AS g(account_id, e_service_id)
    ON CONFLICT ("accountId", "eServiceId") DO NOTHING`;
}
