// MAIL-1 at scale (issue 17): 50,000 imported accounts, from the import's confirmation to the
// last welcome accepted by the provider, with a password reset asked for in the middle. The
// whole production path runs: the job runner ticking every 15 seconds (imports task: chunks,
// then welcomes), the continuous delivery loop, and the resend package speaking HTTP to the
// local stand-in of Resend's API (lib/testing/resend-stand-in.ts) on 127.0.0.1, which holds
// it to Resend's default limits: 2 calls a second, 100 messages a call, plus some latency.
import { randomBytes } from "node:crypto";
import { writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { requestPasswordReset } from "../../lib/accounts/recover-access";
import { confirmImport } from "../../lib/imports/apply-import";
import { previewImport } from "../../lib/imports/preview-import";
import { importsTask } from "../../lib/imports/welcome";
import { createJobRunner } from "../../lib/jobs/runner";
import { createMailDelivery } from "../../lib/mail/deliver-outbox";
import { ResendSender } from "../../lib/mail/senders";
import { actorOfAccount } from "../../lib/operation";
import { startResendStandIn } from "../../lib/testing/resend-stand-in";
import { line, type BenchSection } from "./measure";

const WELCOMES = Number(process.env.BENCH_MAIL_WELCOMES ?? 50_000);
/** Resend's default rate limit, and what the delivery loop is told (MAIL_REQUESTS_PER_SECOND). */
const REQUESTS_PER_SECOND = Number(process.env.BENCH_MAIL_RPS ?? 2);
/** This work's ports for the stand-in are 3225-3229; 0 would do as well. */
const STAND_IN_PORT = Number(process.env.BENCH_MAIL_PORT ?? 3226);
const RESET_ADDRESS = "urgent@bench-mail.example";

function buildFile(): Uint8Array {
  const lines = ["Civilité;Prénom;Nom;Adresse électronique;Catégorie"];
  for (let n = 0; n < WELCOMES; n += 1) {
    lines.push(`${n % 2 ? "Monsieur" : "Madame"};Prénom${n};Nom-${String(n % 9_000).padStart(4, "0")};bienvenue${n}@bench-mail.example;Élèves`);
  }
  return new TextEncoder().encode(lines.join("\r\n") + "\r\n");
}

async function until(condition: () => boolean | Promise<boolean>, timeoutMs: number, progress: () => Promise<string>): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let nextReport = Date.now() + 30_000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`bench mail: gave up waiting (${await progress()})`);
    if (Date.now() > nextReport) {
      console.log(`  … ${await progress()}`);
      nextReport = Date.now() + 30_000;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const section: BenchSection = {
  title: "E-mail delivery at scale (MAIL-1, BULK-3)",
  async run({ db, jsonFile }) {
    // Activation and reset links are keyed with AUTH_SECRET: any secret does on a throw-away database.
    process.env.AUTH_SECRET ??= randomBytes(32).toString("base64url");
    const standIn = await startResendStandIn({ port: STAND_IN_PORT, requestsPerSecond: REQUESTS_PER_SECOND, latencyMs: 150 });
    // The resend package reads RESEND_BASE_URL when a client is made.
    process.env.RESEND_BASE_URL = standIn.url;
    const delivery = createMailDelivery({
      db,
      sender: new ResendSender("re_bench_stand_in", "Portail e-services <ne-pas-repondre@bench-mail.example>"),
      requestsPerSecond: REQUESTS_PER_SECOND,
      batchSize: 100,
      concurrency: 4,
    });
    const runner = createJobRunner({
      db,
      scheduled: [],
      recurring: [importsTask],
      log: (event) => (String(event.msg).includes("failed") ? console.error("  job runner:", event) : undefined),
    });
    try {
      const stamp = Date.now();
      const organisation = await db.organisation.create({
        data: { kind: "OTHER", name: "Collège d'essai des courriels", code: `BENCH-MAIL-${stamp}`, legalRepresentativeTitle: "Principal" },
      });
      const administrator = await db.account.create({
        data: { organisationId: organisation.id, identifier: `bench-mail-${stamp}`.slice(0, 20), civility: "MADAME", firstName: "Admin", lastName: "Essai", email: "admin@bench-mail.example", role: "ADMINISTRATOR", status: "ACTIVE" },
      });
      await db.account.create({
        data: { organisationId: organisation.id, identifier: `urgent-${stamp}`.slice(0, 20), civility: "MONSIEUR", firstName: "Urgent", lastName: "Essai", email: RESET_ADDRESS, role: "USER", status: "ACTIVE", passwordHash: "x" },
      });
      const actor = actorOfAccount(administrator);
      const { importId } = await previewImport(db, actor, { organisationId: organisation.id, fileName: "bienvenue.csv", bytes: buildFile() });

      delivery.start();
      runner.start();
      // The clock starts when the administrator confirms; the runner's next tick (15 s at most) takes it.
      const started = Date.now();
      await confirmImport(db, actor, { organisationId: organisation.id, importId });
      const progress = async () => {
        const current = await db.import.findUniqueOrThrow({ where: { id: importId }, select: { status: true, createdCount: true } });
        const pending = await db.outboxEmail.count({ where: { status: "PENDING" } });
        return `${Math.round((Date.now() - started) / 1000)} s: import ${current.status} (${current.createdCount} created), ${pending} e-mails pending, ${standIn.delivered.length} delivered`;
      };
      const welcomes = () => standIn.delivered.length - (standIn.delivered.some((email) => email.to === RESET_ADDRESS) ? 1 : 0);

      await until(() => welcomes() >= WELCOMES / 2, 30 * 60_000, progress);
      const resetAskedAt = Date.now();
      const queuedWhenAsked = await db.outboxEmail.count({ where: { status: "PENDING", priority: "BULK" } });
      await requestPasswordReset(db, RESET_ADDRESS, { ipAddress: "192.0.2.80" });
      await until(() => standIn.delivered.some((email) => email.to === RESET_ADDRESS), 10 * 60_000, progress);
      const resetDelaySeconds = (standIn.delivered.find((email) => email.to === RESET_ADDRESS)!.at - resetAskedAt) / 1000;

      await until(async () => welcomes() >= WELCOMES || (await db.outboxEmail.count({ where: { status: "PENDING" } })) === 0, 60 * 60_000, progress);
      const allDeliveredSeconds = (Math.max(...standIn.delivered.map((email) => email.at)) - started) / 1000;
      const imported = await db.import.findUniqueOrThrow({ where: { id: importId }, select: { createdCount: true, finishedAt: true } });
      const welcomed = new Set(standIn.delivered.filter((email) => email.to !== RESET_ADDRESS).map((email) => email.to)).size;
      const failed = await db.outboxEmail.count({ where: { status: "FAILED" } });
      const lost = Math.max(imported.createdCount - welcomed, 0) + failed;
      const duplicates = standIn.duplicates();
      const load = loadavg().map((value) => Number(value.toFixed(2)));

      const queued = await db.outboxEmail.aggregate({ where: { priority: "BULK" }, _min: { createdAt: true }, _max: { createdAt: true }, _count: true });
      line("Accounts created by the import", `${imported.createdCount.toLocaleString("en")}`);
      if (queued._min.createdAt && queued._max.createdAt) {
        const seconds = Math.max((queued._max.createdAt.getTime() - queued._min.createdAt.getTime()) / 1000, 0.001);
        line("Welcomes queued (links, rendering, outbox)", `${(queued._count / seconds).toFixed(0)} per second (${queued._count} in ${seconds.toFixed(1)} s)`);
      }
      if (imported.finishedAt) line("Import applied (from confirmation)", `${((imported.finishedAt.getTime() - started) / 1000).toFixed(1)} s`);
      line(
        `${WELCOMES.toLocaleString("en")} welcomes, confirmation → all delivered`,
        `${allDeliveredSeconds.toFixed(1)} s (${(welcomed / allDeliveredSeconds).toFixed(0)} per second overall)`,
        "< 600 s",
      );
      line("Password reset asked for in the middle", `${resetDelaySeconds.toFixed(1)} s (${queuedWhenAsked.toLocaleString("en")} welcomes queued before it)`, "< 30 s");
      line("Lost / duplicates", `${lost} / ${duplicates}`, "0 / 0");
      line(
        "Provider calls",
        `${standIn.stats.requests} (${standIn.stats.rateLimited} answered 429), at most ${standIn.stats.maxPerSecond} in a second (limit ${REQUESTS_PER_SECOND})`,
      );
      line("Load average (1, 5, 15 min)", load.join(", "));
      if (jsonFile) {
        writeFileSync(
          jsonFile,
          JSON.stringify({ welcomes: welcomed, allDeliveredSeconds, resetDelaySeconds, duplicates, lost, loadAverage: load }, null, 2) + "\n",
        );
        line("Figures written to", jsonFile);
      }
    } finally {
      await runner.stop();
      await delivery.stop();
      await standIn.close();
      delete process.env.RESEND_BASE_URL;
    }
  },
};
export default section;
