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

// A bound on what is hashed for a forged value; room for a reference to an organisation and a
// 254-character e-mail address (the registration's resend, SEC-8).
const MAX_REFERENCE_LENGTH = 600;

export function verifyReference(purpose: string, reference: unknown, now = Date.now()): string | null {
  if (typeof reference !== "string" || reference.length > MAX_REFERENCE_LENGTH) return null;
  const [id, expiry, signature] = reference.split(".");
  if (!id || !expiry || !signature) return null;
  if (!safeEqual(hmac(secret(), `${purpose}:${id}.${expiry}`), signature)) return null;
  return parseInt(expiry, 36) > now ? id : null;
}
