// Period keys of scheduled jobs, in Europe/Paris (lib/calendar.ts): a daily job runs once
// per French calendar day whatever the servers' time zone.
import { parisClock } from "../calendar";

export type Period = "minute" | "hour" | "day";

const two = (value: number) => String(value).padStart(2, "0");

/** "2026-11-22" for a daily job, "2026-11-22T19" hourly, "2026-11-22T19:05" every minute. */
export function periodKey(date: Date, period: Period): string {
  const { day, hour, minute } = parisClock(date);
  if (period === "day") return day;
  if (period === "hour") return `${day}T${two(hour)}`;
  return `${day}T${two(hour)}:${two(minute)}`;
}
