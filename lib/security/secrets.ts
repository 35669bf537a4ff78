// Random secrets for links and codes (SEC-5): generated with crypto, stored as SHA-256
// hashes, compared in constant time.
import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/** A URL-safe random secret (256 bits by default). */
export function newSecret(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}

export function hashSecret(secret: string): string {
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
