// Changes to a session token (switching account, keeping the current session after a
// password change) go through Auth.js's "update" trigger, which a browser can also call
// with any data. The server therefore signs what it allows: the jwt callback accepts only
// a ticket signed with AUTH_SECRET and less than a minute old.
import { hmac, safeEqual } from "../security/secrets";

export interface SessionTicket {
  accountId: string;
  sessionVersion: number;
  unlockedAccountIds: string[];
  /** Set when the token moves to another sign-in row (switching account, SEC-7); absent, the row stays. */
  authSessionId?: string;
  expiresAt: number;
}

function secret(): string {
  const value = process.env.AUTH_SECRET;
  if (!value) throw new Error("AUTH_SECRET manquant");
  return value;
}

export function signSessionTicket(ticket: Omit<SessionTicket, "expiresAt">, now = Date.now()): string {
  const payload = Buffer.from(JSON.stringify({ ...ticket, expiresAt: now + 60_000 })).toString("base64url");
  return `${payload}.${hmac(secret(), payload)}`;
}

export function verifySessionTicket(value: unknown, now = Date.now()): SessionTicket | null {
  if (typeof value !== "string") return null;
  const [payload, signature] = value.split(".");
  if (!payload || !signature || !safeEqual(hmac(secret(), payload), signature)) return null;
  try {
    const ticket = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as SessionTicket;
    return ticket.expiresAt > now ? ticket : null;
  } catch {
    return null;
  }
}
