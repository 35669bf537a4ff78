// Read models of the dev mailbox (MAIL-2): the outbox, newest first. Only reachable through
// pages and routes that check devMailboxEnabled() first (the mailbox has no other scope:
// it exists only on development and test servers).
import "server-only";
import { db } from "../db";
import type { EmailStatus } from "../generated/prisma/client";

export const MAILBOX_LIMIT = 200;

export interface MailboxMessage {
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  links: string[];
  template: string;
  status: EmailStatus;
  createdAt: Date;
}

/** At most 200 messages, newest first; only those sent to `to` (any case) when given. */
export function listMailboxMessages(filter: { to?: string } = {}): Promise<MailboxMessage[]> {
  const to = filter.to?.trim().toLowerCase();
  return db.outboxEmail.findMany({
    // enqueueEmail stores addresses lower-cased: an equality keeps the (to, createdAt) index.
    where: to ? { to } : undefined,
    select: { id: true, to: true, subject: true, text: true, html: true, links: true, template: true, status: true, createdAt: true },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: MAILBOX_LIMIT,
  });
}

/** One message's HTML, to look at it as a mail client would. */
export async function findMailboxHtml(id: string): Promise<string | null> {
  const row = await db.outboxEmail.findUnique({ where: { id }, select: { html: true } });
  return row?.html ?? null;
}
