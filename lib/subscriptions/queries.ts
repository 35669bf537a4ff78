// Read models of the subscriptions page (ADM-1) and of the e-services an organisation may
// hand out (ADM-3), always scoped to the organisation taken from the session. The services
// that hand out permissions share listSubscribedEServices inside their own transaction.
import "server-only";
import { dateToDayKey, parisToday } from "../calendar";
import { db, type Db } from "../db";
import type { Prisma } from "../generated/prisma/client";
import type { AdministratorActor } from "../operation";
import { validFrom } from "./validity";

export type SubscriptionState =
  | { kind: "current"; subscriptionId: string; startDate: string; endDate: string | null }
  | { kind: "upcoming"; subscriptionId: string; startDate: string; endDate: string | null }
  | { kind: "ended"; subscriptionId: string; startDate: string; endDate: string }
  | { kind: "none" };

export interface CatalogueEntry {
  eServiceId: string;
  slug: string;
  name: string;
  description: string;
  termsText: string;
  handlesHealthData: boolean;
  state: SubscriptionState;
  /** A later subscription already planned after the current one, if any. */
  next: { subscriptionId: string; startDate: string; endDate: string | null } | null;
  /** Active people of the organisation allowed to use it: those an end of subscription cuts off. */
  users: number;
}

/** The active catalogue, each e-service with the organisation's subscription state today. */
export async function listCatalogueWithSubscriptions(administrator: AdministratorActor, now: Date = new Date()): Promise<CatalogueEntry[]> {
  const organisationId = administrator.organisationId;
  const today = parisToday(now);
  const [eServices, subscriptions, holders] = await Promise.all([
    db.eService.findMany({
      where: { active: true },
      select: { id: true, slug: true, name: true, description: true, termsText: true, handlesHealthData: true },
      orderBy: { name: "asc" },
    }),
    db.subscription.findMany({
      where: { organisationId },
      select: { id: true, eServiceId: true, startDate: true, endDate: true },
      orderBy: { startDate: "asc" },
    }),
    db.permission.groupBy({ by: ["eServiceId"], where: { organisationId, account: { status: "ACTIVE" } }, _count: { _all: true } }),
  ]);
  const users = new Map(holders.map((row) => [row.eServiceId, row._count._all]));

  return eServices.map((eService) => {
    const own = subscriptions.filter((subscription) => subscription.eServiceId === eService.id);
    const current = own.find((s) => s.startDate <= today && (!s.endDate || s.endDate >= today));
    const upcoming = own.filter((s) => s.startDate > today);
    const ended = own.filter((s) => s.endDate && s.endDate < today).at(-1);
    const view = (s: { id: string; startDate: Date; endDate: Date | null }) => ({
      subscriptionId: s.id,
      startDate: dateToDayKey(s.startDate),
      endDate: s.endDate ? dateToDayKey(s.endDate) : null,
    });
    let state: SubscriptionState;
    let next: CatalogueEntry["next"] = null;
    if (current) {
      state = { kind: "current", ...view(current) };
      next = upcoming[0] ? view(upcoming[0]) : null;
    } else if (upcoming[0]) {
      state = { kind: "upcoming", ...view(upcoming[0]) };
      next = upcoming[1] ? view(upcoming[1]) : null;
    } else if (ended?.endDate) {
      state = { kind: "ended", subscriptionId: ended.id, startDate: dateToDayKey(ended.startDate), endDate: dateToDayKey(ended.endDate) };
    } else {
      state = { kind: "none" };
    }
    return { eServiceId: eService.id, slug: eService.slug, name: eService.name, description: eService.description, termsText: eService.termsText, handlesHealthData: eService.handlesHealthData, state, next, users: users.get(eService.id) ?? 0 };
  });
}

/**
 * The e-services the organisation may hand out (ADM-3): active, with a subscription valid
 * today or starting later.
 */
export async function listSubscribedEServices(client: Db | Prisma.TransactionClient, organisationId: string, now: Date = new Date()) {
  const today = parisToday(now);
  return client.eService.findMany({
    where: { active: true, subscriptions: { some: { organisationId, ...validFrom(today) } } },
    select: { id: true, name: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
}
