import type { AuditFilters } from "../administration/queries";
import { isValidDay } from "../dashboards/periods";
import { queryText } from "../security/input-text";

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The journal's filters from the query string: anything malformed is ignored, not trusted. */
export function parseAuditFilters(params: Record<string, string | string[] | undefined>) {
  // SEC-9: a value holding a refused character (NUL would fail the query) is ignored.
  const text = (name: string, max: number) => (queryText(params[name]) ?? "").slice(0, max);
  const action = /^[a-z_.]{1,60}$/.test(text("action", 60)) ? text("action", 60) : "";
  // A well-formed but impossible day (2026-02-31) would make an invalid Date, and the query fail.
  const day = (name: string) => (DAY.test(text(name, 10)) && isValidDay(text(name, 10)) ? text(name, 10) : "");
  const from = day("du");
  const to = day("au");
  const query = text("q", 100).trim();
  const page = Math.min(Math.max(1, Number(params.page) || 1), 100_000);
  const filters: AuditFilters = {
    action: action || undefined,
    from: from ? new Date(`${from}T00:00:00+01:00`) : undefined,
    // "Au" is inclusive: up to the start of the next day.
    to: to ? new Date(new Date(`${to}T00:00:00+01:00`).getTime() + 86_400_000) : undefined,
    query: query || undefined,
    page,
  };
  return { filters, form: { action, from, to, query } };
}
