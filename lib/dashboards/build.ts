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
  chart: "line" | "bar";
  columns: Column[];
  rows: Row[];
}

export interface Dashboard {
  /** `portail` or the e-service's slug (the key of DASH-5's link). */
  key: string;
  title: string;
  /** ISO instant of the newest figure shown, or null when there is none yet. */
  updatedAt: string | null;
  sections: Section[];
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

function rowsOf(range: PeriodRange, columns: Column[], grid: Grid, aggregationOf: (metric: string) => Aggregation): Row[] {
  const buckets =
    range.grouping === "day"
      ? dayKeysBetween(range.from, range.to).map((day) => ({ key: day, label: formatShortDay(day) }))
      : monthKeysBetween(range.from, range.to).map((month) => ({ key: month, label: formatMonth(month) }));
  return buckets.map(({ key, label }) => ({
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
    chart: "line",
    metrics: ["accounts_active", "accounts_pending_activation", "accounts_pending_validation", "accounts_deactivated"],
  },
  { id: "connexions", title: "Connexions", chart: "bar", metrics: ["logins"] },
  { id: "permissions", title: "Permissions attribuées", chart: "line", metrics: ["permissions"] },
];

export function buildPortalDashboard(range: PeriodRange, figures: BucketFigure[], updatedAt: Date | null): Dashboard {
  const grid = gridOf(figures.filter((figure) => (PORTAL_METRICS as readonly string[]).includes(figure.metric)));
  return {
    key: PORTAL_DASHBOARD_KEY,
    title: "Portail e-services",
    updatedAt: updatedAt?.toISOString() ?? null,
    sections: PORTAL_SECTIONS.map((section) => {
      const columns = section.metrics.map((metric) => ({ metric, label: PORTAL_METRIC_LABELS[metric] }));
      return {
        id: `${PORTAL_DASHBOARD_KEY}-${section.id}`,
        title: section.title,
        chart: section.chart,
        columns,
        rows: rowsOf(range, columns, grid, (metric) => PORTAL_METRIC_AGGREGATION[metric as PortalMetric]),
      };
    }),
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
  for (const figure of [...figures].sort((a, b) => a.bucket.localeCompare(b.bucket))) {
    labels.set(figure.metric, figure.label?.trim() || labels.get(figure.metric) || figure.metric);
  }
  const columns = [...labels.keys()].sort().map((metric) => ({ metric, label: labels.get(metric)! }));
  return {
    key: service.slug,
    title: service.name,
    updatedAt: updatedAt?.toISOString() ?? null,
    sections: [
      {
        id: `${service.slug}-chiffres`,
        title: `Chiffres de l'e-service ${service.name}`,
        chart: "line",
        columns,
        rows: columns.length ? rowsOf(range, columns, gridOf(figures), () => "sum") : [],
      },
    ],
  };
}

const FIGURE_FORMAT = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 2 });

/** A figure as shown in tables, on screen and in the PDF; a missing one is a dash. */
export function formatFigure(value: number | null): string {
  return value === null ? "–" : FIGURE_FORMAT.format(value);
}
