// Read models of the home page after sign-in ("Accueil", issue 16 item 5): what each person
// has to do today. Each read takes the scope the session proved (OrganisationManagerActor,
// OperatorActor, Actor); the operator's counts are the console's own (letters, tickets).
import "server-only";
import { dateToDayKey, parisToday, shiftDayKey, dayKeyToDate } from "../calendar";
import { db } from "../db";
import { visibleEServices, type DashboardViewer } from "../dashboards/queries";
import { accessibleEServices } from "../e-services/access/queries";
import type { OrganisationManagerActor } from "../operation";

/** A subscription ending within this many days is announced on the administrator's home. */
export const SUBSCRIPTION_ENDING_DAYS = 30;

export interface AdministratorTasks {
  /** Accounts whose address is confirmed and which wait for the administrator (ADM-2). */
  accountsToValidate: number;
  /** Administrator requests of the organisation waiting for the legal representative's code (LR-1). */
  pendingLetters: { number: string; requester: string; posted: boolean }[];
  /** Subscriptions valid today whose last day is within SUBSCRIPTION_ENDING_DAYS (ADM-1). */
  endingSubscriptions: { id: string; eServiceName: string; endDate: string }[];
}

/** The tasks of whoever runs the organisation (administrator or deputy, DEP-1), scoped to the organisation of the session. */
export async function administratorTasks(administrator: OrganisationManagerActor, now: Date = new Date()): Promise<AdministratorTasks> {
  const organisationId = administrator.organisationId;
  const today = parisToday(now);
  const horizon = dayKeyToDate(shiftDayKey(dateToDayKey(today), SUBSCRIPTION_ENDING_DAYS));
  const [accountsToValidate, requests, subscriptions] = await Promise.all([
    db.account.count({ where: { organisationId, status: "PENDING_VALIDATION" } }),
    db.adminRequest.findMany({
      where: { organisationId, status: "PENDING" },
      select: { number: true, requester: { select: { firstName: true, lastName: true } }, letter: { select: { status: true } } },
      orderBy: { createdAt: "asc" },
    }),
    db.subscription.findMany({
      where: { organisationId, startDate: { lte: today }, endDate: { gte: today, lte: horizon } },
      select: { id: true, endDate: true, eService: { select: { name: true } } },
      orderBy: { endDate: "asc" },
    }),
  ]);
  return {
    accountsToValidate,
    pendingLetters: requests.map((request) => ({
      number: request.number,
      requester: `${request.requester.firstName} ${request.requester.lastName}`,
      posted: request.letter?.status === "POSTED",
    })),
    endingSubscriptions: subscriptions.map((subscription) => ({
      id: subscription.id,
      eServiceName: subscription.eService.name,
      endDate: dateToDayKey(subscription.endDate!),
    })),
  };
}

/** What a member of an organisation uses: the e-services they may open today, and the dashboards they may read. */
export async function memberHome(actor: DashboardViewer, now: Date = new Date()) {
  const [eServices, dashboards] = await Promise.all([accessibleEServices(actor, now), visibleEServices(actor, now)]);
  return {
    eServices: eServices.map(({ slug, name, consentNeeded }) => ({ slug, name, consentNeeded })),
    dashboards,
  };
}
