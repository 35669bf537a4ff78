// ID-1 for many accounts at once (BULK-1): the same buildIdentifier as registration, fed
// with the identifiers already taken, read in one query instead of one per candidate.
// As in registerAccount, the unique index has the last word: an identifier taken by a
// concurrent registration after this read is detected at insert time and allocated again.
import "server-only";
import { buildIdentifier, IDENTIFIER_MAX_LENGTH } from "../identifiers";
import type { Client } from "../operation";


// Every candidate of a base (base, then base cut + 2, 3, … up to 4 digits) starts with the base
// cut to 16 characters; its first 6 characters (or fewer for very short names) select them.
const SHARED_PREFIX = IDENTIFIER_MAX_LENGTH - 4;
const PREFIX_LENGTH = 6;

function prefixOf(base: string): string {
  return base.slice(0, SHARED_PREFIX).replace(/-+$/, "").slice(0, PREFIX_LENGTH);
}

/** A pool of taken identifiers for the people given: allocate() then never collides with the database as read, nor with itself. */
export async function identifierPool(db: Client, people: { firstName: string; lastName: string }[]) {
  const prefixes = new Set<string>();
  for (const person of people) prefixes.add(prefixOf(buildIdentifier(person.firstName, person.lastName, () => false)));
  const long = [...prefixes].filter((prefix) => prefix.length === PREFIX_LENGTH);
  const short = [...prefixes].filter((prefix) => prefix.length < PREFIX_LENGTH);
  const rows = prefixes.size
    ? await db.$queryRaw<{ identifier: string }[]>`
        SELECT "identifier" FROM "accounts"
        WHERE left("identifier", ${PREFIX_LENGTH}) = ANY(${long}::text[])
           OR EXISTS (SELECT 1 FROM unnest(${short}::text[]) AS p(prefix) WHERE starts_with("identifier", p.prefix))`
    : [];
  const taken = new Set(rows.map((row) => row.identifier));
  return {
    taken,
    /** Throws IdentifierError for unusable names, like buildIdentifier. */
    allocate(firstName: string, lastName: string): string {
      const identifier = buildIdentifier(firstName, lastName, (candidate) => taken.has(candidate));
      taken.add(identifier);
      return identifier;
    },
  };
}
