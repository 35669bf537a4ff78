// ADM-1: the administrator subscribes the organisation to e-services (accepting their terms)
// and ends subscriptions. The organisation always comes from the administrator's session;
// any id from a form is checked to belong to it. The audit event is written in the same
// transaction as the change (ADM-5).
import "server-only";
import { recordAuditEvent } from "../audit/record-audit-event";
import { dateToDayKey, dayKeyToDate, formatDay, parisToday } from "../calendar";
import type { Db } from "../db";
import type { Prisma, Subscription } from "../generated/prisma/client";
import type { EndSubscriptionInput, SubscribeInput } from "./schemas";
import { overlapping } from "./validity";
import { UserError, type AdministratorActor, type OperationContext } from "../operation";

/**
 * Serialises the subscription changes of one organisation: two administrators subscribing
 * at the same moment cannot both pass the overlap check.
 */
async function lockOrganisation(tx: Prisma.TransactionClient, organisationId: string) {
  await tx.$queryRaw`SELECT id FROM organisations WHERE id = ${organisationId}::uuid FOR UPDATE`;
}

export async function subscribe(db: Db, actor: AdministratorActor, input: SubscribeInput, context: OperationContext = {}): Promise<Subscription> {
  const now = context.now ?? new Date();
  const today = parisToday(now);
  const startDate = input.startDate ? dayKeyToDate(input.startDate) : today;
  const endDate = input.endDate ? dayKeyToDate(input.endDate) : null;
  if (startDate < today) throw new UserError("Un abonnement ne peut pas commencer avant aujourd'hui.", "startDate");
  if (endDate && endDate < startDate) throw new UserError("La date de fin ne peut pas précéder la date de début.", "endDate");

  return db.$transaction(async (tx) => {
    const eService = await tx.eService.findUnique({ where: { id: input.eServiceId }, select: { id: true, name: true, active: true } });
    if (!eService || !eService.active) throw new UserError("Cet e-service n'est pas ou plus proposé au catalogue.", "eServiceId");

    await lockOrganisation(tx, actor.organisationId);
    const clash = await tx.subscription.findFirst({
      where: { organisationId: actor.organisationId, eServiceId: eService.id, ...overlapping(startDate, endDate) },
      orderBy: { startDate: "asc" },
      select: { startDate: true, endDate: true },
    });
    if (clash) {
      const period = clash.endDate
        ? `du ${formatDay(clash.startDate)} au ${formatDay(clash.endDate)}`
        : `depuis le ${formatDay(clash.startDate)}, sans date de fin`;
      throw new UserError(
        `L'organisation est déjà abonnée à « ${eService.name} » sur cette période (${period}). Terminez cet abonnement ou choisissez des dates qui ne le chevauchent pas.`,
      );
    }

    const subscription = await tx.subscription.create({
      data: {
        organisationId: actor.organisationId,
        eServiceId: eService.id,
        startDate,
        endDate,
        termsAcceptedAt: now,
        subscribedById: actor.accountId,
      },
    });
    await recordAuditEvent(tx, {
      actor: actor,
      action: "subscription.created",
      organisationId: actor.organisationId,
      target: { type: "subscription", id: subscription.id, label: eService.name },
      details: { eServiceId: eService.id, eServiceName: eService.name, startDate: dateToDayKey(startDate), endDate: endDate ? dateToDayKey(endDate) : null, termsAcceptedAt: now.toISOString() },
      ipAddress: context.ipAddress,
      at: now,
    });
    return subscription;
  });
}

/**
 * Ends a subscription on `endDate` (today by default, the last day it is valid). Permissions
 * stay: the e-service simply stops being usable once the subscription is over (ADM-4), and
 * a new subscription brings them back without re-granting.
 */
export async function endSubscription(db: Db, actor: AdministratorActor, input: EndSubscriptionInput, context: OperationContext = {}): Promise<Subscription> {
  const now = context.now ?? new Date();
  const today = parisToday(now);

  return db.$transaction(async (tx) => {
    await lockOrganisation(tx, actor.organisationId);
    // Scoped by the session's organisation: another organisation's id is "not found".
    const subscription = await tx.subscription.findFirst({
      where: { id: input.subscriptionId, organisationId: actor.organisationId },
      include: { eService: { select: { name: true } } },
    });
    if (!subscription) throw new UserError("Cet abonnement est introuvable parmi ceux de votre organisation.");
    if (subscription.endDate && subscription.endDate < today) {
      throw new UserError(`Cet abonnement à « ${subscription.eService.name} » est déjà terminé depuis le ${formatDay(subscription.endDate)}.`);
    }

    // By default the last day is today, or the first day for a subscription not started yet.
    const endDate = input.endDate ? dayKeyToDate(input.endDate) : subscription.startDate > today ? subscription.startDate : today;
    if (endDate < subscription.startDate) {
      throw new UserError(`La date de fin ne peut pas précéder le début de l'abonnement (${formatDay(subscription.startDate)}).`, "endDate");
    }
    if (endDate < today) throw new UserError("La date de fin ne peut pas être passée : choisissez aujourd'hui ou une date à venir.", "endDate");
    if (subscription.endDate && endDate > subscription.endDate) {
      throw new UserError(`Cet abonnement se termine déjà le ${formatDay(subscription.endDate)} : la nouvelle date de fin ne peut pas être plus tardive.`, "endDate");
    }

    const ended = await tx.subscription.update({
      where: { id: subscription.id },
      data: { endDate, endedById: actor.accountId },
    });
    await recordAuditEvent(tx, {
      actor: actor,
      action: "subscription.ended",
      organisationId: actor.organisationId,
      target: { type: "subscription", id: subscription.id, label: subscription.eService.name },
      details: {
        eServiceId: subscription.eServiceId,
        eServiceName: subscription.eService.name,
        startDate: dateToDayKey(subscription.startDate),
        endDate: dateToDayKey(endDate),
        previousEndDate: subscription.endDate ? dateToDayKey(subscription.endDate) : null,
      },
      ipAddress: context.ipAddress,
      at: now,
    });
    return ended;
  });
}
