// Who is calling, for rate limits and the audit log.
import "server-only";
import { headers } from "next/headers";
import { CLIENT_ADDRESS_HEADER, clientAddressKey, verifyClientAddress } from "./security/client-address.mjs";

const UNKNOWN = "inconnue";

/**
 * The client's address from a request's headers (SEC-2). In production only the address our
 * own server resolved from the connection and signed for this process is believed
 * (scripts/next-server.mjs, lib/security/client-address.mjs): a header a client wrote, signed
 * or not, is ignored and the request counts as "inconnue" (one shared bucket, so nobody can
 * spread attempts over invented addresses). Under `next dev` and in tests there is no such
 * server: the left-most X-Forwarded-For, which Next.js fills from the connection when absent.
 */
export function clientAddressFrom(list: Headers, options: { production: boolean; key: Buffer | undefined }): string {
  const signed = verifyClientAddress(list.get(CLIENT_ADDRESS_HEADER), options.key);
  if (signed) return signed.slice(0, 64);
  if (options.production) return UNKNOWN;
  const forwarded = list.get("x-forwarded-for")?.split(",")[0]?.trim();
  return (forwarded || UNKNOWN).slice(0, 64);
}

export async function clientAddress(): Promise<string> {
  return clientAddressFrom(await headers(), { production: process.env.NODE_ENV === "production", key: clientAddressKey() });
}

/**
 * Checked when the Next.js server starts: in production the app must be served by
 * scripts/next-server.mjs (`npm start`), the only process that knows the connection's
 * address. Under plain `next start` every request would count as "inconnue".
 */
export function assertClientAddressesKnown(options: { production: boolean; key: Buffer | undefined }): void {
  if (options.production && !options.key) {
    throw new Error(
      "Configuration invalide :\n  - Le portail doit être servi par `npm start` (scripts/next-server.mjs) en production : " +
        "`next start` seul ne connaît pas l'adresse des clients, et les limites par adresse (SEC-2) ne tiendraient pas.",
    );
  }
}

export async function userAgent(): Promise<string | null> {
  return (await headers()).get("user-agent")?.slice(0, 300) ?? null;
}
