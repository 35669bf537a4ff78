// Links of the dashboards page. Pure.
import type { PeriodKey } from "./periods";

/**
 * DASH-5: the assistance form, pre-filled with the dashboard and the period. Contract with the
 * help centre: `/aide?categorie=tableaux-de-bord&tableau=<key>&periode=<30j|90j|12m>#assistance`,
 * where <key> is `portail` or the e-service's slug.
 */
export function reportErrorHref(dashboardKey: string, period: PeriodKey): string {
  const query = new URLSearchParams({ categorie: "tableaux-de-bord", tableau: dashboardKey, periode: period });
  return `/aide?${query.toString()}#assistance`;
}

/** DASH-4: the PDF of every dashboard the viewer sees, for the period. */
export function exportHref(period: PeriodKey): string {
  return `/tableaux-de-bord/export?periode=${period}`;
}

export function periodHref(period: PeriodKey): string {
  return `/tableaux-de-bord?periode=${period}`;
}
