"use server";

// The invitations page's actions (DEP-3). The organisation is the administrator's or deputy's (DEP-1), from the
// session; the account named by a re-send or a withdrawal is checked to be one of its
// pending invitations by the service.
import { defineAction } from "../actions/define-action";
import { formatDay } from "../calendar";
import { db } from "../db";
import { invitePerson, resendInvitation, withdrawInvitation } from "./invite-person";
import { invitationTargetSchema, inviteFormInput, inviteSchema, withdrawSchema } from "./schemas";

const PAGE = "/administration/invitations";

export const inviteAction = defineAction({
  guard: "organisationManager",
  returnTo: PAGE,
  schema: inviteSchema,
  input: inviteFormInput,
  run: (input, { actor, context }) => invitePerson(db, actor, input, context),
  revalidate: [PAGE],
  success: (result) =>
    result.opensOn
      ? `Invitation enregistrée : le compte ${result.identifier} est créé, et le courriel de bienvenue partira le ${formatDay(result.opensOn)} à ${result.email}.`
      : `Invitation envoyée à ${result.email} : le compte ${result.identifier} est créé, la personne choisira son mot de passe avec le lien reçu.`,
});

export const resendInvitationAction = defineAction({
  guard: "organisationManager",
  returnTo: PAGE,
  schema: invitationTargetSchema,
  hiddenFields: { accountId: true },
  run: (input, { actor, context }) => resendInvitation(db, actor, input, context),
  success: (result) => `Invitation renvoyée à ${result.email} : seul le nouveau lien fonctionne.`,
});

export const withdrawInvitationAction = defineAction({
  guard: "organisationManager",
  returnTo: PAGE,
  schema: withdrawSchema,
  hiddenFields: { accountId: true, confirm: true },
  run: (input, { actor, context }) => withdrawInvitation(db, actor, input, context),
  // No revalidation (nor for a re-send): the row stays on screen with its confirmation in
  // place of the buttons; the list is fresh again at the next visit.
  success: (result) => `Invitation retirée : le compte ${result.identifier} est supprimé et son lien ne fonctionne plus.`,
});
