// The zod schemas of the operator's catalogue forms (ADM: operators manage the catalogue),
// shared by the form, its server actions and the service. Messages are the French texts
// shown next to their field.
import { z } from "zod";
import { multiline } from "../security/input-text";

export const E_SERVICE_FIELD_LABELS = {
  name: "Nom",
  slug: "Identifiant technique (slug)",
  description: "Description",
  url: "Adresse de l'e-service",
  termsText: "Conditions d'utilisation",
  handlesHealthData: "Traite des données de santé",
  requiresSecondFactor: "Double authentification exigée pour ouvrir cet e-service",
  active: "Proposé aux organisations",
} as const;

export type EServiceField = keyof typeof E_SERVICE_FIELD_LABELS;

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1"]);

/** An https address; http only for a local e-service (development). */
export function isAllowedUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  if (url.protocol === "https:") return Boolean(url.hostname);
  return url.protocol === "http:" && LOCAL_HOSTS.has(url.hostname);
}

const URL_MESSAGE = "Indiquez une adresse complète en https, par exemple https://e-service.example.fr.";

function text(label: string, min: number, max: number) {
  return z
    .string({ error: `Indiquez ${label}.` })
    .trim()
    .min(1, `Indiquez ${label}.`)
    .min(min, `${min} caractères au moins.`)
    .max(max, `${max} caractères au plus.`);
}

/** A checkbox: "on" when ticked, absent otherwise. */
const checkbox = z
  .unknown()
  .optional()
  .transform((value) => value === "on" || value === true || value === "true");

export const eServiceFields = {
  name: text("le nom de l'e-service", 2, 100),
  slug: z
    .string({ error: "Indiquez l'identifiant technique." })
    .trim()
    .toLowerCase()
    .min(1, "Indiquez l'identifiant technique.")
    .min(2, "2 caractères au moins.")
    .max(50, "50 caractères au plus.")
    .regex(SLUG_PATTERN, "Lettres minuscules sans accents, chiffres et tirets uniquement, par exemple « etat-civil »."),
  description: multiline(text("la description de l'e-service", 10, 500)),
  url: z
    .string({ error: "Indiquez l'adresse de l'e-service." })
    .trim()
    .min(1, "Indiquez l'adresse de l'e-service.")
    .max(2_000, "2000 caractères au plus.")
    .refine(isAllowedUrl, URL_MESSAGE),
  termsText: multiline(text("les conditions d'utilisation", 10, 10_000)),
  handlesHealthData: checkbox,
  requiresSecondFactor: checkbox,
  active: checkbox,
};

export const eServiceSchema = z.object(eServiceFields);

export type EServiceInput = z.output<typeof eServiceSchema>;

/** The edit form: the same fields and the e-service's id. */
export const eServiceUpdateSchema = z
  .object({ ...eServiceFields, eServiceId: z.uuid({ error: "E-service introuvable." }) })
  .transform(({ eServiceId, ...input }) => ({ eServiceId, input }));
