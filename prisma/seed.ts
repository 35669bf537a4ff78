// Idempotent seed: the organisation directory, the e-service catalogue and, unless
// SEED_DEMO=0, the demonstration data. Run it with `npm run db:seed`.
import type { Db } from "../lib/db";
import { seedCatalogue } from "./seed/catalogue";
import { seedDashboards } from "./seed/dashboards";
import { seedDemo } from "./seed/demo";
import { seedDirectory } from "./seed/directory";

export interface SeedReport {
  directoryRowsWritten: number;
  directoryMs: number;
  organisations: number;
  eServices: number;
  accounts: number;
}

export async function seed(db: Db, options: { demo?: boolean } = {}): Promise<SeedReport> {
  const started = performance.now();
  const directoryRowsWritten = await seedDirectory(db);
  const directoryMs = Math.round(performance.now() - started);
  const services = await seedCatalogue(db);
  if (options.demo ?? process.env.SEED_DEMO !== "0") {
    await seedDemo(db, services);
    await seedDashboards(db, services);
  }
  const [organisations, eServices, accounts] = await Promise.all([
    db.organisation.count(),
    db.eService.count(),
    db.account.count(),
  ]);
  return { directoryRowsWritten, directoryMs, organisations, eServices, accounts };
}
