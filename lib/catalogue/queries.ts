// Read models of the operator's catalogue pages. Operators see every e-service, active or
// not: these queries take the OperatorActor the session proved.
import "server-only";
import { z } from "zod";
import { db } from "../db";
import type { OperatorActor } from "../operation";

export interface EServiceRow {
  id: string;
  name: string;
  slug: string;
  handlesHealthData: boolean;
  requiresSecondFactor: boolean;
  active: boolean;
  /** Distinct organisations whose subscription has not ended. */
  organisations: number;
}

export async function listEServicesForOperator(_operator: OperatorActor, now = new Date()): Promise<EServiceRow[]> {
  const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const [rows, current] = await Promise.all([
    db.eService.findMany({
      select: { id: true, name: true, slug: true, handlesHealthData: true, requiresSecondFactor: true, active: true },
      orderBy: [{ name: "asc" }, { id: "asc" }],
    }),
    db.subscription.groupBy({
      by: ["eServiceId", "organisationId"],
      where: { OR: [{ endDate: null }, { endDate: { gte: today } }] },
    }),
  ]);
  const counts = new Map<string, number>();
  for (const { eServiceId } of current) counts.set(eServiceId, (counts.get(eServiceId) ?? 0) + 1);
  return rows.map((row) => ({ ...row, organisations: counts.get(row.id) ?? 0 }));
}

/** One e-service, or null for an unknown or malformed id. */
export async function getEServiceForOperator(_operator: OperatorActor, id: string) {
  if (!z.uuid().safeParse(id).success) return null;
  return db.eService.findUnique({ where: { id } });
}
