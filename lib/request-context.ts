// Who is calling, for rate limits and the audit log.
import "server-only";
import { headers } from "next/headers";
import { CLIENT_ADDRESS_HEADER } from "../scripts/client-address.mjs";

/**
 * The client's network address, as resolved from the connection by the production server
 * (scripts/next-server.mjs, TRUSTED_PROXIES). Under `next dev` there is no such server: the
 * left-most X-Forwarded-For, which Next.js fills from the connection when it is absent.
 */
export async function clientAddress(): Promise<string> {
  const list = await headers();
  const resolved = list.get(CLIENT_ADDRESS_HEADER);
  if (resolved) return resolved.slice(0, 64);
  const forwarded = list.get("x-forwarded-for")?.split(",")[0]?.trim();
  return (forwarded || "inconnue").slice(0, 64);
}

export async function userAgent(): Promise<string | null> {
  return (await headers()).get("user-agent")?.slice(0, 300) ?? null;
}
