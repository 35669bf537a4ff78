// MFA-1: ten single-use recovery codes, for the day the phone and the keys are gone. Shown
// once; only their keyed hashes are stored (SEC-5, lib/security/secrets.ts).
import { randomInt } from "node:crypto";
import { hashSecret } from "../security/secrets";

export const RECOVERY_CODE_COUNT = 10;
// No 0/O, 1/I/L: read from paper and typed again without doubt. 31^10 ≈ 2^49 per code.
const ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
const LENGTH = 10;

/** A code as shown: two groups of five, e.g. "K7M2P-QX9RT". */
export function newRecoveryCode(): string {
  let code = "";
  for (let index = 0; index < LENGTH; index++) code += ALPHABET[randomInt(ALPHABET.length)];
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
}

/** What a person typed, as stored: case, spaces and dashes do not matter. */
export function normaliseRecoveryCode(input: string): string | null {
  const compact = input.toUpperCase().replace(/[\s-]+/g, "");
  if (compact.length !== LENGTH || [...compact].some((char) => !ALPHABET.includes(char))) return null;
  return compact;
}

export function looksLikeRecoveryCode(input: string): boolean {
  return normaliseRecoveryCode(input) !== null;
}

export function hashRecoveryCode(input: string): string | null {
  const normalised = normaliseRecoveryCode(input);
  return normalised && hashSecret(`recovery:${normalised}`);
}
