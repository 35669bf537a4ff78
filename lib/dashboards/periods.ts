// Periods of the dashboards (DASH-3) and the Paris calendar days they cover. Pure: shared by
// the page, the PDF export, the daily job and their tests.
//
// A "day" is a Europe/Paris calendar day, written "YYYY-MM-DD" and stored in `@db.Date`
// columns as midnight UTC of that day (lib/calendar.ts). The figures of a day are complete
// the next morning (the daily job computes yesterday), so every period ends yesterday.
import { formatDay, parisDayKey, shiftDayKey, shiftMonthKey, type DayKey, formatDateTime } from "../calendar";

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

export interface PeriodRange {
  period: PeriodKey;
  /** First day, inclusive. */
  from: DayKey;
  /** Last day, inclusive: yesterday in Paris. */
  to: DayKey;
  /** 30j and 90j are shown day by day, 12m month by month. */
  grouping: "day" | "month";
}

/** The days a period covers at `now`: N days ending yesterday, or the 12 months ending with yesterday's. */
export function periodRange(period: PeriodKey, now: Date = new Date()): PeriodRange {
  const to = shiftDayKey(parisDayKey(now), -1);
  if (period === "12m") return { period, from: `${shiftMonthKey(to, -11)}-01`, to, grouping: "month" };
  const length = period === "30j" ? 30 : 90;
  return { period, from: shiftDayKey(to, -(length - 1)), to, grouping: "day" };
}

/** "22 novembre 2026 à 06:00" (Paris time). */
export function formatInstant(instant: Date): string {
  return formatDateTime(instant);
}

/** "30 derniers jours (du 23 octobre 2026 au 21 novembre 2026)" */
export function describeRange(range: PeriodRange): string {
  return `${PERIOD_LABELS[range.period]} (du ${formatDay(range.from)} au ${formatDay(range.to)})`;
}

/**
 * The period just before `range`, of the same length: the 30 (or 90) days before it, or the
 * 12 months before it. The summary compares each figure with it.
 */
export function previousRange(range: PeriodRange): PeriodRange {
  const to = shiftDayKey(range.from, -1);
  if (range.grouping === "month") return { ...range, from: `${shiftMonthKey(range.from, -12)}-01`, to };
  const length = dayCount(range.from, range.to);
  return { ...range, from: shiftDayKey(to, -(length - 1)), to };
}

function dayCount(from: DayKey, to: DayKey): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

/** Made once: building an Intl formatter costs more than many calls to it. */
const PERCENT = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 0 });

/** "+3", "−12 %", "stable": how a summary figure changed against the previous period. */
export function describeChange(value: number | null, previous: number | null, format: (value: number) => string): string | null {
  if (value === null || previous === null) return null;
  const difference = value - previous;
  if (difference === 0) return "stable";
  const sign = difference > 0 ? "+" : "−";
  const percent = previous !== 0 ? ` (${sign}${PERCENT.format(Math.abs((difference / previous) * 100))} %)` : "";
  return `${sign}${format(Math.abs(difference))}${percent}`;
}
