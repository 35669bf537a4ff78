// Random secrets for links and codes (SEC-5): generated with crypto, stored as keyed hashes,
// compared in constant time.
//
// Stored hashes are HMAC-SHA256 under a server key, not bare SHA-256: a copy of the database
// alone no longer lets anyone test guesses offline. That matters for the letter's
// confirmation code (about 59 bits, within reach of a brute force against a plain hash); link
// tokens and API keys (256 bits) get the same treatment so there is one rule. The key is
// derived from AUTH_SECRET (HKDF-SHA256, its own label), so no new setting is needed; changing
// AUTH_SECRET therefore invalidates every stored link, code and API key, as it already ends
// every session.
import { createHash, createHmac, hkdfSync, randomBytes, timingSafeEqual } from "node:crypto";

/** A URL-safe random secret (256 bits by default). */
export function newSecret(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}

export function serverSecret(): string {
  const value = process.env.AUTH_SECRET;
  if (!value) throw new Error("AUTH_SECRET manquant : impossible de protéger les jetons et les codes");
  return value;
}

const derivedKeys = new Map<string, Buffer>();

/**
 * A 256-bit key for one use (`label`), derived from AUTH_SECRET with HKDF-SHA256: each use has
 * its own key, and none of them reveals AUTH_SECRET or another.
 */
export function derivedKey(label: string): Buffer {
  const secret = serverSecret();
  const cacheKey = `${label}\u0000${secret}`;
  let key = derivedKeys.get(cacheKey);
  if (!key) {
    key = Buffer.from(hkdfSync("sha256", secret, "portail-e-services", label, 32));
    derivedKeys.set(cacheKey, key);
  }
  return key;
}

/** The stored form of a token, code or API key: HMAC-SHA256 under the server's hashing key, hex. */
export function hashSecret(secret: string): string {
  return createHmac("sha256", derivedKey("hash-secrets:v1")).update(secret, "utf8").digest("hex");
}

/**
 * The unkeyed SHA-256 that stored hashes were before keyed hashes: only to recognise rows
 * written before (long-lived ticket links, API keys, codes of letters already posted).
 */
export function legacySecretHash(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, "utf8");
  const right = Buffer.from(b, "utf8");
  return left.length === right.length && timingSafeEqual(left, right);
}

export function hmac(key: string, value: string): string {
  return createHmac("sha256", key).update(value, "utf8").digest("base64url");
}
