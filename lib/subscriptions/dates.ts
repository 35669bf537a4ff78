// Calendar days of subscriptions (ADM-1): a subscription runs from its start day to its end
// day inclusive, both PostgreSQL `date`s, which Prisma hands over as UTC midnights. "Today"
// is the day on Paris clocks, whatever the server's time zone.
//
// Pure module: no I/O, usable on the server and in the browser.

/** "YYYY-MM-DD" of the day shown on Paris clocks at `now`. */
export function parisDayKey(now: Date = new Date()): string {
  // en-CA formats as YYYY-MM-DD; Intl does the time-zone work (no hand-written DST rules).
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris", year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

/** The `@db.Date` value of a "YYYY-MM-DD" day: its UTC midnight. */
export function dayFromKey(key: string): Date {
  return new Date(`${key}T00:00:00.000Z`);
}

/** "YYYY-MM-DD" of a `@db.Date` value. */
export function keyOfDay(day: Date): string {
  return day.toISOString().slice(0, 10);
}

/** Today in Paris, as a `@db.Date` value. */
export function parisToday(now: Date = new Date()): Date {
  return dayFromKey(parisDayKey(now));
}

const FRENCH_DAY = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeZone: "UTC" });

/** "12 mars 2027" for a `@db.Date` value. */
export function formatDay(day: Date): string {
  return FRENCH_DAY.format(day);
}

/** A real calendar day written "YYYY-MM-DD" (rejects 2027-02-30). */
export function isValidDayKey(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const day = dayFromKey(value);
  return !Number.isNaN(day.getTime()) && keyOfDay(day) === value;
}
