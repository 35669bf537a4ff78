// Who is calling, for rate limits and the audit log.
import "server-only";
import { headers } from "next/headers";

/**
 * The client's network address. Behind a reverse proxy, its X-Forwarded-For (the left-most
 * address it saw); Next.js sets the header itself when it is reached directly.
 */
export async function clientAddress(): Promise<string> {
  const list = await headers();
  const forwarded = list.get("x-forwarded-for")?.split(",")[0]?.trim();
  return (forwarded || list.get("x-real-ip") || "inconnue").slice(0, 64);
}

export async function userAgent(): Promise<string | null> {
  return (await headers()).get("user-agent")?.slice(0, 300) ?? null;
}
