// `npm run figures:backfill -- --days 365`: computes the portal's dashboard figures of the
// past days (DASH-2), yesterday included. Idempotent: days already computed are recomputed.
import "./load-env";
import { openDatabase } from "./database/open";

function daysArgument(): number {
  const index = process.argv.indexOf("--days");
  const raw = index >= 0 ? process.argv[index + 1] : "365";
  const days = Number(raw);
  if (!Number.isInteger(days) || days < 1 || days > 3660) {
    console.error(`--days attend un nombre entier de jours entre 1 et 3660 (reçu : ${raw ?? "rien"}).`);
    process.exit(2);
  }
  return days;
}

async function main(): Promise<void> {
  const days = daysArgument();
  const database = await openDatabase();
  const { db } = await import("../lib/db");
  const { backfillPortalFigures } = await import("../lib/dashboards/portal-figures");
  const started = performance.now();
  const report = await backfillPortalFigures(db, days);
  console.log(`Chiffres du portail calculés du ${report.from} au ${report.to} : ${report.rows} lignes en ${Math.round(performance.now() - started)} ms.`);
  await db.$disconnect();
  await database.close();
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
