// Which subscriptions count on a given day (ADM-1, ADM-4). Shared by the console, the
// permission matrix and the access checks so that they never disagree.
import type { Prisma } from "../generated/prisma/client";

/** Subscriptions valid on `day` (start ≤ day ≤ end, end inclusive or open). */
export function validOn(day: Date): Prisma.SubscriptionWhereInput {
  return { startDate: { lte: day }, OR: [{ endDate: null }, { endDate: { gte: day } }] };
}

/** Subscriptions valid on `day` or starting later: not ended before `day`. */
export function validFrom(day: Date): Prisma.SubscriptionWhereInput {
  return { OR: [{ endDate: null }, { endDate: { gte: day } }] };
}

/** Subscriptions whose period [start, end] meets [start, end] (null end = open). */
export function overlapping(start: Date, end: Date | null): Prisma.SubscriptionWhereInput {
  return {
    ...(end ? { startDate: { lte: end } } : {}),
    OR: [{ endDate: null }, { endDate: { gte: start } }],
  };
}
