// Period keys of scheduled jobs, in Europe/Paris: a daily job runs once per French
// calendar day whatever the servers' time zone.
export type Period = "minute" | "hour" | "day";

const parts = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/Paris",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

export function parisParts(date: Date): { year: string; month: string; day: string; hour: string; minute: string } {
  const map = Object.fromEntries(parts.formatToParts(date).map((part) => [part.type, part.value]));
  return { year: map.year, month: map.month, day: map.day, hour: map.hour, minute: map.minute };
}

/** "2026-11-22" for a daily job, "2026-11-22T19" hourly, "2026-11-22T19:05" every minute. */
export function periodKey(date: Date, period: Period): string {
  const { year, month, day, hour, minute } = parisParts(date);
  const dayKey = `${year}-${month}-${day}`;
  if (period === "day") return dayKey;
  if (period === "hour") return `${dayKey}T${hour}`;
  return `${dayKey}T${hour}:${minute}`;
}
