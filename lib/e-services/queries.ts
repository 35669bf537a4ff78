// The public catalogue, shown to anybody on the home page.
import "server-only";
import { db } from "../db";

/** The public catalogue: what an organisation can subscribe to. */
export function listCatalogue() {
  return db.eService.findMany({
    where: { active: true },
    select: { slug: true, name: true, description: true, handlesHealthData: true },
    orderBy: { name: "asc" },
  });
}
