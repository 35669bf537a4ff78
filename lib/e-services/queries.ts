import "server-only";
import type { Db } from "../db";

/** The public catalogue: what an organisation can subscribe to. */
export function listCatalogue(db: Db) {
  return db.eService.findMany({
    where: { active: true },
    select: { slug: true, name: true, description: true, handlesHealthData: true },
    orderBy: { name: "asc" },
  });
}
