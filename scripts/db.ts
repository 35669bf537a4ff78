// Database tasks, all offline: `npm run db:<task>`.
//   deploy            apply the migrations not applied yet
//   status            compare the database with prisma/migrations
//   reset             drop everything, re-apply every migration (asks no question: dev only)
//   dev --name NAME   write a new migration from the changes of prisma/schema.prisma, then deploy it
//   seed              deploy, then seed the directory and the catalogue; the demo data only with
//                     SEED_DEMO=1, refused under NODE_ENV=production (SEC-10)
//   server            start the embedded PostgreSQL and keep it running until Ctrl+C
import "./load-env";
import { demoData, demoDataRequested } from "../lib/dev-conveniences";
import { createMigration, deployMigrations, migrationStatus, resetDatabase } from "./database/migrations";
import { localAuthSecret } from "./database/local-auth-secret";
import { openDatabase, redactUrl } from "./database/open";

const [task, ...rest] = process.argv.slice(2);
const say = (line: string) => console.log(line);

async function main(): Promise<number> {
  if (task === "dev") {
    const nameIndex = rest.indexOf("--name");
    const name = nameIndex >= 0 ? rest[nameIndex + 1] : undefined;
    if (!name) {
      say("Usage : npm run db:migrate:dev -- --name <nom-de-la-migration>");
      return 2;
    }
    const folder = await createMigration(name);
    say(folder ? `Migration créée : prisma/migrations/${folder}` : "Aucun changement du schéma : pas de migration.");
  }

  // PostgreSQL logs only on demand: they drown the tasks' own messages.
  const database = await openDatabase(process.env.POSTGRES_LOG === "1" ? say : undefined);
  try {
    switch (task) {
      case "dev":
      case "deploy": {
        const applied = await deployMigrations(database.url);
        say(applied.length ? `Migrations appliquées : ${applied.join(", ")}` : "Base à jour : aucune migration à appliquer.");
        return 0;
      }
      case "status": {
        const status = await migrationStatus(database.url);
        say(`Base : ${redactUrl(database.url)}`);
        if (status.upToDate) say("Base à jour.");
        if (status.unapplied.length) say(`Non appliquées : ${status.unapplied.join(", ")}`);
        if (status.unknownToFolder.length) say(`Absentes du dossier : ${status.unknownToFolder.join(", ")}`);
        if (status.failed.length) say(`En échec : ${status.failed.join(", ")}`);
        if (status.edited.length) say(`Modifiées après application : ${status.edited.join(", ")}`);
        return status.upToDate ? 0 : 1;
      }
      case "reset": {
        const applied = await resetDatabase(database.url);
        say(`Base vidée, migrations appliquées : ${applied.join(", ")}`);
        return 0;
      }
      case "seed": {
        // The production procedure's command: demo data (published passwords) is never its
        // default, and asking for it under NODE_ENV=production stops here, before any write.
        const production = process.env.NODE_ENV === "production";
        const demo = demoData({ requested: demoDataRequested(process.env.SEED_DEMO, false), production, throwAwayDatabase: false });
        if (demo.refusal) throw new Error(demo.refusal);
        await deployMigrations(database.url);
        // What the seed encrypts at rest must be readable by the app on the same database.
        if (database.embedded) process.env.AUTH_SECRET ??= localAuthSecret();
        const { seed } = await import("../prisma/seed");
        const { db } = await import("../lib/db");
        const report = await seed(db, { demo: demo.seed, production });
        say(
          `Annuaire : ${report.directoryRowsWritten} organisations écrites en ${report.directoryMs} ms ; ` +
            `${report.organisations} organisations, ${report.eServices} e-services, ${report.accounts} comptes.`,
        );
        say(report.demo ? "Données de démonstration chargées." : "Sans données de démonstration (SEED_DEMO=1 pour les charger, hors production).");
        await db.$disconnect();
        return 0;
      }
      case "server": {
        say(`PostgreSQL intégré : ${redactUrl(database.url)} (Ctrl+C pour arrêter)`);
        await new Promise(() => undefined);
        return 0;
      }
      default:
        say("Usage : tsx scripts/db.ts deploy|status|reset|dev --name NOM|seed|server");
        return 2;
    }
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
