// The e-mail outbox (MAIL-1): a message is written in the same transaction as the change
// that causes it, and sent later by the deliver-outbox task. A rolled-back change leaves no
// message; a provider outage only delays it.
import "server-only";
import type { Db } from "../db";
import type { EmailPriority, Prisma } from "../generated/prisma/client";
import { renderEmail, type RenderedEmail, type RenderOptions } from "./render";
import type { EmailMessage } from "./templates";

export type { EmailMessage, TemplateDataMap, TemplateName } from "./templates";

/**
 * Renders `message` and queues it for `to`. Pass the transaction of the change that causes
 * the e-mail (`db.$transaction(async (tx) => { …; await enqueueEmail(tx, …) })`); pass `db`
 * only when the e-mail is the whole change. Returns the id of the outbox row.
 */
export async function enqueueEmail(
  tx: Prisma.TransactionClient | Db,
  to: string,
  message: EmailMessage,
  options: RenderOptions & { priority?: EmailPriority } = {},
): Promise<string> {
  const address = normaliseAddress(to);
  const rendered = await renderEmail(message, options);
  const row = await tx.outboxEmail.create({
    data: {
      to: address,
      subject: rendered.subject,
      text: rendered.text,
      html: rendered.html,
      links: rendered.links,
      template: message.template,
      // Every message a person waits for (links, codes, tickets, decisions, notices) is
      // transactional; only import welcomes are queued as BULK (lib/imports/welcome.ts).
      priority: options.priority ?? "TRANSACTIONAL",
    },
    select: { id: true },
  });
  return row.id;
}

export interface PreparedEmail {
  to: string;
  template: string;
  rendered: RenderedEmail;
}

/**
 * Queues many messages rendered beforehand (bulk-template.ts), in one statement. `priority`
 * BULK is claimed after every due transactional message: for mass mailings such as import
 * welcomes, which no one is waiting for at that very minute.
 */
export async function enqueuePreparedEmails(
  tx: Prisma.TransactionClient | Db,
  emails: PreparedEmail[],
  priority: EmailPriority,
): Promise<number> {
  if (!emails.length) return 0;
  const { count } = await tx.outboxEmail.createMany({
    data: emails.map(({ to, template, rendered }) => ({
      to: normaliseAddress(to),
      subject: rendered.subject,
      text: rendered.text,
      html: rendered.html,
      links: rendered.links,
      template,
      priority,
    })),
  });
  return count;
}

/** Addresses are stored trimmed and lower-cased, as accounts store them. */
export function normaliseAddress(address: string): string {
  const normalised = address.trim().toLowerCase();
  if (!/^[^\s@]+@[^\s@]+$/.test(normalised)) throw new Error(`enqueueEmail: invalid recipient address "${address}"`);
  return normalised;
}
