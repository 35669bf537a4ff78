// Idempotent seed: the organisation directory, the e-service catalogue and, when asked for
// and allowed (lib/dev-conveniences.ts, SEC-10), the demonstration data. Run it with
// `npm run db:seed` (demo data with SEED_DEMO=1, outside production only).
import type { Db } from "../lib/db";
import { demoData } from "../lib/dev-conveniences";
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

export interface SeedOptions {
  /** Load the demo accounts (their password is published). Default: no. */
  demo?: boolean;
  /** Default: NODE_ENV=production. `npm start` says so whatever NODE_ENV its own process has. */
  production?: boolean;
  /** See DemoDataContext.throwAwayDatabase: only `npm start -- --fresh` on the embedded database. */
  throwAwayDatabase?: boolean;
}

export async function seed(db: Db, options: SeedOptions = {}): Promise<SeedReport & { demo: boolean }> {
  // Checked here too, before anything is written, whatever the caller decided.
  const demo = demoData({
    requested: options.demo ?? false,
    production: options.production ?? process.env.NODE_ENV === "production",
    throwAwayDatabase: options.throwAwayDatabase ?? false,
  });
  if (demo.refusal) throw new Error(demo.refusal);
  const started = performance.now();
  const directoryRowsWritten = await seedDirectory(db);
  const directoryMs = Math.round(performance.now() - started);
  const services = await seedCatalogue(db);
  if (demo.seed) {
    await seedDemo(db, services);
    await seedDashboards(db, services);
  }
  const [organisations, eServices, accounts] = await Promise.all([
    db.organisation.count(),
    db.eService.count(),
    db.account.count(),
  ]);
  return { directoryRowsWritten, directoryMs, organisations, eServices, accounts, demo: demo.seed };
}
