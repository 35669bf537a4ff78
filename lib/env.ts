// Configuration, parsed once with zod: a wrong or missing setting stops the start-up with a
// clear message instead of failing later in the middle of a request. Every variable is
// listed with a comment in .env.example.
import { existsSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { devMailbox } from "./dev-conveniences";

const flag = z.enum(["0", "1"]).optional();

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  APP_URL: z.url().default("http://127.0.0.1:3000"),
  AUTH_SECRET: z.string().min(32, "AUTH_SECRET doit contenir au moins 32 caractères").optional(),
  SECRETS_ENCRYPTION_KEY: z
    .string()
    .refine((value) => Buffer.from(value, "base64").length === 32, "SECRETS_ENCRYPTION_KEY doit contenir 32 octets encodés en base64")
    .optional(),
  /** WebAuthn relying party (MFA-1): the host name passkeys are bound to; default APP_URL's. */
  WEBAUTHN_RP_ID: z.string().min(1).optional(),
  /** The origin browsers report for passkeys; default APP_URL's origin. */
  WEBAUTHN_ORIGIN: z.url().optional(),
  RESEND_API_KEY: z.string().min(1).optional(),
  MAIL_FROM: z.string().min(3).default("Portail e-services <ne-pas-repondre@portail-e-services.localhost>"),
  /** Read by the resend package itself; set only to reach a stand-in (tests, benchmark). */
  RESEND_BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
  MAIL_REQUESTS_PER_SECOND: z.coerce.number().positive("MAIL_REQUESTS_PER_SECOND doit être positif").default(2),
  MAIL_BATCH_SIZE: z.coerce.number().int().min(1).max(100, "MAIL_BATCH_SIZE : 100 messages au plus par appel (limite de Resend)").default(100),
  MAIL_CONCURRENCY: z.coerce.number().int().min(1).max(32).default(4),
  MAIL_TIMEOUT_MS: z.coerce.number().int().min(1000).default(30_000),
  ENABLE_DEV_MAILBOX: flag,
  JOBS_IN_PROCESS: flag,
  // Support contacts (HELP-5) and the portal operator's identity on letters (LR-2): required in
  // production; development and throw-away servers get the DEV_DEFAULTS below, marked as such.
  SUPPORT_EMAIL: z.email().optional(),
  SUPPORT_PHONE: z.string().trim().min(1).optional(),
  SUPPORT_HOURS: z.string().trim().min(1).optional(),
  /** The entity that sends the letters, e.g. "Syndicat mixte du numérique de la Loire". */
  LETTER_SENDER_NAME: z.string().trim().min(1).optional(),
  /** Its return address, lines separated by "|": "Service des e-services|2 rue X|42000 SAINT ETIENNE". */
  LETTER_SENDER_ADDRESS: z.string().trim().min(1).optional(),
  /** "Affaire suivie par": the team or person the legal representative may ask for. */
  LETTER_CASE_OFFICER: z.string().trim().min(1).optional(),
  /** A PNG or JPEG file under public/, printed at the top of letters, e.g. "courrier/logo.png". */
  LETTER_LOGO: z
    .string()
    .trim()
    .regex(/^(?!\/)(?!.*\.\.)[\w./-]+\.(png|jpe?g)$/i, "LETTER_LOGO : un fichier PNG ou JPEG sous public/, par exemple courrier/logo.png")
    .optional(),
  /** "1": a requester's reply to an assistance request is also e-mailed to SUPPORT_EMAIL. */
  SUPPORT_REPLY_ALERTS: flag,
  /**
   * DEP-5: months after its deactivation (for inactivity, by the administrator, or closed by
   * its owner) after which an account's personal data are anonymised by the daily retention
   * job. Default 36 (3 years). Registrations never activated keep LIFE-3's purge (30 days).
   */
  ACCOUNT_RETENTION_MONTHS: z.coerce
    .number()
    .int("ACCOUNT_RETENTION_MONTHS : un nombre entier de mois")
    .min(1, "ACCOUNT_RETENTION_MONTHS : au moins 1 mois")
    .max(240, "ACCOUNT_RETENTION_MONTHS : 240 mois (20 ans) au plus")
    .default(36),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export type Env = z.infer<typeof schema>;

/**
 * What development, the tests and throw-away servers print instead of the real contacts and
 * letter identity: visibly not a real body's, so that nobody mistakes them for one.
 */
export const DEV_DEFAULTS = {
  SUPPORT_EMAIL: "assistance@portail-e-services.localhost",
  SUPPORT_PHONE: "01 00 00 00 00 (numéro de développement)",
  SUPPORT_HOURS: "du lundi au vendredi, de 9 h à 17 h",
  LETTER_SENDER_NAME: "Portail e-services (instance de développement)",
  LETTER_SENDER_ADDRESS: "Adresse de développement|à configurer : LETTER_SENDER_ADDRESS",
  LETTER_CASE_OFFICER: "L'équipe du portail (développement)",
  /** The portal's own icon (public/icon-192.png), outside production only. */
  LETTER_LOGO: "icon-192.png",
} as const;

/** Settings production cannot do without: every letter and page would show placeholders. */
export const REQUIRED_IN_PRODUCTION = [
  "SUPPORT_EMAIL",
  "SUPPORT_PHONE",
  "SUPPORT_HOURS",
  "LETTER_SENDER_NAME",
  "LETTER_SENDER_ADDRESS",
  "LETTER_CASE_OFFICER",
] as const;

/** Parses a set of variables (the process's, or the one a script prepares for the server it starts). */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = schema.safeParse(source);
  if (!result.success) {
    const details = result.error.issues.map((issue) => `  - ${issue.path.join(".")}: ${issue.message}`).join("\n");
    throw new Error(`Configuration invalide :\n${details}`);
  }
  if (result.data.NODE_ENV === "production" && !result.data.AUTH_SECRET) {
    throw new Error("Configuration invalide :\n  - AUTH_SECRET: obligatoire en production");
  }
  return result.data;
}

let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

export const RESEND_REQUIRED_IN_PRODUCTION =
  "RESEND_API_KEY: obligatoire en production (npm start). Sans lui, aucun courriel (activation, mot de passe oublié, " +
  "codes, réponses de l'assistance) ne quitterait le serveur. Pour essayer le portail sur cette machine : npm run dev. " +
  "Pour un serveur de démonstration ou de test jetable seulement : ENABLE_DEV_MAILBOX=1 (les courriels ne sont alors " +
  "pas envoyés, et n'importe qui peut les lire sur /dev/mailbox).";

/**
 * Checked by `npm start` before it prepares anything, by the Next.js server (instrumentation.ts)
 * and by the worker: settings a real deployment cannot do without. In production, e-mails go
 * through Resend, or (explicitly, for a throw-away server) stay in the dev mailbox; any other
 * combination stops the start-up with the reason (SEC-10, MAIL-2).
 */
export function assertReadyToServe(config: Env = env()): void {
  const mailbox = devMailbox(config);
  const problems: string[] = [];
  if (!mailbox.enabled && mailbox.refusal) problems.push(`ENABLE_DEV_MAILBOX: ${mailbox.refusal}`);
  else if (config.NODE_ENV === "production" && !config.RESEND_API_KEY && !mailbox.enabled) problems.push(RESEND_REQUIRED_IN_PRODUCTION);
  // Issue 16 item 3: a real deployment prints its own address and contacts on letters to
  // mayors. Only a throw-away server (production build with the dev mailbox: the end-to-end
  // tests, a demonstration) may run on http and with the development placeholders.
  if (config.NODE_ENV === "production" && !mailbox.enabled) problems.push(...productionIdentityProblems(config));
  if (config.LETTER_LOGO && !existsSync(publicFile(config.LETTER_LOGO))) {
    problems.push(`LETTER_LOGO: le fichier public/${config.LETTER_LOGO} n'existe pas`);
  }
  if (problems.length) throw new Error(`Configuration invalide :\n${problems.map((problem) => `  - ${problem}`).join("\n")}`);
}

/** A file of public/, by its path under it (the letter's logo). */
export function publicFile(relative: string): string {
  return path.join(process.cwd(), "public", relative);
}

/** What a production server lacks to address people: an https APP_URL, support contacts, a letter sender. */
export function productionIdentityProblems(config: Env): string[] {
  const problems: string[] = [];
  if (new URL(config.APP_URL).protocol !== "https:") {
    problems.push(`APP_URL: doit commencer par https:// en production (adresse imprimée sur les courriers et les courriels), pas ${config.APP_URL}`);
  }
  const missing = REQUIRED_IN_PRODUCTION.filter((name) => !config[name]);
  if (missing.length) problems.push(`${missing.join(", ")}: obligatoires en production (contacts de l'assistance et expéditeur des courriers, voir .env.example)`);
  return problems;
}

/**
 * The dev mailbox (MAIL-2) exists now: the one rule (lib/dev-conveniences.ts) that every
 * mailbox route and page checks, server-side, before reading anything.
 */
export function devMailboxEnabled(config: Env = env()): boolean {
  return devMailbox(config).enabled;
}
