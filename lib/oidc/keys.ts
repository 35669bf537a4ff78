// The provider's signing keys (SSO-1): ES256, the private half encrypted at rest with the
// portal's secrets key (lib/security/encryption.ts), bound to its key id. The newest key
// signs; a rotated key is retired but stays in the JWKS until every token it signed has
// expired (RETIRED_KEY_KEPT_MS), so e-services can still verify them.
import "server-only";
import { generateKeyPairSync, randomBytes } from "node:crypto";
import type { JWK } from "jose";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Db } from "../db";
import { SYSTEM_ACTOR, type AuditAuthor, type Client, type OperationContext } from "../operation";
import { decryptAtRest, encryptAtRest } from "../security/encryption";
import { LONGEST_SIGNED_TOKEN_SECONDS } from "./lifetimes";

export const SIGNING_ALGORITHM = "ES256";
/** A retired key is published until the longest-lived token it signed has expired, plus a margin for clocks. */
export const RETIRED_KEY_KEPT_MS = (LONGEST_SIGNED_TOKEN_SECONDS + 10 * 60) * 1000;

function context(kid: string): string {
  return `oidc-signing-key:${kid}`;
}

async function createKey(db: Client, now: Date): Promise<string> {
  const kid = randomBytes(12).toString("base64url");
  const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const privateJwk = { ...(privateKey.export({ format: "jwk" }) as JWK), kid, alg: SIGNING_ALGORITHM, use: "sig" };
  const publicJwk = { ...(publicKey.export({ format: "jwk" }) as JWK), kid, alg: SIGNING_ALGORITHM, use: "sig" };
  const sealed = encryptAtRest(JSON.stringify(privateJwk), context(kid));
  await db.oidcSigningKey.create({
    data: { id: kid, algorithm: SIGNING_ALGORITHM, publicJwk, privateCiphertext: sealed.ciphertext, privateKeyId: sealed.keyId, createdAt: now },
  });
  return kid;
}

/**
 * At least one key exists (the first start creates it). Instances starting at once take
 * turns under a transaction-level advisory lock, so that exactly one key is created: with
 * two, each instance signed with its own until its next refresh while the other's JWKS did
 * not list it yet, and e-services failed to verify half the tokens (issue 17, item 4).
 */
export async function ensureSigningKey(db: Db, now = new Date()): Promise<void> {
  if (await db.oidcSigningKey.findFirst({ where: { retiredAt: null }, select: { id: true } })) return;
  await db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('portail.oidc-signing-key'))`;
    const current = await tx.oidcSigningKey.findFirst({ where: { retiredAt: null }, select: { id: true } });
    if (!current) await createKey(tx, now);
  });
}

/**
 * The private JWKs the provider may use, newest first (oidc-provider signs with the first one
 * of the algorithm): keys not retired, and retired ones still within RETIRED_KEY_KEPT_MS.
 * A key that does not decrypt (written under another SECRETS_ENCRYPTION_KEY) is skipped.
 */
export async function providerJwks(db: Db, now = new Date()): Promise<{ keys: JWK[]; fingerprint: string }> {
  const rows = await db.oidcSigningKey.findMany({
    where: { OR: [{ retiredAt: null }, { retiredAt: { gt: new Date(now.getTime() - RETIRED_KEY_KEPT_MS) } }] },
    orderBy: [{ retiredAt: { sort: "asc", nulls: "first" } }, { createdAt: "desc" }],
  });
  const keys: JWK[] = [];
  for (const row of rows) {
    const plain = decryptAtRest({ ciphertext: row.privateCiphertext, keyId: row.privateKeyId }, context(row.id));
    if (plain) keys.push(JSON.parse(plain) as JWK);
  }
  return { keys, fingerprint: rows.map((row) => `${row.id}:${row.retiredAt?.getTime() ?? ""}`).join(",") };
}

/** What decides which keys the provider holds: cheap enough to compare every minute. */
export async function signingKeysFingerprint(db: Db, now = new Date()): Promise<string> {
  return (await providerJwks(db, now)).fingerprint;
}

/** Rotation (operator action or `npm run oidc:keys -- rotate`): a new key signs from now on, the others retire. */
export async function rotateSigningKeys(db: Db, author: AuditAuthor = SYSTEM_ACTOR, operation: OperationContext = {}): Promise<string> {
  const now = operation.now ?? new Date();
  return db.$transaction(async (tx) => {
    const retired = await tx.oidcSigningKey.updateMany({ where: { retiredAt: null }, data: { retiredAt: now } });
    const kid = await createKey(tx, now);
    // Keys retired long enough ago have nothing left to verify.
    await tx.oidcSigningKey.deleteMany({ where: { retiredAt: { lt: new Date(now.getTime() - RETIRED_KEY_KEPT_MS) } } });
    await recordAuditEvent(tx, {
      actor: author,
      action: "oidc.keys_rotated",
      target: { type: "oidc_signing_key", id: kid },
      details: { retired: retired.count },
      ipAddress: operation.ipAddress,
      at: now,
    });
    return kid;
  });
}

/** The keys as the operator's catalogue page shows them (never the private half). */
export async function signingKeysSummary(db: Db, now = new Date()) {
  const rows = await db.oidcSigningKey.findMany({
    where: { OR: [{ retiredAt: null }, { retiredAt: { gt: new Date(now.getTime() - RETIRED_KEY_KEPT_MS) } }] },
    select: { id: true, createdAt: true, retiredAt: true },
    orderBy: { createdAt: "desc" },
  });
  return { current: rows.find((row) => !row.retiredAt) ?? null, retiredStillPublished: rows.filter((row) => row.retiredAt).length };
}
