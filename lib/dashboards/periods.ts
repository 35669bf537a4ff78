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
