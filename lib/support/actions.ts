"use server";

// Entry points of the assistance forms (HELP-2, LIFE-4): parse (zod), authorize on the
// server, call the service. The requester's replies are checked against the session's
// account or the private link; the operator's actions require an operator.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { refusal } from "../accounts/refusal";
import { requireOperator } from "../auth/guards";
import { currentViewer, requireViewer } from "../auth/viewer";
import { db } from "../db";
import { errorState, parseForm, submittedValues, type FormState } from "../forms";
import { clientAddress } from "../request-context";
import { ticketOfAccount, ticketOfLink } from "./queries";
import { reactivateRequesterAccount } from "./reactivate-requester-account";
import { reactivationSchema, ticketIdSchema, ticketMessageSchema, ticketRequestSchema } from "./schemas";
import { addRequesterMessage, createTicket, handleTicket } from "./tickets";

export async function submitTicketAction(_previous: FormState<{ number: string }>, formData: FormData): Promise<FormState<{ number: string }>> {
  const parsed = parseForm(ticketRequestSchema, formData);
  if (!parsed.ok) return parsed.state;
  const viewer = await currentViewer();
  try {
    const ticket = await createTicket(db, parsed.data, { viewer, ipAddress: await clientAddress() });
    return {
      status: "success",
      message: `Votre demande n° ${ticket.number} est enregistrée. Un accusé de réception vient de partir à ${parsed.data.contactEmail}.`,
      result: { number: ticket.number },
    };
  } catch (error) {
    return refusal(error, submittedValues(formData));
  }
}

const replySchema = ticketMessageSchema.extend({ ticketId: ticketIdSchema });

/** A reply from "Mon espace": only to a ticket made from the signed-in account. */
export async function replyAsAccountAction(_previous: FormState<object>, formData: FormData): Promise<FormState<object>> {
  const viewer = await requireViewer("/espace");
  const parsed = parseForm(replySchema, formData);
  if (!parsed.ok) return parsed.state;
  const ticket = await ticketOfAccount(db, viewer.accountId, parsed.data.ticketId);
  // Another person's ticket and an unknown one get the same answer.
  if (!ticket) return errorState("Cette demande d'assistance n'existe pas.");
  try {
    await addRequesterMessage(db, { ticketId: ticket.id, body: parsed.data.body, authorId: viewer.accountId });
  } catch (error) {
    return refusal(error, submittedValues(formData));
  }
  revalidatePath(`/espace/demandes/${ticket.id}`);
  return { status: "success", message: "Votre message est ajouté à la demande.", result: {} };
}

const linkReplySchema = ticketMessageSchema.extend({ token: z.string().max(200) });

/** A reply through the private link of the acknowledgement: the link is the credential. */
export async function replyByLinkAction(_previous: FormState<object>, formData: FormData): Promise<FormState<object>> {
  const parsed = parseForm(linkReplySchema, formData);
  if (!parsed.ok) return parsed.state;
  const ticket = await ticketOfLink(db, parsed.data.token);
  if (!ticket) return errorState("Ce lien de suivi n'est pas ou plus valable.");
  const viewer = await currentViewer();
  try {
    await addRequesterMessage(db, { ticketId: ticket.id, body: parsed.data.body, authorId: viewer && viewer.accountId === ticket.accountId ? viewer.accountId : null });
  } catch (error) {
    return refusal(error, submittedValues(formData));
  }
  revalidatePath(`/aide/demande/${parsed.data.token}`);
  return { status: "success", message: "Votre message est ajouté à la demande.", result: {} };
}

const operatorSchema = z.object({
  ticketId: ticketIdSchema,
  action: z.enum(["answer", "close", "reopen"], { error: "Action inconnue." }),
  body: z.string().trim().max(5_000, "5000 caractères au plus.").optional(),
});

const DONE = {
  answer: "Votre réponse est envoyée par courriel à la personne.",
  close: "La demande est close.",
  reopen: "La demande est rouverte.",
} as const;

export async function operatorTicketAction(_previous: FormState<object>, formData: FormData): Promise<FormState<object>> {
  const operator = await requireOperator("/operateur/assistance");
  const parsed = parseForm(operatorSchema, formData);
  if (!parsed.ok) return parsed.state;
  try {
    await handleTicket(db, operator, parsed.data, { ipAddress: await clientAddress() });
  } catch (error) {
    return refusal(error, submittedValues(formData));
  }
  revalidatePath(`/operateur/assistance/${parsed.data.ticketId}`);
  return { status: "success", message: DONE[parsed.data.action], result: {} };
}

export async function reactivateRequesterAccountAction(_previous: FormState<object>, formData: FormData): Promise<FormState<object>> {
  const operator = await requireOperator("/operateur/assistance");
  const parsed = parseForm(reactivationSchema, formData);
  if (!parsed.ok) return parsed.state;
  try {
    const outcome = await reactivateRequesterAccount(db, operator, parsed.data, { ipAddress: await clientAddress() });
    revalidatePath(`/operateur/assistance/${parsed.data.ticketId}`);
    return {
      status: "success",
      message:
        outcome === "reactivated"
          ? "Le compte est réactivé, sans ses anciennes permissions ; la personne en est informée par courriel."
          : "Le compte n'a pas d'adresse vérifiée : un nouveau lien d'activation est envoyé à la personne.",
      result: {},
    };
  } catch (error) {
    return refusal(error, submittedValues(formData));
  }
}
