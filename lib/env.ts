// Configuration, parsed once with zod: a wrong or missing setting stops the start-up with a
// clear message instead of failing later in the middle of a request. Every variable is
// listed with a comment in .env.example.
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
  SUPPORT_EMAIL: z.email().default("assistance@portail-e-services.localhost"),
  SUPPORT_PHONE: z.string().min(1).default("01 00 00 00 00"),
  SUPPORT_HOURS: z.string().min(1).default("du lundi au vendredi, de 9 h à 17 h"),
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
  if (problems.length) throw new Error(`Configuration invalide :\n${problems.map((problem) => `  - ${problem}`).join("\n")}`);
}

/**
 * The dev mailbox (MAIL-2) exists now: the one rule (lib/dev-conveniences.ts) that every
 * mailbox route and page checks, server-side, before reading anything.
 */
export function devMailboxEnabled(config: Env = env()): boolean {
  return devMailbox(config).enabled;
}
