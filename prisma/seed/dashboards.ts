// Demonstration figures for the dashboards (DASH-1), so that a fresh `npm run dev` shows real
// charts:
// - the demo organisations' accounts and permissions, made "now" by seedDemo, are given a
//   history (created and validated over the past months), then the portal's figures of the
//   past year are computed by the real backfill;
// - each subscribed e-service gets a year of plausible daily figures, as if it had pushed
//   them through the API.
// Idempotent: history is only given to accounts created in the last day; e-service figures
// are inserted only where none exist (ON CONFLICT DO NOTHING), never over pushed figures.
import { parisDayKey, shiftDayKey } from "../../lib/calendar";
import { backfillPortalFigures } from "../../lib/dashboards/portal-figures";
import type { Db } from "../../lib/db";
import type { CatalogueSlug } from "./catalogue";
import { DEMO_ORGANISATIONS } from "./demo";

/** What each catalogue e-service reports, with a typical weekday level. */
const DEMO_METRICS: Record<CatalogueSlug, { metric: string; label: string; level: number }[]> = {
  "etat-civil": [
    { metric: "demandes_recues", label: "Demandes d'actes reçues", level: 24 },
    { metric: "actes_delivres", label: "Actes délivrés", level: 21 },
  ],
  urbanisme: [
    { metric: "dossiers_deposes", label: "Dossiers déposés", level: 6 },
    { metric: "dossiers_instruits", label: "Dossiers instruits", level: 5 },
  ],
  "paie-rh": [{ metric: "bulletins_produits", label: "Bulletins de paie produits", level: 40 }],
  "sante-au-travail": [{ metric: "visites_planifiees", label: "Visites planifiées", level: 3 }],
  periscolaire: [{ metric: "inscriptions", label: "Inscriptions", level: 12 }],
  "marches-publics": [
    { metric: "consultations_publiees", label: "Consultations publiées", level: 2 },
    { metric: "offres_recues", label: "Offres reçues", level: 9 },
  ],
};

const DAY_MS = 86_400_000;

export async function seedDashboards(db: Db, services: Map<CatalogueSlug, string>, now: Date = new Date()): Promise<void> {
  const yesterday = shiftDayKey(parisDayKey(now), -1);
  const from = shiftDayKey(yesterday, -364);

  for (const demo of DEMO_ORGANISATIONS) {
    const organisation = await db.organisation.findUniqueOrThrow({ where: { code: demo.code }, select: { id: true } });
    const fresh = await db.account.findMany({
      where: { organisationId: organisation.id, createdAt: { gt: new Date(now.getTime() - DAY_MS) } },
      select: { id: true, identifier: true, activatedAt: true, validatedAt: true, emailVerifiedAt: true, deactivatedAt: true },
      orderBy: { identifier: "asc" },
    });
    // Staggered over 2 to 10 months ago: well within the 15 months of the inactivity warning (LIFE-2).
    for (const [index, account] of fresh.entries()) {
      const created = new Date(now.getTime() - (300 - index * 35) * DAY_MS);
      const validated = new Date(created.getTime() + 2 * DAY_MS);
      await db.account.update({
        where: { id: account.id },
        data: {
          createdAt: created,
          emailVerifiedAt: account.emailVerifiedAt ? new Date(created.getTime() + 3_600_000) : null,
          activatedAt: account.activatedAt ? new Date(created.getTime() + 3_600_000) : null,
          validatedAt: account.validatedAt ? validated : null,
          // A demo account deactivated "now" would read as active in every past day's figures
          // and deactivated only in today's counts: it was deactivated three weeks ago.
          deactivatedAt: account.deactivatedAt ? new Date(Math.max(validated.getTime() + DAY_MS, now.getTime() - 21 * DAY_MS)) : null,
        },
      });
      await db.permission.updateMany({ where: { accountId: account.id }, data: { createdAt: validated } });
    }

    for (const slug of demo.subscriptions) {
      for (const { metric, label, level } of DEMO_METRICS[slug]) {
        // Weekdays around `level` with a slow seasonal wave; weekends quiet. Deterministic.
        await db.$executeRaw`
          INSERT INTO "e_service_daily_figures" ("eServiceId", "organisationId", "day", "metric", "label", "value", "receivedAt")
          SELECT ${services.get(slug)!}::uuid, ${organisation.id}::uuid, d::date, ${metric}, ${label},
                 CASE WHEN extract(isodow FROM d) IN (6, 7) THEN 0
                      ELSE greatest(0, round(${level} * (1 + 0.3 * sin(extract(doy FROM d) / 58.0)) + (abs(hashtext(${metric} || d::text)) % 5) - 2))
                 END,
                 ((d + interval '1 day 5 hours') AT TIME ZONE 'Europe/Paris') AT TIME ZONE 'UTC'
          FROM generate_series(${from}::timestamp, ${yesterday}::timestamp, interval '1 day') AS d
          ON CONFLICT DO NOTHING`;
      }
    }
  }
  await backfillPortalFigures(db, 365, now);
}
