// Configuration, parsed once with zod: a wrong or missing setting stops the start-up with a
// clear message instead of failing later in the middle of a request. Every variable is
// listed with a comment in .env.example.
import { z } from "zod";

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
  RESEND_API_KEY: z.string().min(1).optional(),
  MAIL_FROM: z.string().min(3).default("Portail e-services <ne-pas-repondre@portail-e-services.localhost>"),
  ENABLE_DEV_MAILBOX: flag,
  JOBS_IN_PROCESS: flag,
  SUPPORT_EMAIL: z.email().default("assistance@portail-e-services.localhost"),
  SUPPORT_PHONE: z.string().min(1).default("01 00 00 00 00"),
  SUPPORT_HOURS: z.string().min(1).default("du lundi au vendredi, de 9 h à 17 h"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const result = schema.safeParse(process.env);
  if (!result.success) {
    const details = result.error.issues.map((issue) => `  - ${issue.path.join(".")}: ${issue.message}`).join("\n");
    throw new Error(`Configuration invalide :\n${details}`);
  }
  if (result.data.NODE_ENV === "production" && !result.data.AUTH_SECRET) {
    throw new Error("Configuration invalide :\n  - AUTH_SECRET: obligatoire en production");
  }
  cached = result.data;
  return cached;
}

/** Checked when a server or worker starts: settings a real deployment cannot do without. */
export function assertReadyToServe(): void {
  const config = env();
  if (config.NODE_ENV === "production" && !config.RESEND_API_KEY && config.ENABLE_DEV_MAILBOX !== "1") {
    // Without a provider the outbox is only a dev mailbox: e-mails would never leave.
    throw new Error("Configuration invalide :\n  - RESEND_API_KEY: obligatoire en production (ou ENABLE_DEV_MAILBOX=1 pour une démonstration)");
  }
}

/** The dev mailbox (MAIL-2) exists outside production, or when explicitly enabled. */
export function devMailboxEnabled(): boolean {
  const config = env();
  return config.NODE_ENV !== "production" || config.ENABLE_DEV_MAILBOX === "1";
}
