// Periods of the dashboards (DASH-3) and the Paris calendar days they cover. Pure: shared by
// the page, the PDF export, the daily job and their tests.
//
// A "day" is a Europe/Paris calendar day, written "YYYY-MM-DD" and stored in `@db.Date`
// columns as midnight UTC of that day. The figures of a day are complete the next morning
// (the daily job computes yesterday), so every period ends yesterday.
import { TZDate } from "@date-fns/tz";

export const PERIODS = ["30j", "90j", "12m"] as const;
export type PeriodKey = (typeof PERIODS)[number];
export const DEFAULT_PERIOD: PeriodKey = "30j";

export const PERIOD_LABELS: Record<PeriodKey, string> = {
  "30j": "30 derniers jours",
  "90j": "90 derniers jours",
  "12m": "12 derniers mois",
};

/** `?periode=` as typed by anyone: anything unknown is the default period. */
export function parsePeriod(value: unknown): PeriodKey {
  const candidate = Array.isArray(value) ? value[0] : value;
  return PERIODS.includes(candidate as PeriodKey) ? (candidate as PeriodKey) : DEFAULT_PERIOD;
}

const DAY_MS = 86_400_000;

/** The Paris calendar day of an instant, as "YYYY-MM-DD". */
export function parisDay(instant: Date): string {
  const paris = new TZDate(instant.getTime(), "Europe/Paris");
  return isoDay(Date.UTC(paris.getFullYear(), paris.getMonth(), paris.getDate()));
}

function isoDay(utcMs: number): string {
  return new Date(utcMs).toISOString().slice(0, 10);
}

/** "YYYY-MM-DD" ± n days (civil arithmetic, no time zone involved). */
export function addDays(day: string, n: number): string {
  return isoDay(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS);
}

/** The `@db.Date` value of a day. */
export function dayToDate(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

/** The "YYYY-MM-DD" of a `@db.Date` value. */
export function dateToDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function isValidDay(day: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(day) && !Number.isNaN(Date.parse(`${day}T00:00:00Z`)) && isoDay(Date.parse(`${day}T00:00:00Z`)) === day;
}

export interface PeriodRange {
  period: PeriodKey;
  /** First day, inclusive. */
  from: string;
  /** Last day, inclusive: yesterday in Paris. */
  to: string;
  /** 30j and 90j are shown day by day, 12m month by month. */
  grouping: "day" | "month";
}

/** The days a period covers at `now`: N days ending yesterday, or the 12 months ending with yesterday's. */
export function periodRange(period: PeriodKey, now: Date = new Date()): PeriodRange {
  const to = addDays(parisDay(now), -1);
  if (period === "12m") {
    const [year, month] = to.split("-").map(Number);
    const from = isoDay(Date.UTC(year, month - 1 - 11, 1));
    return { period, from, to, grouping: "month" };
  }
  const length = period === "30j" ? 30 : 90;
  return { period, from: addDays(to, -(length - 1)), to, grouping: "day" };
}

/** Every day of a range, in order. */
export function daysOf(from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
  return days;
}

/** Every month ("YYYY-MM") of a range, in order. */
export function monthsOf(from: string, to: string): string[] {
  const months: string[] = [];
  let [year, month] = from.split("-").map(Number);
  const last = to.slice(0, 7);
  for (;;) {
    const key = `${year}-${String(month).padStart(2, "0")}`;
    months.push(key);
    if (key >= last) break;
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return months;
}

const DAY_FORMAT = new Intl.DateTimeFormat("fr-FR", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
const SHORT_DAY_FORMAT = new Intl.DateTimeFormat("fr-FR", { day: "2-digit", month: "2-digit", year: "numeric", timeZone: "UTC" });
const MONTH_FORMAT = new Intl.DateTimeFormat("fr-FR", { month: "long", year: "numeric", timeZone: "UTC" });
const INSTANT_FORMAT = new Intl.DateTimeFormat("fr-FR", {
  day: "numeric",
  month: "long",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "Europe/Paris",
});

/** "21 novembre 2026" */
export function formatDay(day: string): string {
  return DAY_FORMAT.format(dayToDate(day));
}

/** "21/11/2026": the label of a table row. */
export function formatShortDay(day: string): string {
  return SHORT_DAY_FORMAT.format(dayToDate(day));
}

/** "novembre 2026" */
export function formatMonth(month: string): string {
  return MONTH_FORMAT.format(dayToDate(`${month}-01`));
}

/** "22 novembre 2026 à 06:00" (Paris time). */
export function formatInstant(instant: Date): string {
  return INSTANT_FORMAT.format(instant);
}

/** "30 derniers jours (du 23 octobre 2026 au 21 novembre 2026)" */
export function describeRange(range: PeriodRange): string {
  return `${PERIOD_LABELS[range.period]} (du ${formatDay(range.from)} au ${formatDay(range.to)})`;
}
