// Turns stored daily figures into what a dashboard shows (DASH-3): sections of one chart and
// one table each, row by day (30j, 90j) or by month (12m). Pure and serialisable: the same
// data feeds the page, its client-side charts and the PDF export (DASH-4), so that the PDF
// shows exactly the figures on screen.
import { dayKeysBetween, formatMonth, formatShortDay, monthKeysBetween } from "../calendar";
import {
  PORTAL_DASHBOARD_KEY,
  PORTAL_METRICS,
  PORTAL_METRIC_AGGREGATION,
  PORTAL_METRIC_LABELS,
  type Aggregation,
  type PortalMetric,
} from "./metrics";
import type { PeriodRange } from "./periods";

export interface Column {
  metric: string;
  label: string;
  /** A level (read at the end of a period) or a flow (summed over it). */
  aggregation: Aggregation;
}

export interface Row {
  /** "YYYY-MM-DD" or "YYYY-MM". */
  key: string;
  label: string;
  /** One value per column, in column order; null when no figure exists for that row. */
  values: (number | null)[];
}

export interface Section {
  id: string;
  title: string;
  /**
   * "bar": counts of each day (or month), grouped bars side by side, so that equal series
   * never hide one another. "level": how many at the end of each day, one small chart per
   * series for the same reason.
   */
  chart: "level" | "bar";
  /** Rows in time order (the charts' order); tables show them newest first. */
  columns: Column[];
  rows: Row[];
}

/** One figure of a dashboard's summary: its value over the period and the previous one's. */
export interface SummaryFigure {
  metric: string;
  label: string;
  aggregation: Aggregation;
  /** Flow: total over the period; level: the latest value (today's when `today` is set). */
  value: number | null;
  /** The same over the previous period of the same length (a level: at its end). */
  previous: number | null;
  /** The value is today's, read with the console's definition (accounts by status). */
  today?: boolean;
}

export interface Dashboard {
  /** `portail` or the e-service's slug (the key of DASH-5's link). */
  key: string;
  title: string;
  /** ISO instant of the newest figure shown, or null when there is none yet. */
  updatedAt: string | null;
  sections: Section[];
  /** Filled by `withSummary` once the previous period is known. */
  summary: SummaryFigure[];
}

/**
 * A figure already aggregated by the database for one row of the table: `bucket` is the day
 * ("YYYY-MM-DD") for 30j and 90j, the month ("YYYY-MM") for 12m. `sum` and `last` (the value of
 * the bucket's latest day with a figure) are equal for a day.
 */
export interface BucketFigure {
  bucket: string;
  metric: string;
  sum: number;
  last: number;
  /** E-service figures: the newest label sent in the bucket, if any. */
  label?: string | null;
}

type Grid = Map<string, Map<string, BucketFigure>>;

function gridOf(figures: BucketFigure[]): Grid {
  const grid: Grid = new Map();
  for (const figure of figures) {
    let buckets = grid.get(figure.metric);
    if (!buckets) grid.set(figure.metric, (buckets = new Map()));
    buckets.set(figure.bucket, figure);
  }
  return grid;
}

/**
 * The rows' keys and labels of a period. Every dashboard of every organisation asks for the
 * same few periods on a given day (each section, current and previous): they are computed
 * once and kept, a handful at a time.
 */
const bucketsByRange = new Map<string, readonly { key: string; label: string }[]>();

function bucketsOf(range: PeriodRange): readonly { key: string; label: string }[] {
  const id = `${range.grouping}:${range.from}:${range.to}`;
  let buckets = bucketsByRange.get(id);
  if (!buckets) {
    buckets =
      range.grouping === "day"
        ? dayKeysBetween(range.from, range.to).map((day) => ({ key: day, label: formatShortDay(day) }))
        : monthKeysBetween(range.from, range.to).map((month) => ({ key: month, label: formatMonth(month) }));
    if (bucketsByRange.size >= 32) bucketsByRange.clear();
    bucketsByRange.set(id, buckets);
  }
  return buckets;
}

function rowsOf(range: PeriodRange, columns: Column[], grid: Grid, aggregationOf: (metric: string) => Aggregation): Row[] {
  return bucketsOf(range).map(({ key, label }) => ({
    key,
    label,
    values: columns.map((column) => {
      const figure = grid.get(column.metric)?.get(key);
      if (!figure) return null;
      return aggregationOf(column.metric) === "last" ? figure.last : roundFigure(figure.sum);
    }),
  }));
}

/** Sums of 4-decimal figures without floating-point tails. */
function roundFigure(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

const PORTAL_SECTIONS: { id: string; title: string; chart: Section["chart"]; metrics: PortalMetric[] }[] = [
  {
    id: "comptes",
    title: "Comptes par statut",
    chart: "level",
    metrics: ["accounts_active", "accounts_pending_activation", "accounts_pending_validation", "accounts_deactivated"],
  },
  { id: "connexions", title: "Connexions", chart: "bar", metrics: ["logins"] },
  { id: "permissions", title: "Permissions attribuées", chart: "level", metrics: ["permissions"] },
];

export function buildPortalDashboard(range: PeriodRange, figures: BucketFigure[], updatedAt: Date | null): Dashboard {
  const grid = gridOf(figures.filter((figure) => (PORTAL_METRICS as readonly string[]).includes(figure.metric)));
  return {
    key: PORTAL_DASHBOARD_KEY,
    title: "Portail e-services",
    updatedAt: updatedAt?.toISOString() ?? null,
    sections: PORTAL_SECTIONS.map((section) => {
      const columns = section.metrics.map((metric) => ({ metric, label: PORTAL_METRIC_LABELS[metric], aggregation: PORTAL_METRIC_AGGREGATION[metric] }));
      return {
        id: `${PORTAL_DASHBOARD_KEY}-${section.id}`,
        title: section.title,
        chart: section.chart,
        columns,
        rows: rowsOf(range, columns, grid, (metric) => PORTAL_METRIC_AGGREGATION[metric as PortalMetric]),
      };
    }),
    summary: [],
  };
}

/**
 * An e-service's dashboard: one column per metric it pushed in the period, named by the
 * newest label it sent (or the metric's code). Its figures are the day's counts: a month
 * shows their sum.
 */
export function buildEServiceDashboard(
  range: PeriodRange,
  service: { slug: string; name: string },
  figures: BucketFigure[],
  updatedAt: Date | null,
): Dashboard {
  const labels = new Map<string, string>();
  // Buckets are "YYYY-MM(-DD)" keys: their code-unit order is time order.
  for (const figure of [...figures].sort((a, b) => (a.bucket < b.bucket ? -1 : a.bucket > b.bucket ? 1 : 0))) {
    labels.set(figure.metric, figure.label?.trim() || labels.get(figure.metric) || figure.metric);
  }
  const columns = [...labels.keys()].sort().map((metric) => ({ metric, label: labels.get(metric)!, aggregation: "sum" as const }));
  return {
    key: service.slug,
    title: service.name,
    updatedAt: updatedAt?.toISOString() ?? null,
    sections: [
      {
        id: `${service.slug}-chiffres`,
        title: `Chiffres de l'e-service ${service.name}`,
        chart: "bar",
        columns,
        rows: columns.length ? rowsOf(range, columns, gridOf(figures), () => "sum") : [],
      },
    ],
    summary: [],
  };
}

const FIGURE_FORMAT = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 2 });

/** A figure as shown in tables, on screen and in the PDF; a missing one is a dash. */
export function formatFigure(value: number | null): string {
  if (value === null) return "–";
  // Most figures are small whole numbers, which French writes as JavaScript does: no Intl
  // call for each of a dashboard's hundreds of cells (and "-0" stays Intl's).
  if (Number.isInteger(value) && value > -1000 && value < 1000 && !Object.is(value, -0)) return String(value);
  return FIGURE_FORMAT.format(value);
}

/** A column's figure over the rows of a period: the latest value of a level, the total of a flow. */
function periodFigure(rows: Row[], index: number, aggregation: Aggregation): number | null {
  let found: number | null = null;
  for (const row of rows) {
    const value = row.values[index];
    if (value === null) continue;
    found = aggregation === "last" ? value : roundFigure((found ?? 0) + value);
  }
  return found;
}

/**
 * The dashboard with its summary: each series' value over the period against the previous
 * period of the same length (`previous`, built the same way). `today` replaces the latest
 * value of level series with today's (the accounts by status, as the console counts them).
 */
export function withSummary(current: Dashboard, previous: Dashboard | undefined, today: Partial<Record<string, number>> = {}): Dashboard {
  const summary: SummaryFigure[] = [];
  for (const section of current.sections) {
    const before = previous?.sections.find((candidate) => candidate.id === section.id);
    section.columns.forEach((column, index) => {
      const beforeIndex = before?.columns.findIndex((candidate) => candidate.metric === column.metric) ?? -1;
      const live = column.aggregation === "last" ? today[column.metric] : undefined;
      summary.push({
        metric: column.metric,
        label: column.label,
        aggregation: column.aggregation,
        value: live ?? periodFigure(section.rows, index, column.aggregation),
        previous: before && beforeIndex >= 0 ? periodFigure(before.rows, beforeIndex, column.aggregation) : null,
        ...(live === undefined ? {} : { today: true }),
      });
    });
  }
  return { ...current, summary };
}

/** Whether a section has at least one figure: without any, it shows one sentence, not a table of dashes. */
export function hasFigures(section: Section): boolean {
  return section.rows.some((row) => row.values.some((value) => value !== null));
}
