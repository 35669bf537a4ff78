// MFA-1: passkeys and security keys, through @simplewebauthn/server. The relying party is the
// portal's host (WEBAUTHN_RP_ID / WEBAUTHN_ORIGIN, by default APP_URL's): a credential made
// for it answers no other site, which is what makes passkeys resist phishing.
import "server-only";
import type { AuthenticatorTransport, WebAuthnCredential as LibraryCredential } from "@simplewebauthn/server";
import { env } from "../env";

export const RP_NAME = "Portail e-services";

export function relyingParty(): { rpID: string; origin: string } {
  const { APP_URL, WEBAUTHN_RP_ID, WEBAUTHN_ORIGIN } = env();
  const url = new URL(APP_URL);
  return { rpID: WEBAUTHN_RP_ID ?? url.hostname, origin: WEBAUTHN_ORIGIN ?? url.origin };
}

const TRANSPORTS: readonly AuthenticatorTransport[] = ["ble", "hybrid", "internal", "nfc", "usb"];

export function knownTransports(values: readonly string[] | undefined): AuthenticatorTransport[] {
  return (values ?? []).filter((value): value is AuthenticatorTransport => (TRANSPORTS as readonly string[]).includes(value));
}

/** A stored row as the library wants it. */
export function libraryCredential(row: { credentialId: string; publicKey: Uint8Array; counter: bigint; transports: string[] }): LibraryCredential {
  return {
    id: row.credentialId,
    publicKey: new Uint8Array(row.publicKey),
    counter: Number(row.counter),
    transports: knownTransports(row.transports),
  };
}

/** A browser's JSON answer, parsed without trusting its shape (the library checks the rest). */
export function parseBrowserResponse<T>(json: string): T | null {
  try {
    const value = JSON.parse(json) as unknown;
    return value && typeof value === "object" && typeof (value as { id?: unknown }).id === "string" ? (value as T) : null;
  } catch {
    return null;
  }
}
