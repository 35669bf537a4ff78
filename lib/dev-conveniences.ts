// SEC-10: the development conveniences, the dev mailbox (MAIL-2) and the demo accounts, never
// run in production. Both rules live here, pure, so that the app (lib/env.ts: the start-up
// check and the mailbox routes and page), its scripts (run-app, db:seed, the seed itself) and
// the tests all apply the same ones. Nothing here looks at the kind of database: the embedded
// PostgreSQL is a fine production database for a small body, so it implies nothing.

export interface MailboxSettings {
  NODE_ENV: "development" | "production" | "test";
  RESEND_API_KEY?: string;
  ENABLE_DEV_MAILBOX?: "0" | "1";
}

export type DevMailbox = { enabled: true } | { enabled: false; refusal?: string };

export const DEV_MAILBOX_WITH_RESEND_REFUSED =
  "ENABLE_DEV_MAILBOX=1 est refusé en production quand RESEND_API_KEY est défini : la boîte aux lettres de " +
  "développement montrerait à n'importe qui les liens d'activation et de réinitialisation envoyés aux utilisateurs. " +
  "Retirez ENABLE_DEV_MAILBOX.";

/**
 * Whether /dev/mailbox and /api/dev/mailbox exist (MAIL-2). They are open to anyone who can
 * reach the server, so in production they exist only on an explicit ENABLE_DEV_MAILBOX=1 (the
 * end-to-end test server, a demonstration), and never beside a real provider: with
 * RESEND_API_KEY the mailbox would hold real people's links, and the server refuses to start.
 * Outside production (`npm run dev`, the integration tests) it exists unless
 * ENABLE_DEV_MAILBOX=0.
 */
export function devMailbox(settings: MailboxSettings): DevMailbox {
  if (settings.ENABLE_DEV_MAILBOX === "0") return { enabled: false };
  if (settings.NODE_ENV !== "production") return { enabled: true };
  if (settings.ENABLE_DEV_MAILBOX !== "1") return { enabled: false };
  if (settings.RESEND_API_KEY) return { enabled: false, refusal: DEV_MAILBOX_WITH_RESEND_REFUSED };
  return { enabled: true };
}

export interface DemoDataContext {
  /** Demo data asked for: SEED_DEMO=1, or the default of the command (only `npm run dev` defaults to yes). */
  requested: boolean;
  /** `npm start`, or NODE_ENV=production for `npm run db:seed`. */
  production: boolean;
  /**
   * The database was created by this very run and holds nothing else: `npm start -- --fresh`
   * on the embedded PostgreSQL deletes its data directory first (the end-to-end test server).
   * Demo accounts there endanger no real account, and disappear at the next start.
   */
  throwAwayDatabase: boolean;
}

export const DEMO_DATA_REFUSED =
  "Données de démonstration refusées en production (SEED_DEMO=1) : leurs comptes, dont un opérateur, ont un mot de passe " +
  "publié. Elles ne se chargent qu'en développement (npm run dev, ou npm run db:seed hors NODE_ENV=production) et sur un " +
  "serveur de test jetable (npm start -- --fresh sur la base intégrée).";

/**
 * Whether the seed loads the demo accounts (published password). Never by default outside
 * `npm run dev`; in production only on a throw-away database, otherwise refused (the command
 * stops with DEMO_DATA_REFUSED rather than silently seeding or silently skipping).
 */
export function demoData(context: DemoDataContext): { seed: boolean; refusal?: string } {
  if (!context.requested) return { seed: false };
  if (context.production && !context.throwAwayDatabase) return { seed: false, refusal: DEMO_DATA_REFUSED };
  return { seed: true };
}

/** SEED_DEMO: "1" asks for the demo data, "0" refuses it, unset takes the command's default. */
export function demoDataRequested(seedDemo: string | undefined, byDefault: boolean): boolean {
  if (seedDemo === undefined || seedDemo === "") return byDefault;
  if (seedDemo === "1") return true;
  if (seedDemo === "0") return false;
  throw new Error("Configuration invalide :\n  - SEED_DEMO: doit valoir 0 ou 1");
}
