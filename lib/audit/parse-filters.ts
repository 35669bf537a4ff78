// The journal's filters (ADM-5) from the query string of /administration/journal and
// /operateur/journal. Anything malformed is ignored, not trusted; a date that is not a real
// day is also reported to the reader in French, since they chose it and would otherwise see
// an unfiltered journal without knowing why.
import { parisDayBounds, parseDayKey } from "../calendar";
import { queryText } from "../security/input-text";
import type { AuditFilters } from "./queries";

export interface AuditFilterForm {
  action: string;
  /** "AAAA-MM-JJ" or "" (the value of `<input type="date">`). */
  from: string;
  to: string;
  query: string;
}

/** French messages about the filters that could not be applied, by field of the form. */
export type AuditFilterErrors = Partial<Record<"from" | "to", string>>;

function invalidDayMessage(label: "Du" | "Au", value: string): string {
  const shown = value.length > 20 ? `${value.slice(0, 20)}…` : value;
  return `Date « ${label} » invalide (${shown}) : choisissez un jour qui existe dans le calendrier. Ce filtre n'a pas été appliqué.`;
}

/**
 * "Du" is the start of that Paris day, "au" the end of that Paris day (inclusive), whatever
 * the season: summer days start at 22:00 UTC, winter days at 23:00 UTC, and the days the
 * clocks change last 23 or 25 hours.
 */
export function parseAuditFilters(params: Record<string, string | string[] | undefined>): {
  filters: AuditFilters;
  form: AuditFilterForm;
  errors: AuditFilterErrors;
} {
  // SEC-9: a value holding a refused character (NUL would fail the query) is ignored.
  const raw = (name: string) => queryText(params[name]) ?? "";
  const text = (name: string, max: number) => raw(name).slice(0, max);
  const action = /^[a-z_.]{1,60}$/.test(text("action", 60)) ? text("action", 60) : "";
  const query = text("q", 100).trim();
  const page = Math.min(Math.max(1, Number(params.page) || 1), 100_000);

  const errors: AuditFilterErrors = {};
  const day = (name: "du" | "au", field: "from" | "to", label: "Du" | "Au"): string => {
    const value = raw(name).trim();
    if (!value) return "";
    const parsed = parseDayKey(value);
    if (parsed.ok) return parsed.day;
    errors[field] = invalidDayMessage(label, value);
    return "";
  };
  const from = day("du", "from", "Du");
  const to = day("au", "to", "Au");

  const filters: AuditFilters = {
    action: action || undefined,
    from: from ? parisDayBounds(from).start : undefined,
    // "Au" is inclusive: events before the start of the next Paris day.
    to: to ? parisDayBounds(to).end : undefined,
    query: query || undefined,
    page,
  };
  return { filters, form: { action, from, to, query }, errors };
}
