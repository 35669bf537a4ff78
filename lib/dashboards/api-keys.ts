// API keys of the e-services (DASH-1): an e-service pushes its figures with a key that an
// operator created for it. The key is shown once; the database keeps its keyed hash
// (HMAC-SHA256 with the server's key, security/secrets.ts) and a public prefix to tell keys
// apart. Creating, rotating and revoking are audited (ADM-5).
//
// Format: `pes_<prefix>_<secret>`: prefix 10 lower-case base32 characters (50 bits, unique),
// secret 32 random bytes in base64url (256 bits). A key is found by the hash of the whole
// key (unique index): no comparison of secrets happens in JavaScript, so there is no timing
// to measure, and the hash of a 256-bit secret cannot be reversed. A key created before
// hashes were keyed (plain SHA-256) is still recognised, and its row re-hashed with the key
// at its first use: e-services keep their keys, and the old form disappears as they push.
import "server-only";
import { randomBytes } from "node:crypto";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Db } from "../db";
import { UserError, type Actor, type OperationContext } from "../operation";
import { hashSecret, legacySecretHash } from "../security/secrets";

const KEY_PATTERN = /^pes_([a-z2-7]{10})_([A-Za-z0-9_-]{43})$/;
const BASE32 = "abcdefghijklmnopqrstuvwxyz234567";


export function hashApiKey(key: string): string {
  return hashSecret(key);
}

function newPrefix(): string {
  return [...randomBytes(10)].map((byte) => BASE32[byte % 32]).join("");
}

export function generateApiKey(): { key: string; prefix: string; keyHash: string } {
  const prefix = newPrefix();
  const key = `pes_${prefix}_${randomBytes(32).toString("base64url")}`;
  return { key, prefix, keyHash: hashApiKey(key) };
}

function assertOperator(actor: Actor) {
  // Authorization belongs to the callers (requireOperator); this only stops a wrong wiring.
  if (actor.role !== "OPERATOR") throw new Error(`API keys are managed by operators, not ${actor.role}`);
}

async function eServiceOf(db: Db, eServiceId: string) {
  const service = /^[0-9a-f-]{36}$/i.test(eServiceId)
    ? await db.eService.findUnique({ where: { id: eServiceId }, select: { id: true, name: true } })
    : null;
  if (!service) throw new UserError("Cet e-service n'existe pas ou plus : revenez au catalogue.");
  return service;
}

/** A new key for the e-service; the returned `key` is the only time it exists in clear. */
export async function createApiKey(db: Db, actor: Actor, eServiceId: string, context: OperationContext = {}) {
  assertOperator(actor);
  const service = await eServiceOf(db, eServiceId);
  const generated = generateApiKey();
  await db.$transaction(async (tx) => {
    const created = await tx.eServiceApiKey.create({
      data: { eServiceId: service.id, prefix: generated.prefix, keyHash: generated.keyHash, createdById: actor.accountId, createdAt: context.now },
    });
    await recordAuditEvent(tx, {
      actor,
      action: "e_service.api_key_created",
      target: { type: "e_service", id: service.id, label: service.name },
      details: { keyId: created.id, prefix: generated.prefix },
      ipAddress: context.ipAddress,
      at: context.now,
    });
  });
  return { key: generated.key, prefix: generated.prefix };
}

async function activeKeyOf(db: Db, eServiceId: string, keyId: string) {
  const key = /^[0-9a-f-]{36}$/i.test(keyId)
    ? await db.eServiceApiKey.findFirst({ where: { id: keyId, eServiceId }, select: { id: true, prefix: true, revokedAt: true } })
    : null;
  if (!key) throw new UserError("Cette clé n'existe pas pour cet e-service.");
  if (key.revokedAt) throw new UserError(`La clé ${key.prefix} est déjà révoquée.`);
  return key;
}

/** Revokes a key: the e-service's next call with it is refused. */
export async function revokeApiKey(db: Db, actor: Actor, eServiceId: string, keyId: string, context: OperationContext = {}) {
  assertOperator(actor);
  const service = await eServiceOf(db, eServiceId);
  const key = await activeKeyOf(db, service.id, keyId);
  const now = context.now ?? new Date();
  await db.$transaction(async (tx) => {
    // Guarded by revokedAt: two operators revoking at once record one revocation.
    const { count } = await tx.eServiceApiKey.updateMany({ where: { id: key.id, revokedAt: null }, data: { revokedAt: now } });
    if (count === 0) throw new UserError(`La clé ${key.prefix} est déjà révoquée.`);
    await recordAuditEvent(tx, {
      actor,
      action: "e_service.api_key_revoked",
      target: { type: "e_service", id: service.id, label: service.name },
      details: { keyId: key.id, prefix: key.prefix },
      ipAddress: context.ipAddress,
      at: now,
    });
  });
  return { prefix: key.prefix };
}

/** Replaces a key by a new one in one transaction: the old key stops working at once. */
export async function rotateApiKey(db: Db, actor: Actor, eServiceId: string, keyId: string, context: OperationContext = {}) {
  assertOperator(actor);
  const service = await eServiceOf(db, eServiceId);
  const old = await activeKeyOf(db, service.id, keyId);
  const now = context.now ?? new Date();
  const generated = generateApiKey();
  await db.$transaction(async (tx) => {
    const { count } = await tx.eServiceApiKey.updateMany({ where: { id: old.id, revokedAt: null }, data: { revokedAt: now } });
    if (count === 0) throw new UserError(`La clé ${old.prefix} est déjà révoquée.`);
    const created = await tx.eServiceApiKey.create({
      data: { eServiceId: service.id, prefix: generated.prefix, keyHash: generated.keyHash, createdById: actor.accountId, createdAt: now },
    });
    await recordAuditEvent(tx, {
      actor,
      action: "e_service.api_key_rotated",
      target: { type: "e_service", id: service.id, label: service.name },
      details: { oldKeyId: old.id, oldPrefix: old.prefix, keyId: created.id, prefix: generated.prefix },
      ipAddress: context.ipAddress,
      at: now,
    });
  });
  return { key: generated.key, prefix: generated.prefix, replacedPrefix: old.prefix };
}

export type KeyCheck =
  | { ok: true; keyId: string; eService: { id: string; slug: string; name: string; active: boolean } }
  | { ok: false; reason: "missing" | "invalid" | "revoked" | "withdrawn" };

/** The e-service a presented key belongs to, if the key is valid and not revoked. */
export async function authenticateApiKey(db: Db, presented: string | null | undefined, now: Date = new Date()): Promise<KeyCheck> {
  if (!presented) return { ok: false, reason: "missing" };
  if (!KEY_PATTERN.test(presented)) return { ok: false, reason: "invalid" };
  const select = { id: true, revokedAt: true, eService: { select: { id: true, slug: true, name: true, active: true } } } as const;
  const keyHash = hashApiKey(presented);
  let key = await db.eServiceApiKey.findUnique({ where: { keyHash }, select });
  let rehash = false;
  if (!key) {
    key = await db.eServiceApiKey.findUnique({ where: { keyHash: legacySecretHash(presented) }, select });
    rehash = key !== null;
  }
  if (!key) return { ok: false, reason: "invalid" };
  if (key.revokedAt) return { ok: false, reason: "revoked" };
  // A withdrawn e-service's figures would be stored and never shown.
  if (!key.eService.active) return { ok: false, reason: "withdrawn" };
  await db.eServiceApiKey.update({ where: { id: key.id }, data: { lastUsedAt: now, ...(rehash ? { keyHash } : {}) } });
  return { ok: true, keyId: key.id, eService: key.eService };
}
