// DASH-1: who sees which dashboard, and the figures of each, always scoped to the viewer's
// organisation as read from the session (never from the request).
//
// - Every active member of an organisation sees the portal's dashboard.
// - A user sees the dashboard of each e-service they may open today (ADM-4's rule:
//   permission + subscription valid today + active e-service, lib/e-services/access).
// - The administrator sees the dashboard of every e-service the organisation is subscribed
//   to today, permission or not.
// - Operators and accounts without an organisation see none: `loadDashboards` says so.
import "server-only";
import type { Viewer } from "../auth/viewer";
import type { Db } from "../db";
import { accessibleEServices } from "../e-services/access/queries";
import { parisCalendarDay } from "../e-services/access/paris-day";
import { validOn } from "../subscriptions/validity";
import { buildEServiceDashboard, buildPortalDashboard, type Dashboard } from "./build";
import { dayToDate, periodRange, type PeriodKey, type PeriodRange } from "./periods";

export type DashboardViewer = Pick<Viewer, "accountId" | "organisationId" | "role">;

export interface VisibleEService {
  id: string;
  slug: string;
  name: string;
}

/** The e-services whose dashboards the viewer may see today, by name. */
export async function visibleEServices(db: Db, viewer: DashboardViewer, now: Date = new Date()): Promise<VisibleEService[]> {
  const organisationId = viewer.organisationId;
  if (!organisationId || viewer.role === "OPERATOR") return [];
  if (viewer.role === "ADMINISTRATOR") {
    return db.eService.findMany({
      where: { active: true, subscriptions: { some: { organisationId, ...validOn(parisCalendarDay(now)) } } },
      select: { id: true, slug: true, name: true },
      orderBy: { name: "asc" },
    });
  }
  return (await accessibleEServices(db, viewer, now)).map(({ id, slug, name }) => ({ id, slug, name }));
}

export type DashboardsResult =
  | { ok: false; reason: "no_organisation" }
  | {
      ok: true;
      organisation: { id: string; name: string; code: string };
      range: PeriodRange;
      dashboards: Dashboard[];
    };

/** Every dashboard the viewer may see, for a period. */
export async function loadDashboards(db: Db, viewer: DashboardViewer, period: PeriodKey, now: Date = new Date()): Promise<DashboardsResult> {
  const organisationId = viewer.organisationId;
  if (!organisationId || viewer.role === "OPERATOR") return { ok: false, reason: "no_organisation" };
  const range = periodRange(period, now);
  const days = { gte: dayToDate(range.from), lte: dayToDate(range.to) };

  const [organisation, services, portalFigures, portalUpdated] = await Promise.all([
    db.organisation.findUniqueOrThrow({ where: { id: organisationId }, select: { id: true, name: true, code: true } }),
    visibleEServices(db, viewer, now),
    db.portalDailyFigure.findMany({ where: { organisationId, day: days }, select: { day: true, metric: true, value: true } }),
    db.portalDailyFigure.aggregate({ where: { organisationId, day: days }, _max: { computedAt: true } }),
  ]);

  const serviceIds = services.map((service) => service.id);
  const [serviceFigures, serviceUpdated] = serviceIds.length
    ? await Promise.all([
        db.eServiceDailyFigure.findMany({
          where: { organisationId, eServiceId: { in: serviceIds }, day: days },
          select: { eServiceId: true, day: true, metric: true, label: true, value: true },
        }),
        db.eServiceDailyFigure.groupBy({
          by: ["eServiceId"],
          where: { organisationId, eServiceId: { in: serviceIds }, day: days },
          _max: { receivedAt: true },
        }),
      ])
    : [[], []];

  const dashboards: Dashboard[] = [buildPortalDashboard(range, portalFigures, portalUpdated._max.computedAt)];
  for (const service of services) {
    const figures = serviceFigures
      .filter((figure) => figure.eServiceId === service.id)
      .map((figure) => ({ day: figure.day, metric: figure.metric, label: figure.label, value: figure.value.toNumber() }));
    const updatedAt = serviceUpdated.find((entry) => entry.eServiceId === service.id)?._max.receivedAt ?? null;
    dashboards.push(buildEServiceDashboard(range, service, figures, updatedAt));
  }
  return { ok: true, organisation, range, dashboards };
}
