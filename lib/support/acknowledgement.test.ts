// HELP-2: the acknowledgement rendered once per shape and filled per ticket is exactly the
// message a full React Email render gives, for every shape and for values the fast path
// must leave to the full render (line breaks, runs of spaces, characters HTML escapes).
import { describe, expect, it } from "vitest";
import { renderEmail } from "../mail/render";
import type { TicketReceivedEmailData } from "../mail/templates";
import { renderTicketAcknowledgement } from "./acknowledgement";

const base: TicketReceivedEmailData = {
  number: "A-2026-000123",
  identifier: null,
  organisationName: null,
  categoryLabel: "Accès à un e-service",
  message: null,
  contextLine: null,
  followUrl: "https://portail.test/aide/demande/abcDEF123_-x",
};

const cases: [string, TicketReceivedEmailData][] = [
  ["anonymous", base],
  ["anonymous, another ticket of the same shape", { ...base, number: "A-2026-000124", followUrl: "https://portail.test/aide/demande/zz9" }],
  ["dashboard context", { ...base, contextLine: "Tableau de bord : Portail — période : 30 derniers jours" }],
  [
    "own address, quoted",
    { ...base, identifier: "claire-martin", organisationName: "Commune de Saint-Étienne", message: "Je n'arrive pas à ouvrir <l'e-service> & \"la suite\"" },
  ],
  ["own address, a message on two lines", { ...base, identifier: "claire-martin", organisationName: null, message: "Première ligne\nDeuxième  ligne" }],
];

describe("HELP-2 the ticket acknowledgement's fast rendering", () => {
  it.each(cases)("%s: same subject, HTML, text and links as a full render", async (_, data) => {
    expect(await renderTicketAcknowledgement(data)).toEqual(await renderEmail({ template: "ticket-received", data }));
  });
});
