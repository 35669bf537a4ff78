// BULK-4: a 50,000-row export previewed then imported (target: both together under 60 s),
// into an organisation that already has 5,000 accounts, some of which the file repeats or
// updates, with frequent homonyms so that ID-1's collision rule is exercised.
import { confirmImport, processImports } from "../../lib/imports/apply-import";
import { previewImport } from "../../lib/imports/preview-import";
import { sendDueWelcomeEmails } from "../../lib/imports/welcome";
import { line, timed, type BenchSection } from "./measure";
import { actorOfAccount } from "../../lib/operation";

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 50_000);
const EXISTING = 5_000;
const FIRST_NAMES = ["Léa", "Hugo", "Chloé", "Louis", "Inès", "Jules", "Zoé", "Noé", "Éloïse", "Gabriel", "Anaïs", "Raphaël"];

function buildFile(): Uint8Array {
  const lines = ["Civilité;Prénom;Nom;Adresse électronique;Catégorie;E-services;Date d'ouverture"];
  for (let n = 0; n < ROWS; n += 1) {
    const first = FIRST_NAMES[n % FIRST_NAMES.length];
    const last = `Martin-${String(n % 4_000).padStart(4, "0")}`;
    // Rows below EXISTING repeat the accounts already there; one in ten of them changes category.
    const category = n < EXISTING && n % 10 === 0 ? "Personnel" : "Élèves";
    const opening = n % 3 === 0 ? "01/09/2099" : "";
    lines.push(`${n % 2 ? "Monsieur" : "Madame"};${first};${last};personne${n}@bench-import.example;${category};cantine-bench;${opening}`);
  }
  return new TextEncoder().encode(lines.join("\r\n") + "\r\n");
}

const section: BenchSection = {
  title: "Bulk import (BULK-4)",
  async run({ db }) {
    const organisation = await db.organisation.create({
      data: { kind: "OTHER", name: "Établissement d'essai des imports", code: `BENCH-IMPORT-${Date.now()}`, legalRepresentativeTitle: "Directeur" },
    });
    const administrator = await db.account.create({
      data: { organisationId: organisation.id, identifier: `bench-import-admin-${Date.now()}`.slice(0, 20), civility: "MADAME", firstName: "Admin", lastName: "Essai", email: "admin@bench-import.example", role: "ADMINISTRATOR", status: "ACTIVE" },
    });
    const eService = await db.eService.create({ data: { slug: "cantine-bench", name: "Cantine", description: "d", url: "https://cantine.example/", termsText: "t" } });
    await db.subscription.create({ data: { organisationId: organisation.id, eServiceId: eService.id, startDate: new Date("2020-01-01"), termsAcceptedAt: new Date() } });
    await db.$executeRawUnsafe(`
      INSERT INTO "accounts" ("id", "organisationId", "identifier", "civility", "firstName", "lastName", "email", "category", "role", "status", "passwordHash", "updatedAt")
      SELECT gen_random_uuid(), '${organisation.id}', 'existing-' || n, (CASE WHEN n % 2 = 1 THEN 'MONSIEUR' ELSE 'MADAME' END)::"Civility",
             (ARRAY[${FIRST_NAMES.map((name) => `'${name}'`).join(",")}])[n % ${FIRST_NAMES.length} + 1],
             'Martin-' || lpad((n % 4000)::text, 4, '0'), 'personne' || n || '@bench-import.example', 'Élèves', 'USER', 'ACTIVE', 'x', now()
      FROM generate_series(0, ${EXISTING - 1}) AS n`);
    await db.$executeRawUnsafe("ANALYZE");

    const bytes = buildFile();
    const actor = actorOfAccount(administrator);
    const preview = await timed(() => previewImport(db, actor, { organisationId: organisation.id, fileName: "bench.csv", bytes }));
    const imported = await timed(async () => {
      await confirmImport(db, actor, { organisationId: organisation.id, importId: preview.value.importId });
      return processImports(db);
    });
    const result = await db.import.findUniqueOrThrow({ where: { id: preview.value.importId } });
    line(`Preview, ${ROWS.toLocaleString("en")} rows (${(bytes.byteLength / 1e6).toFixed(1)} MB)`, `${preview.seconds.toFixed(1)} s`);
    line(`Import (background chunks), ${ROWS.toLocaleString("en")} rows`, `${imported.seconds.toFixed(1)} s (${imported.value.chunks} chunks)`);
    line("Preview + import", `${(preview.seconds + imported.seconds).toFixed(1)} s`, "< 60 s");
    line(
      "Outcomes",
      `created ${result.createdCount}, updated ${result.updatedCount}, unchanged ${result.unchangedCount}, refused ${result.refusedCount}, status ${result.status}`,
    );
    const welcomes = await timed(() => sendDueWelcomeEmails(db, new Date(), 1_000));
    line("Welcome e-mails (token + rendering + outbox)", `${(welcomes.value / welcomes.seconds).toFixed(0)} per second (${welcomes.value} sent)`);
  },
};
export default section;
