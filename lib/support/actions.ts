"use server";

// Entry points of the assistance forms (HELP-2, LIFE-4): anybody may ask for help; the
// requester's replies are checked against the session's account or the private link; the
// operator's actions require an operator.
import { z } from "zod";
import { defineAction } from "../actions/define-action";
import { db } from "../db";
import type { FormState } from "../forms";
import { reactivateRequesterAccount } from "./reactivate-requester-account";
import { reactivationSchema, ticketIdSchema, ticketMessageSchema, ticketRequestSchema } from "./schemas";
import { replyAsAccount, replyByLink } from "./reply-to-ticket";
import { createTicket, handleTicket } from "./tickets";

export const submitTicketAction = defineAction({
  guard: "anonymous",
  schema: ticketRequestSchema,
  run: (input, { actor, context }) => createTicket(db, actor, input, context),
  answer: (ticket, input): FormState<{ number: string }> => ({
    status: "success",
    message: `Votre demande n° ${ticket.number} est enregistrée. Un accusé de réception vient de partir à ${input.contactEmail}.`,
    result: { number: ticket.number },
  }),
});

export const replyAsAccountAction = defineAction({
  guard: "account",
  schema: ticketMessageSchema.extend({ ticketId: ticketIdSchema }),
  hiddenFields: { ticketId: "Cette demande d'assistance n'existe pas." },
  run: (input, { actor, context }) => replyAsAccount(db, actor, input, context),
  revalidate: (_input, ticketId) => [`/espace/demandes/${ticketId}`],
  success: () => "Votre message est ajouté à la demande.",
});

export const replyByLinkAction = defineAction({
  guard: "anonymous",
  schema: ticketMessageSchema.extend({ token: z.string().max(200) }),
  hiddenFields: { token: "Ce lien de suivi n'est pas ou plus valable." },
  run: (input, { actor, context }) => replyByLink(db, actor, input, context),
  revalidate: (input) => [`/aide/demande/${input.token}`],
  success: () => "Votre message est ajouté à la demande.",
});

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

export const operatorTicketAction = defineAction({
  guard: "operator",
  returnTo: "/operateur/assistance",
  schema: operatorSchema,
  hiddenFields: { ticketId: true, action: true },
  run: (input, { actor, context }) => handleTicket(db, actor, input, context),
  revalidate: (input) => [`/operateur/assistance/${input.ticketId}`],
  success: (_result, input) => DONE[input.action],
});

export const reactivateRequesterAccountAction = defineAction({
  guard: "operator",
  returnTo: "/operateur/assistance",
  schema: reactivationSchema,
  run: (input, { actor, context }) => reactivateRequesterAccount(db, actor, input, context),
  revalidate: (input) => [`/operateur/assistance/${input.ticketId}`],
  success: (outcome) =>
    outcome === "reactivated"
      ? "Le compte est réactivé, sans ses anciennes permissions ; la personne en est informée par courriel."
      : "Le compte n'a pas d'adresse vérifiée : un nouveau lien d'activation est envoyé à la personne.",
});
