// The requester's replies to their ticket (HELP-2): from "Mon espace" for a ticket made from
// the signed-in account, or through the private link of the acknowledgement.
import "server-only";
import type { Db } from "../db";
import { UserError, type Actor, type OperationContext } from "../operation";
import { ticketOfAccount, ticketOfLink } from "./queries";
import { addRequesterMessage } from "./tickets";

/** A reply from "Mon espace": only to a ticket made from the signed-in account. */
export async function replyAsAccount(db: Db, actor: Actor, input: { ticketId: string; body: string }, context: OperationContext = {}): Promise<string> {
  const ticket = await ticketOfAccount(db, actor.accountId, input.ticketId);
  // Another person's ticket and an unknown one get the same answer.
  if (!ticket) throw new UserError("Cette demande d'assistance n'existe pas.");
  await addRequesterMessage(db, { ticketId: ticket.id, body: input.body, authorId: actor.accountId }, context.now);
  return ticket.id;
}

/** A reply through the private link of the acknowledgement: the link is the credential. */
export async function replyByLink(db: Db, viewer: Actor | null, input: { token: string; body: string }, context: OperationContext = {}): Promise<void> {
  const ticket = await ticketOfLink(db, input.token);
  if (!ticket) throw new UserError("Ce lien de suivi n'est pas ou plus valable.");
  const authorId = viewer && viewer.accountId === ticket.accountId ? viewer.accountId : null;
  await addRequesterMessage(db, { ticketId: ticket.id, body: input.body, authorId }, context.now);
}

