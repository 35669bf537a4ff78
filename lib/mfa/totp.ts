// MFA-1: authenticator-app codes (RFC 6238: 30-second steps, 6 digits, HMAC-SHA-1, which is
// what the common apps expect), computed by `otpauth`. The key is shown once as a QR code and
// as text; the server keeps it encrypted at rest (lib/security/encryption.ts), bound to its
// account, because the verifier needs it again, so it cannot be hashed.
import * as OTPAuth from "otpauth";
import { decryptAtRest, encryptAtRest, type EncryptedValue } from "../security/encryption";

export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
/** One step either side: a phone's clock a little off, or a code typed as it changes. */
export const TOTP_WINDOW = 1;
const ISSUER = "Portail e-services";

/** A new random key (160 bits, RFC 4226's recommended length), in base32 as apps show it. */
export function newTotpKey(): string {
  return new OTPAuth.Secret({ size: 20 }).base32;
}

function totp(key: string, label = ""): OTPAuth.TOTP {
  return new OTPAuth.TOTP({
    issuer: ISSUER,
    label,
    algorithm: "SHA1",
    digits: TOTP_DIGITS,
    period: TOTP_PERIOD_SECONDS,
    secret: OTPAuth.Secret.fromBase32(key),
  });
}

/** The otpauth:// address the QR code carries. */
export function totpUri(key: string, identifier: string): string {
  return totp(key, identifier).toString();
}

/** The key grouped by four, easier to type into an app by hand. */
export function formatTotpKey(key: string): string {
  return key.replace(/(.{4})(?=.)/g, "$1 ");
}

export function timeStep(at: Date): number {
  return Math.floor(at.getTime() / 1000 / TOTP_PERIOD_SECONDS);
}

/**
 * The time step whose code this is (within the window around `now`), or null. The caller
 * accepts it only if the step is later than the last one accepted: a code is used once.
 */
export function matchingStep(key: string, code: string, now: Date): number | null {
  const token = code.replace(/\s+/g, "");
  if (!/^\d{6}$/.test(token)) return null;
  const delta = totp(key).validate({ token, timestamp: now.getTime(), window: TOTP_WINDOW });
  return delta === null ? null : timeStep(now) + delta;
}

/** The code of a moment: for tests and the demo fixture only; the portal never shows codes. */
export function totpCode(key: string, at: Date): string {
  return totp(key).generate({ timestamp: at.getTime() });
}

function context(accountId: string): string {
  return `mfa_totp_secrets:${accountId}`;
}

export function encryptTotpKey(key: string, accountId: string): EncryptedValue {
  return encryptAtRest(key, context(accountId));
}

export function decryptTotpKey(value: EncryptedValue, accountId: string): string | null {
  return decryptAtRest(value, context(accountId));
}
