// What the print queue's history says of a letter (LR-6, issue 16 item 3): the letter's own
// fate (posted, or withdrawn before printing) and, once its request is settled, how it
// ended, instead of one "Annulé" for every withdrawn letter. Pure.
import type { AdminRequestStatus, LetterStatus } from "../generated/prisma/enums";

export const REQUEST_OUTCOME_LABELS: Record<AdminRequestStatus, string> = {
  PENDING: "En attente du représentant légal",
  CONFIRMED: "Confirmé",
  SUPERSEDED: "Remplacé",
  EXPIRED: "Expiré",
  LOCKED: "Verrouillé",
  CANCELLED: "Retiré par le demandeur",
};

/** "Posté · Confirmé", "Non imprimé · Remplacé"… */
export function letterHistoryStatus(letter: { status: LetterStatus; requestStatus: AdminRequestStatus }): string {
  const outcome = REQUEST_OUTCOME_LABELS[letter.requestStatus];
  if (letter.status === "POSTED") return `Posté · ${outcome}`;
  if (letter.status === "CANCELLED") return `Non imprimé · ${outcome}`;
  return `À imprimer · ${outcome}`;
}

/** Why a queued letter's address may not reach its recipient: empty when it is complete. */
export function addressProblems(organisation: { addressStreet: string | null; addressPostalCode: string | null; addressCity: string | null }): string[] {
  const problems: string[] = [];
  if (!organisation.addressStreet?.trim()) problems.push("pas de numéro ni de voie");
  if (!/^\d{5}$/.test(organisation.addressPostalCode?.trim() ?? "")) problems.push("code postal absent ou invalide");
  if (!organisation.addressCity?.trim()) problems.push("localité absente");
  return problems;
}
