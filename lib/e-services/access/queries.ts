// Who may open which e-service (ADM-4): an active e-service, a permission held by the
// account in its organisation, and a subscription of that organisation valid today
// (startDate <= today <= endDate, endDate null = open-ended), days in Europe/Paris.
// Pages call the functions that take the viewer; explainAccess also takes the database
// client, for the services that decide inside their own transaction (open-e-service.ts).
import "server-only";
import type { Actor } from "../../operation";
import { parisToday } from "../../calendar";
import { db as portalDb, type Db } from "../../db";
import type { Prisma } from "../../generated/prisma/client";
import type { AccessRefusal } from "./messages";

type AccessViewer = Pick<Actor, "accountId" | "organisationId">;

const SERVICE_SELECT = {
  id: true,
  slug: true,
  name: true,
  description: true,
  url: true,
  handlesHealthData: true,
  requiresSecondFactor: true,
} as const satisfies Prisma.EServiceSelect;

export type AccessibleService = Prisma.EServiceGetPayload<{ select: typeof SERVICE_SELECT }>;

/** Subscriptions of `organisationId` valid on the Paris day of `today`. */
function validSubscription(organisationId: string, today: Date): Prisma.SubscriptionWhereInput {
  const day = parisToday(today);
  return { organisationId, startDate: { lte: day }, OR: [{ endDate: null }, { endDate: { gte: day } }] };
}

/** Exactly the e-services the viewer may open today, by name, with whether consent is still due (ADM-6). */
export async function accessibleEServices(viewer: AccessViewer, today: Date = new Date()) {
  const organisationId = viewer.organisationId;
  if (!organisationId) return [];
  const services = await portalDb.eService.findMany({
    where: {
      active: true,
      permissions: { some: { accountId: viewer.accountId, organisationId } },
      subscriptions: { some: validSubscription(organisationId, today) },
    },
    select: { ...SERVICE_SELECT, healthConsents: { where: { accountId: viewer.accountId }, select: { id: true } } },
    orderBy: { name: "asc" },
  });
  return services.map(({ healthConsents, ...service }) => ({
    ...service,
    consentNeeded: service.handlesHealthData && healthConsents.length === 0,
  }));
}

export interface Administrator {
  firstName: string;
  lastName: string;
  email: string;
}

async function administratorOf(db: Db, organisationId: string | null): Promise<Administrator | null> {
  if (!organisationId) return null;
  return db.account.findFirst({
    where: { organisationId, role: "ADMINISTRATOR", status: "ACTIVE" },
    select: { firstName: true, lastName: true, email: true },
    orderBy: { createdAt: "asc" },
  });
}

/** The viewer's organisation's active administrator: the person to ask for a permission or a subscription. */
export function organisationAdministrator(viewer: AccessViewer): Promise<Administrator | null> {
  return administratorOf(portalDb, viewer.organisationId);
}

export type AccessDecision =
  | { ok: true; service: AccessibleService; consentNeeded: boolean; administrator: Administrator | null }
  | { ok: false; reason: AccessRefusal; service: Pick<AccessibleService, "name" | "handlesHealthData"> | null; administrator: Administrator | null };

const SLUG = /^[a-z0-9][a-z0-9-]{0,99}$/;

/**
 * Whether the viewer may open the e-service `slug` today, and if not, why and whom to ask.
 * Reasons are checked in this order: unknown, no_organisation, inactive, no_permission,
 * no_subscription (a user lacking both hears about the permission first: it is theirs).
 */
export async function explainAccess(db: Db, viewer: AccessViewer, slug: string, today: Date = new Date()): Promise<AccessDecision> {
  const organisationId = viewer.organisationId;
  const administrator = await administratorOf(db, organisationId);
  const service = SLUG.test(slug)
    ? await db.eService.findUnique({ where: { slug }, select: { ...SERVICE_SELECT, active: true } })
    : null;
  if (!service) return { ok: false, reason: "unknown", service: null, administrator };
  const { active, ...visible } = service;
  const shown = { name: service.name, handlesHealthData: service.handlesHealthData };
  if (!organisationId) return { ok: false, reason: "no_organisation", service: shown, administrator };
  if (!active) return { ok: false, reason: "inactive", service: shown, administrator };

  const [permission, subscription, consent] = await Promise.all([
    db.permission.findFirst({ where: { accountId: viewer.accountId, eServiceId: service.id, organisationId }, select: { id: true } }),
    db.subscription.findFirst({ where: { eServiceId: service.id, ...validSubscription(organisationId, today) }, select: { id: true } }),
    service.handlesHealthData
      ? db.healthConsent.findUnique({ where: { accountId_eServiceId: { accountId: viewer.accountId, eServiceId: service.id } }, select: { id: true } })
      : null,
  ]);
  if (!permission) return { ok: false, reason: "no_permission", service: shown, administrator };
  if (!subscription) return { ok: false, reason: "no_subscription", service: shown, administrator };
  return { ok: true, service: visible, consentNeeded: service.handlesHealthData && !consent, administrator };
}

/** Whether the viewer may open the e-service `slug` today (the e-service's page). */
export function eServiceAccess(viewer: AccessViewer, slug: string): Promise<AccessDecision> {
  return explainAccess(portalDb, viewer, slug);
}
