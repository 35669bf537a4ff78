// Dates as written in a French letter: the portal's one date style (lib/calendar.ts).
import { formatDate } from "../calendar";

/** "22 novembre 2026"; the first day of a month is written "1er" ("1er mars 2027"). */
export function formatFrenchLongDate(date: Date): string {
  return formatDate(date);
}

/** The date line of a letter: "Le 22 novembre 2026". */
export function formatLetterDateLine(date: Date): string {
  return `Le ${formatFrenchLongDate(date)}`;
}
