// The confirmation code printed on the letter to the legal representative (LR-2): 12
// characters from an alphabet without look-alikes (no 0/O, 1/I/L), grouped by four
// (K7QM-3XRT-9PWA): 31 symbols, log2(31^12) ≈ 59.4 bits. Only its keyed hash is stored
// (security/secrets.ts): without the server's key, a copy of the database cannot be used to
// try the 2^59 codes offline.
import { randomInt } from "node:crypto";
import { hashSecret, legacySecretHash, safeEqual } from "../security/secrets";

export const CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
export const CODE_LENGTH = 12;
export const CODE_ENTROPY_BITS = CODE_LENGTH * Math.log2(CODE_ALPHABET.length);

export function generateConfirmationCode(): string {
  let code = "";
  for (let index = 0; index < CODE_LENGTH; index += 1) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return formatCode(code);
}

export function formatCode(code: string): string {
  return normalizeCode(code).match(/.{1,4}/g)?.join("-") ?? "";
}

/** Case, spaces and hyphens do not matter when the code is typed (LR-3). */
export function normalizeCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]+/g, "");
}

export function hashConfirmationCode(code: string): string {
  return hashSecret(normalizeCode(code));
}

export function confirmationCodeMatches(input: string, storedHash: string): boolean {
  // Letters posted before codes were hashed with a key carry codes stored as plain SHA-256;
  // they stay valid until they expire (60 days, LR-4). Accepting that form for a keyed row
  // would take a SHA-256 preimage of an HMAC: it opens nothing.
  const keyed = safeEqual(hashConfirmationCode(input), storedHash);
  const legacy = safeEqual(legacySecretHash(normalizeCode(input)), storedHash);
  return keyed || legacy;
}

/** What binds a request's encrypted code to that request (AES-GCM additional data). */
export function adminRequestCodeContext(requestNumber: string): string {
  return `admin-request-code:${requestNumber}`;
}

/** Request numbers: not secret, but random so that they cannot be walked through. */
export function generateRequestNumber(): string {
  const digits = Array.from({ length: 8 }, () => randomInt(10)).join("");
  return `DA-${digits.slice(0, 4)}-${digits.slice(4)}`;
}

export function normalizeRequestNumber(input: string): string {
  const digits = input.toUpperCase().replace(/[^0-9]/g, "");
  return digits.length === 8 ? `DA-${digits.slice(0, 4)}-${digits.slice(4)}` : input.trim().toUpperCase();
}
