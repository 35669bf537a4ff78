// The portal's own figures (DASH-1), computed per organisation and Paris day by the daily job.
// Pure: names and how each figure is summed over a month.

export const PORTAL_METRICS = [
  "accounts_active",
  "accounts_pending_activation",
  "accounts_pending_validation",
  "accounts_deactivated",
  "logins",
  "permissions",
] as const;
export type PortalMetric = (typeof PORTAL_METRICS)[number];

export const PORTAL_METRIC_LABELS: Record<PortalMetric, string> = {
  accounts_active: "Comptes actifs",
  accounts_pending_activation: "En attente d'activation",
  accounts_pending_validation: "En attente de validation",
  accounts_deactivated: "Comptes désactivés",
  logins: "Connexions",
  permissions: "Permissions attribuées",
};

/**
 * A level (accounts at the end of the day, permissions held) is read at the end of a month;
 * a flow (logins of the day) is summed. E-service figures are the day's counts: summed.
 */
export type Aggregation = "last" | "sum";

export const PORTAL_METRIC_AGGREGATION: Record<PortalMetric, Aggregation> = {
  accounts_active: "last",
  accounts_pending_activation: "last",
  accounts_pending_validation: "last",
  accounts_deactivated: "last",
  logins: "sum",
  permissions: "last",
};

/** The dashboard key of the portal's figures; e-service dashboards use the e-service's slug. */
export const PORTAL_DASHBOARD_KEY = "portail";
