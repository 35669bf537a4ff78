import type { AuditFilters } from "../administration/queries";

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The journal's filters from the query string: anything malformed is ignored, not trusted. */
export function parseAuditFilters(params: Record<string, string | string[] | undefined>) {
  const text = (name: string, max: number) => (typeof params[name] === "string" ? (params[name] as string).slice(0, max) : "");
  const action = /^[a-z_.]{1,60}$/.test(text("action", 60)) ? text("action", 60) : "";
  const from = DAY.test(text("du", 10)) ? text("du", 10) : "";
  const to = DAY.test(text("au", 10)) ? text("au", 10) : "";
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
