// Dates as written in a French letter, in Europe/Paris whatever the server's time zone.
// Pure: no I/O.

const longDate = new Intl.DateTimeFormat("fr-FR", {
  timeZone: "Europe/Paris",
  day: "numeric",
  month: "long",
  year: "numeric",
});

/** "22 novembre 2026"; the first day of a month is written "1er" ("1er mars 2027"). */
export function formatFrenchLongDate(date: Date): string {
  return longDate
    .formatToParts(date)
    .map((part) => (part.type === "day" && part.value === "1" ? "1er" : part.value))
    .join("");
}

/** The date line of a letter: "Le 22 novembre 2026". */
export function formatLetterDateLine(date: Date): string {
  return `Le ${formatFrenchLongDate(date)}`;
}
