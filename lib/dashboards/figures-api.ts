// DASH-1: an e-service pushes, once a day, the figures of one organisation for one day
// (`POST /api/v1/figures`). This module validates the batch and stores it; the route handler
// only turns the outcome into HTTP.
//
// Decisions:
// - The organisation is named by its organisation code (the public identifier e-services
//   already know). The e-service may only send figures for an organisation subscribed to it
//   on that day: any other organisation, existing or not, is refused and nothing is written.
// - A batch is the whole of the day's figures: sending it again replaces them (idempotent on
//   (e-service, organisation, day, metric)); a metric absent from a new batch is removed.
// - Days are Paris calendar days, from three years ago up to today.
import "server-only";
import { z } from "zod";
import { dayKeyToDate, isDayKey, parisDayKey, shiftDayKey } from "../calendar";
import type { Db } from "../db";
import { frenchIssueMessage } from "../form-fields";
import { isAllowedText } from "../security/input-text";
import { validOn } from "../subscriptions/validity";

export const MAX_FIGURES_PER_BATCH = 100;
export const MAX_BODY_BYTES = 64 * 1024;
const OLDEST_DAY_OFFSET = 3 * 366;

function hasAtMostFourDecimals(value: number): boolean {
  return Math.abs(Math.round(value * 10_000) - value * 10_000) < 1e-6;
}

export const figureSchema = z.strictObject({
  metric: z
    .string({ error: "« metric » est obligatoire (texte)." })
    .regex(/^[a-z][a-z0-9_]{0,62}$/, "« metric » : lettres minuscules sans accent, chiffres et « _ », 63 caractères au plus, commençant par une lettre."),
  label: z
    .string({ error: "« label » doit être un texte." })
    .refine((value) => isAllowedText(value), "« label » contient des caractères non autorisés (caractères de contrôle ou de mise en forme).")
    .trim()
    .min(1, "« label » ne peut pas être vide.")
    .max(80, "« label » : 80 caractères au plus.")
    .optional(),
  value: z
    .number({ error: "« value » est obligatoire (nombre)." })
    .min(0, "« value » ne peut pas être négatif.")
    .max(1e13, "« value » est trop grand.")
    .refine(hasAtMostFourDecimals, "« value » : 4 décimales au plus."),
});

export const figuresBatchSchema = z.strictObject({
  organisation: z
    .string({ error: "« organisation » est obligatoire : le code de l'organisation." })
    // SEC-9: NUL would fail the query (500); no code holds any refused character.
    .refine((value) => isAllowedText(value), "« organisation » contient des caractères non autorisés (caractères de contrôle ou de mise en forme).")
    .trim()
    .min(1, "« organisation » est obligatoire : le code de l'organisation.")
    .max(20, "« organisation » : code inconnu."),
  day: z
    .string({ error: "« day » est obligatoire : une date AAAA-MM-JJ." })
    .refine(isDayKey, "« day » : une date réelle au format AAAA-MM-JJ est attendue."),
  figures: z
    .array(figureSchema, { error: "« figures » est obligatoire : une liste de chiffres." })
    .min(1, "« figures » doit contenir au moins un chiffre.")
    .max(MAX_FIGURES_PER_BATCH, `« figures » : ${MAX_FIGURES_PER_BATCH} chiffres au plus par lot.`)
    .refine(
      (figures) => new Set(figures.map((figure) => figure.metric)).size === figures.length,
      "« figures » : chaque « metric » ne peut figurer qu'une fois par lot.",
    ),
});

export type FiguresBatch = z.output<typeof figuresBatchSchema>;

export interface ApiProblem {
  status: number;
  error: string;
  message: string;
  issues?: { path: string; message: string }[];
}

export type IngestOutcome = { ok: true; stored: number; removed: number; day: string; organisation: string } | { ok: false; problem: ApiProblem };

/** Validates and stores one batch for the authenticated e-service. */
export async function ingestFigures(db: Db, eService: { id: string }, body: unknown, now: Date = new Date()): Promise<IngestOutcome> {
  const parsed = figuresBatchSchema.safeParse(body, { error: frenchIssueMessage });
  if (!parsed.success) {
    return {
      ok: false,
      problem: {
        status: 422,
        error: "invalid_batch",
        message: "Le lot de chiffres est invalide : corrigez les champs signalés.",
        issues: parsed.error.issues.map((issue) => ({ path: issue.path.join(".") || "(corps)", message: issue.message })),
      },
    };
  }
  const batch = parsed.data;
  const today = parisDayKey(now);
  if (batch.day > today || batch.day < shiftDayKey(today, -OLDEST_DAY_OFFSET)) {
    return {
      ok: false,
      problem: {
        status: 422,
        error: "day_out_of_range",
        message: `« day » doit être compris entre le ${shiftDayKey(today, -OLDEST_DAY_OFFSET)} et aujourd'hui (${today}).`,
        issues: [{ path: "day", message: "Date hors de la période acceptée." }],
      },
    };
  }
  // Organisation codes are upper-case (ORG-3); the code as sent is tried too.
  const organisation = await db.organisation.findFirst({
    where: { code: { in: [...new Set([batch.organisation, batch.organisation.toUpperCase()])] } },
    select: { id: true },
  });
  // The same answer whether the organisation does not exist or is not subscribed: an
  // e-service learns nothing about organisations that are not its own.
  const subscribed =
    organisation &&
    (await db.subscription.findFirst({
      where: { organisationId: organisation.id, eServiceId: eService.id, ...validOn(dayKeyToDate(batch.day)) },
      select: { id: true },
    }));
  if (!organisation || !subscribed) {
    return {
      ok: false,
      problem: {
        status: 403,
        error: "organisation_not_subscribed",
        message: `Aucune organisation de code « ${batch.organisation} » n'est abonnée à cet e-service le ${batch.day} : chiffres refusés.`,
      },
    };
  }

  const day = dayKeyToDate(batch.day);
  const key = { eServiceId: eService.id, organisationId: organisation.id, day };
  const { removed } = await db.$transaction(async (tx) => {
    const deleted = await tx.eServiceDailyFigure.deleteMany({ where: { ...key, metric: { notIn: batch.figures.map((figure) => figure.metric) } } });
    for (const figure of batch.figures) {
      await tx.eServiceDailyFigure.upsert({
        where: { eServiceId_organisationId_day_metric: { ...key, metric: figure.metric } },
        create: { ...key, metric: figure.metric, label: figure.label ?? null, value: figure.value, receivedAt: now },
        update: { label: figure.label ?? null, value: figure.value, receivedAt: now },
      });
    }
    return { removed: deleted.count };
  });
  return { ok: true, stored: batch.figures.length, removed, day: batch.day, organisation: batch.organisation };
}
