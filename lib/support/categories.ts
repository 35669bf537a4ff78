// The assistance categories (HELP-2) in one place: the TicketCategory enum of the schema,
// its French labels and the slugs used in links such as
// /aide?categorie=tableaux-de-bord#assistance (DASH-5). Pure: imported by client components.
import type { TicketCategory, TicketStatus } from "../generated/prisma/enums";

export const TICKET_CATEGORIES = ["ACCESS", "VALIDATION_LETTER", "ACCOUNT", "E_SERVICES", "DASHBOARDS", "IMPORTS", "OTHER"] as const satisfies readonly TicketCategory[];

export const TICKET_CATEGORY_LABELS: Record<TicketCategory, string> = {
  ACCESS: "Connexion aux services / Accès",
  VALIDATION_LETTER: "Courrier de validation",
  ACCOUNT: "Mon compte",
  E_SERVICES: "E-services et abonnements",
  DASHBOARDS: "Tableaux de bord",
  IMPORTS: "Import de comptes",
  OTHER: "Autre question",
};

export const TICKET_CATEGORY_SLUGS = {
  ACCESS: "acces",
  VALIDATION_LETTER: "courrier-de-validation",
  ACCOUNT: "compte",
  E_SERVICES: "e-services",
  DASHBOARDS: "tableaux-de-bord",
  IMPORTS: "imports",
  OTHER: "autre",
} as const satisfies Record<TicketCategory, string>;

export type TicketCategorySlug = (typeof TICKET_CATEGORY_SLUGS)[TicketCategory];

/** The category a slug names, or null for anything else (query strings are untrusted). */
export function categoryFromSlug(slug: unknown): TicketCategory | null {
  if (typeof slug !== "string") return null;
  const found = TICKET_CATEGORIES.find((category) => TICKET_CATEGORY_SLUGS[category] === slug);
  return found ?? null;
}

export const TICKET_STATUS_LABELS: Record<TicketStatus, string> = {
  OPEN: "En attente de réponse",
  ANSWERED: "Répondue",
  CLOSED: "Close",
};

// ─── DASH-5: "Signaler une erreur dans mes chiffres" ────────────────────────

export const DASHBOARD_PERIODS = { "30j": "30 derniers jours", "90j": "90 derniers jours", "12m": "12 derniers mois" } as const;
export type DashboardPeriod = keyof typeof DASHBOARD_PERIODS;

/** What a dashboard error report carries, stored in SupportTicket.context. */
export interface DashboardContext {
  dashboard: string;
  period: DashboardPeriod | null;
}

const DASHBOARD_KEY = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Reads `tableau` and `periode` from the help page's query string: a key that is not
 * "portail" or a well-formed e-service slug, or an unknown period, is ignored. Whether the
 * slug names a real e-service is checked by the caller against the catalogue.
 */
export function parseDashboardContext(params: { tableau?: unknown; periode?: unknown }): DashboardContext | null {
  const dashboard = typeof params.tableau === "string" ? params.tableau.trim().toLowerCase() : "";
  if (!dashboard || dashboard.length > 80 || !DASHBOARD_KEY.test(dashboard)) return null;
  const period = typeof params.periode === "string" && Object.hasOwn(DASHBOARD_PERIODS, params.periode) ? (params.periode as DashboardPeriod) : null;
  return { dashboard, period };
}

export function describeDashboardContext(context: DashboardContext, dashboardName: string): string {
  return `Tableau de bord : ${dashboardName}${context.period ? ` — période : ${DASHBOARD_PERIODS[context.period]}` : ""}`;
}
