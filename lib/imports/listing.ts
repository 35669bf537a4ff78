// BULK-4: the listing of an import's accounts (CSV or PDF): identifier, names, e-mail and
// activation status. Never a password: the accounts have none the portal could show.
import { CSV_BOM, csvLine } from "../spreadsheet-csv";
import type { ListingEntry } from "./queries";
import { formatDate, formatDay } from "../calendar";


export const LISTING_OUTCOME_LABELS: Record<string, string> = { CREATED: "créé", UPDATED: "mis à jour", UNCHANGED: "inchangé" };

/** Where the person stands with their activation. */
export function activationStatus(entry: Pick<ListingEntry, "status" | "openingDate" | "welcomeSentAt">): string {
  switch (entry.status) {
    case "ACTIVE":
      return "activé";
    case "PENDING_VALIDATION":
      return "adresse confirmée, en attente de validation";
    case "DEACTIVATED":
      return "désactivé";
    default:
      if (entry.welcomeSentAt) return `lien envoyé le ${formatDate(entry.welcomeSentAt)}, pas encore activé`;
      if (entry.openingDate) return `ouverture prévue le ${formatDay(entry.openingDate)}`;
      return "courriel de bienvenue en préparation";
  }
}

export const LISTING_HEADER = ["Ligne", "Résultat", "Identifiant", "Prénom", "Nom", "Adresse électronique", "État d'activation"];

export function listingRows(entries: ListingEntry[]): string[][] {
  return entries.map((entry) => [
    String(entry.rowNumber),
    LISTING_OUTCOME_LABELS[entry.outcome] ?? entry.outcome,
    entry.identifier,
    entry.firstName,
    entry.lastName,
    entry.email,
    activationStatus(entry),
  ]);
}

/** Semicolon-separated, UTF-8 with BOM: what French spreadsheet software opens as is. */
export function listingCsv(entries: ListingEntry[]): string {
  return CSV_BOM + [LISTING_HEADER, ...listingRows(entries)].map(csvLine).join("");
}
