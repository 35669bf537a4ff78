// A reference to a record that the browser may hold and send back, signed with AUTH_SECRET
// so that it cannot be forged for another record, and valid for a limited time.
import { hmac, safeEqual } from "./secrets";

function secret(): string {
  const value = process.env.AUTH_SECRET;
  if (!value) throw new Error("AUTH_SECRET manquant");
  return value;
}

export function signReference(purpose: string, id: string, ttlMs: number, now = Date.now()): string {
  const body = `${id}.${(now + ttlMs).toString(36)}`;
  return `${body}.${hmac(secret(), `${purpose}:${body}`)}`;
}

export function verifyReference(purpose: string, reference: unknown, now = Date.now()): string | null {
  if (typeof reference !== "string" || reference.length > 200) return null;
  const [id, expiry, signature] = reference.split(".");
  if (!id || !expiry || !signature) return null;
  if (!safeEqual(hmac(secret(), `${purpose}:${id}.${expiry}`), signature)) return null;
  return parseInt(expiry, 36) > now ? id : null;
}
