// BULK-1..4 on real PostgreSQL: preview then import, idempotence, the e-mail correction,
// opening dates with the nightly job, the re-check at apply time, and who may import where.
import { beforeEach, describe, expect, it } from "vitest";
import { activateAccount } from "../accounts/activate-account";
import type { Viewer } from "../auth/viewer";
import { resendActivation } from "../accounts/resend-activation";
import { db } from "../db";
import { SCHEDULED_JOBS, RECURRING_TASKS } from "../jobs/schedule";
import { processNeverActivatedAccounts } from "../lifecycle/never-activated";
import { viewerOf, formData as form, session, actorOf } from "../testing/actions";
import { createAccount, createOrganisation, latestLink, mailbox, tableCounts, tokenOf } from "../testing/factories";
import { unreachableDatabaseError } from "../testing/flaky-database";
import { resolveImportScope } from "./access";
import { CHUNK_SIZE, confirmImport, processImports, resumeImport } from "./apply-import";
import { previewImport } from "./preview-import";
import { importListing } from "./queries";
import { listingCsv } from "./listing";
import { importsNightlyJob, importsTask, sendDueWelcomeEmails } from "./welcome";

session.ip = "198.51.100.30";

const { confirmImportAction } = await import("./actions");
const { handleImportUpload } = await import("./upload-route");

type Account = Awaited<ReturnType<typeof createAccount>>;
const HEADER = "Civilité;Prénom;Nom;Adresse électronique;Catégorie;E-services;Date d'ouverture\n";
const utf8 = (text: string) => new TextEncoder().encode(text);

let organisationId: string;
let administrator: Account;
let cadastreId: string;

beforeEach(async () => {
  organisationId = (await createOrganisation({ name: "Lycée des Tilleuls" })).id;
  administrator = await createAccount({ organisationId, role: "ADMINISTRATOR" });
  session.viewer = viewerOf(administrator, "Lycée des Tilleuls");
  const suffix = organisationId.slice(-6);
  const cadastre = await db.eService.create({
    data: { slug: `cadastre-${suffix}`, name: `Cadastre ${suffix}`, description: "d", url: "https://cadastre.example/", termsText: "t" },
  });
  cadastreId = cadastre.id;
  await db.subscription.create({ data: { organisationId, eServiceId: cadastre.id, startDate: new Date("2020-01-01"), termsAcceptedAt: new Date() } });
  await db.eService.create({
    data: { slug: `voirie-${suffix}`, name: `Voirie ${suffix}`, description: "d", url: "https://voirie.example/", termsText: "t" },
  });
});

const actor = () => actorOf(administrator);

async function runImport(text: string, now = new Date()) {
  const { importId } = await previewImport(db, actor(), { organisationId, fileName: "eleves.csv", bytes: utf8(text) }, { now });
  await confirmImport(db, actor(), { organisationId, importId }, { now });
  await processImports(db, { now: () => now });
  return importId;
}

/** The scope an import's routes get for this viewer (requireImportAccess without the request). */
async function accessOf(viewer: Viewer, importId: string) {
  return { ...(await resolveImportScope(db, viewer)), importId };
}

async function rowsOf(importId: string) {
  return db.importRow.findMany({ where: { importId }, orderBy: { rowNumber: "asc" }, include: { account: true } });
}

describe("BULK-1 preview, then import", () => {
  it("the preview writes nothing but the preview; the confirmed import creates the accounts with ID-1 identifiers", async () => {
    await createAccount({ organisationId: null, identifier: "frederic-dupont-dura", role: "OPERATOR" });
    const suffix = organisationId.slice(-6);
    const file =
      HEADER +
      `Monsieur;Frédéric;DUPONT DURAND;frederic.dd@exemple.fr;Terminale;cadastre-${suffix} | voirie-${suffix};\n` +
      "Madame;Léa;Roux;lea.roux@exemple.fr;Seconde;;\n" +
      "Madame;Léa;Roux;lea.roux@exemple.fr;Seconde;;\n" +
      "Madame;;Sans-Prénom;pas-une-adresse;;;\n" +
      "Madame;Inès;Piscine;ines@exemple.fr;;piscine;\n";
    const before = await tableCounts();
    const { importId } = await previewImport(db, actor(), { organisationId, fileName: "eleves.csv", bytes: utf8(file) });
    const after = await tableCounts();
    expect({ ...after, audit: before.audit }).toEqual(before);
    const preview = await rowsOf(importId);
    expect(preview.map((row) => [row.rowNumber, row.outcome])).toEqual([
      [2, "CREATED"],
      [3, "CREATED"],
      [4, "REFUSED"],
      [5, "REFUSED"],
      [6, "REFUSED"],
    ]);
    expect(preview[0].reason).toContain(`non accordé, l'organisation n'y est pas abonnée : Voirie ${suffix}`.replace(/^n/, "N"));
    expect(preview[2].reason).toContain("ligne 3");
    expect(preview[3].reason).toMatch(/Prénom manquant.*adresse électronique « pas-une-adresse » invalide/);
    expect(preview[4].reason).toContain("E-service inconnu");

    await confirmImport(db, actor(), { organisationId, importId });
    expect(await db.account.count({ where: { organisationId } })).toBe(1);
    await processImports(db);

    const done = await db.import.findUniqueOrThrow({ where: { id: importId } });
    expect(done).toMatchObject({ status: "COMPLETED", processedRows: 5, createdCount: 2, refusedCount: 3 });
    const frederic = await db.account.findFirstOrThrow({ where: { organisationId, email: "frederic.dd@exemple.fr" }, include: { permissions: true } });
    // ID-1 with its collision rule, as at registration.
    expect(frederic).toMatchObject({ identifier: "frederic-dupont-dur2", status: "PENDING_ACTIVATION", category: "Terminale", passwordHash: null });
    expect(frederic.permissions.map((permission) => permission.eServiceId)).toEqual([cadastreId]);
    expect((await db.account.findFirstOrThrow({ where: { organisationId, email: "lea.roux@exemple.fr" } })).identifier).toMatch(/^lea-roux\d*$/);
    expect(await db.auditEvent.count({ where: { organisationId, action: "account.imported" } })).toBe(2);
    expect(await db.auditEvent.findFirstOrThrow({ where: { organisationId, action: "import.completed" } })).toMatchObject({
      details: expect.objectContaining({ created: 2, refused: 3, confirmedBy: administrator.identifier }),
    });
  });

  it("re-checks every row at apply time: an address taken since the preview refuses its row, saying why", async () => {
    const { importId } = await previewImport(db, actor(), { organisationId, fileName: "a.csv", bytes: utf8(HEADER + "Madame;Anne;Vidal;anne@exemple.fr;;;\n") });
    await createAccount({ organisationId, email: "anne@exemple.fr" });
    await confirmImport(db, actor(), { organisationId, importId });
    await processImports(db);
    const [row] = await rowsOf(importId);
    expect(row.outcome).toBe("REFUSED");
    expect(row.reason).toContain("depuis l'aperçu");
    expect(await db.account.count({ where: { organisationId, email: "anne@exemple.fr" } })).toBe(1);
  });
});

describe("BULK-4 background import in transactional, resumable chunks", () => {
  it("an error stops the import with exactly the rows applied; resuming continues from there", async () => {
    const total = CHUNK_SIZE + 100;
    const lines = Array.from({ length: total }, (_, n) => `Madame;Camille;Chunk${n};camille.chunk${n}@exemple.fr;;;`);
    const { importId } = await previewImport(db, actor(), { organisationId, fileName: "gros.csv", bytes: utf8(HEADER + lines.join("\n") + "\n") });
    await confirmImport(db, actor(), { organisationId, importId });
    // A row of the second chunk that cannot be applied (its stored plan is damaged).
    const broken = await db.importRow.findFirstOrThrow({ where: { importId, rowNumber: CHUNK_SIZE + 50 } });
    await db.importRow.update({ where: { id: broken.id }, data: { data: { plan: null } } });

    const run = await processImports(db);
    expect(run).toMatchObject({ chunks: 1, failed: 1 });
    const failed = await db.import.findUniqueOrThrow({ where: { id: importId } });
    expect(failed).toMatchObject({ status: "FAILED", processedRows: CHUNK_SIZE, createdCount: CHUNK_SIZE });
    expect(failed.errorMessage).toContain(`${CHUNK_SIZE} lignes sur ${total} sont appliquées`);
    // Exactly the first chunk is applied: nothing of the chunk that failed.
    expect(await db.account.count({ where: { organisationId, lastName: { startsWith: "Chunk" } } })).toBe(CHUNK_SIZE);

    await db.importRow.update({ where: { id: broken.id }, data: { data: broken.data as object } });
    await resumeImport(db, actor(), { organisationId, importId });
    await processImports(db);
    expect(await db.import.findUniqueOrThrow({ where: { id: importId } })).toMatchObject({ status: "COMPLETED", processedRows: total, createdCount: total });
    expect(await db.account.count({ where: { organisationId, lastName: { startsWith: "Chunk" } } })).toBe(total);
  });
});

describe("BULK-4 an import rides out a database restart (issue 17 item 4)", () => {
  it("a chunk cut off by an unreachable database leaves the import running, not failed; the next pass continues it", async () => {
    const total = CHUNK_SIZE + 10;
    // Opening in 2099: no welcome falls due for the tests after this one to send.
    const lines = Array.from({ length: total }, (_, n) => `Madame;Camille;Coupure${n};camille.coupure${n}@exemple.fr;;;01/09/2099`);
    const { importId } = await previewImport(db, actor(), { organisationId, fileName: "coupure.csv", bytes: utf8(HEADER + lines.join("\n") + "\n") });
    await confirmImport(db, actor(), { organisationId, importId });

    // The first chunk applies; the second meets the outage.
    let transactions = 0;
    const cutAfterFirstChunk = new Proxy(db, {
      get(target, property, receiver) {
        if (property !== "$transaction") return Reflect.get(target, property, receiver);
        return (...args: unknown[]) => {
          transactions += 1;
          if (transactions === 2) return Promise.reject(unreachableDatabaseError());
          return (db.$transaction as (...values: unknown[]) => unknown)(...args);
        };
      },
    });
    await expect(processImports(cutAfterFirstChunk)).rejects.toThrow("Can't reach database server");
    expect(await db.import.findUniqueOrThrow({ where: { id: importId } })).toMatchObject({ status: "RUNNING", processedRows: CHUNK_SIZE, errorMessage: null });

    await processImports(db);
    expect(await db.import.findUniqueOrThrow({ where: { id: importId } })).toMatchObject({ status: "COMPLETED", processedRows: total, createdCount: total });
  });
});

describe("BULK-2 idempotence and the corrected e-mail", () => {
  it("importing the same file twice changes nothing the second time", async () => {
    const suffix = organisationId.slice(-6);
    const file = HEADER + `Madame;Léa;Roux;lea@exemple.fr;Seconde;cadastre-${suffix};\nMonsieur;Paul;Roy;paul@exemple.fr;;;01/09/2099\n`;
    await runImport(file);
    await sendDueWelcomeEmails(db, new Date());
    const before = await tableCounts();
    const accountsBefore = await db.account.findMany({ where: { organisationId }, orderBy: { id: "asc" } });
    const second = await runImport(file);
    await sendDueWelcomeEmails(db, new Date());
    expect((await rowsOf(second)).map((row) => row.outcome)).toEqual(["UNCHANGED", "UNCHANGED"]);
    const after = await tableCounts();
    expect({ ...after, audit: before.audit }).toEqual(before);
    expect(await db.account.findMany({ where: { organisationId }, orderBy: { id: "asc" } })).toEqual(accountsBefore);
  });

  it("a corrected address updates the account; the old link dies; the nightly run sends a new one; the person activates with a password", async () => {
    await runImport(HEADER + "Madame;Zoé;Martin;zoe.martn@exemple.fr;;;\n");
    expect(await sendDueWelcomeEmails(db, new Date())).toBe(1);
    const oldLink = await latestLink("zoe.martn@exemple.fr", "/activation/");

    const correction = await runImport(HEADER + "Madame;Zoé;Martin;zoe.martin@exemple.fr;;;\n");
    const [row] = await rowsOf(correction);
    expect(row.outcome).toBe("UPDATED");
    expect(row.reason).toContain("ancienne : zoe.martn@exemple.fr");
    const account = await db.account.findFirstOrThrow({ where: { organisationId, firstName: "Zoé" } });
    expect(account).toMatchObject({ email: "zoe.martin@exemple.fr", identifier: "zoe-martin", status: "PENDING_ACTIVATION" });
    expect(account.activationLinkDueAt).not.toBeNull();
    expect(await activateAccount(db, tokenOf(oldLink), new Date(), "Tilleul-Vert-2027")).toEqual({ ok: false, problem: "superseded" });

    // The never-activated job, even days later, waits for the new link.
    const later = new Date(Date.now() + 5 * 86_400_000);
    await processNeverActivatedAccounts(db, later);
    expect((await db.account.findUniqueOrThrow({ where: { id: account.id } })).status).toBe("PENDING_ACTIVATION");

    expect(SCHEDULED_JOBS).toContain(importsNightlyJob);
    await importsNightlyJob.run({ db, now: new Date(), periodKey: "test" });
    const [mail] = await mailbox("zoe.martin@exemple.fr");
    expect(mail).toMatchObject({ template: "import-welcome" });
    expect(mail.text).toContain("a corrigé votre adresse électronique");
    expect(mail.text).toContain("zoe-martin");
    const outcome = await activateAccount(db, tokenOf(mail.links[0]), new Date(), "Tilleul-Vert-2027");
    expect(outcome).toMatchObject({ ok: true, status: "ACTIVE", identifier: "zoe-martin" });
    const active = await db.account.findUniqueOrThrow({ where: { id: account.id } });
    expect(active.passwordHash).toMatch(/^\$argon2id\$/);
    expect(active.activationLinkDueAt).toBeNull();
  });

  it("a link the person asks for after a correction is the one the nightly run would have sent: it is not superseded that night", async () => {
    await runImport(HEADER + "Monsieur;Hugo;Garnier;hugo.garnie@exemple.fr;;;\n");
    await sendDueWelcomeEmails(db, new Date());
    await runImport(HEADER + "Monsieur;Hugo;Garnier;hugo.garnier@exemple.fr;;;\n");
    expect(await resendActivation(db, { login: "hugo.garnier@exemple.fr" }, { ipAddress: "198.51.100.32" })).toBe(1);
    const asked = await latestLink("hugo.garnier@exemple.fr", "/activation/");
    await importsNightlyJob.run({ db, now: new Date(), periodKey: "test-2" });
    expect(await mailbox("hugo.garnier@exemple.fr")).toHaveLength(1);
    expect(await activateAccount(db, tokenOf(asked), new Date(), "Tilleul-Vert-2027")).toMatchObject({ ok: true, identifier: "hugo-garnier" });
  });
});

describe("BULK-3 welcome e-mails and opening dates with the daily job", () => {
  it("sends the welcome at once without an opening date, on the opening date otherwise; never a password; the never-activated job leaves the waiting account alone", async () => {
    await runImport(HEADER + "Madame;Léa;Roux;lea@exemple.fr;;;\nMonsieur;Paul;Roy;paul@exemple.fr;;;01/09/2027\n", new Date("2027-06-15T10:00:00Z"));
    expect(RECURRING_TASKS).toContain(importsTask);
    await importsTask.run({ db, now: new Date("2027-06-15T10:00:30Z") });
    const [welcome] = await mailbox("lea@exemple.fr");
    expect(welcome.template).toBe("import-welcome");
    // MAIL-1: welcomes are the one bulk mail, claimed after every transactional message.
    expect(welcome.priority).toBe("BULK");
    expect(welcome.text).toContain((await db.account.findFirstOrThrow({ where: { organisationId, email: "lea@exemple.fr" } })).identifier);
    expect(welcome.text).not.toMatch(/mot de passe\s*:/i);
    expect(await mailbox("paul@exemple.fr")).toHaveLength(0);

    // Long before the opening date, the never-activated job finds no link to expire.
    await processNeverActivatedAccounts(db, new Date("2027-08-20T03:00:00Z"));
    expect((await db.account.findFirstOrThrow({ where: { email: "paul@exemple.fr" } })).status).toBe("PENDING_ACTIVATION");

    // The day before (Paris), nothing; on 1 September at 01:00 Paris (23:00 UTC the day before), the welcome.
    await importsNightlyJob.run({ db, now: new Date("2027-08-31T12:00:00Z"), periodKey: "2027-08-31" });
    expect(await mailbox("paul@exemple.fr")).toHaveLength(0);
    await importsNightlyJob.run({ db, now: new Date("2027-08-31T23:00:00Z"), periodKey: "2027-09-01" });
    const [paul] = await mailbox("paul@exemple.fr");
    expect(paul.text).toContain((await db.account.findFirstOrThrow({ where: { organisationId, email: "paul@exemple.fr" } })).identifier);
    await importsNightlyJob.run({ db, now: new Date("2027-09-01T23:00:00Z"), periodKey: "2027-09-02" });
    expect(await mailbox("paul@exemple.fr")).toHaveLength(1);
  });
});

describe("BULK-3 a new link asked for by an imported person", () => {
  it("is the imported account's own e-mail, and nobody gets a link before the opening date", async () => {
    await runImport(HEADER + "Madame;Rose;Petit;rose@exemple.fr;;;\nMonsieur;Yann;Petit;yann@exemple.fr;;;01/09/2099\n");
    expect(await resendActivation(db, { login: "yann@exemple.fr" }, { ipAddress: "198.51.100.31" })).toBe(0);
    expect(await mailbox("yann@exemple.fr")).toHaveLength(0);
    expect(await resendActivation(db, { login: "rose@exemple.fr" }, { ipAddress: "198.51.100.31" })).toBe(1);
    const [mail] = await mailbox("rose@exemple.fr");
    expect(mail.template).toBe("import-welcome");
    // Marked as welcomed: the background task does not send a second welcome.
    expect(await sendDueWelcomeEmails(db, new Date())).toBe(0);
    expect(await mailbox("rose@exemple.fr")).toHaveLength(1);
  });
});

describe("BULK-4 listing", () => {
  it("lists identifier, names, e-mail and activation status, and no password", async () => {
    const importId = await runImport(HEADER + "Madame;Léa;Roux;lea@exemple.fr;;;\nMonsieur;Paul;Roy;paul@exemple.fr;;;01/09/2099\nMadame;;X;bad;;;\n");
    await sendDueWelcomeEmails(db, new Date());
    const entries = await importListing(await accessOf(session.viewer!, importId));
    // Identifiers are unique across the portal: other tests of this file may hold lea-roux.
    expect(entries.map((entry) => entry.identifier)).toEqual([expect.stringMatching(/^lea-roux\d*$/), expect.stringMatching(/^paul-roy\d*$/)]);
    const csv = listingCsv(entries);
    expect(csv).toContain("Identifiant;Prénom;Nom;Adresse électronique;État d'activation");
    expect(csv).toMatch(/lea-roux\d*;Léa;Roux;lea@exemple\.fr;lien envoyé le/);
    expect(csv).toContain("ouverture prévue le 1er septembre 2099");
    expect(csv.toLowerCase()).not.toContain("mot de passe");
    // Another organisation's id gives nothing.
    const elsewhere = await createOrganisation();
    const otherAdministrator = viewerOf(await createAccount({ organisationId: elsewhere.id, role: "ADMINISTRATOR" }));
    expect(await importListing(await accessOf(otherAdministrator, importId))).toEqual([]);
  });
});

/** POST /api/imports as the upload form sends it: the file as the body, chunked when a stream. */
function upload(body: BodyInit, query: Record<string, string> = {}, headers: Record<string, string> = {}) {
  const url = new URL("http://127.0.0.1:3000/api/imports");
  for (const [name, value] of Object.entries({ nom: "eleves.csv", ...query })) url.searchParams.set(name, value);
  return handleImportUpload(
    new Request(url, { method: "POST", body, headers: { "Content-Type": "text/csv", ...headers }, duplex: "half" } as RequestInit),
  );
}

/** A body of `size` bytes that never says its length (Transfer-Encoding: chunked). */
function chunkedBody(size: number, prefix = ""): ReadableStream<Uint8Array> {
  let left = size;
  let first = true;
  return new ReadableStream({
    pull(controller) {
      if (left <= 0) return controller.close();
      const head = first ? utf8(prefix) : new Uint8Array();
      first = false;
      const chunk = new Uint8Array(Math.min(left, 256 * 1024)).fill(0x61);
      chunk.set(head.subarray(0, chunk.byteLength));
      left -= chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
}

describe("BULK-1 authorization", () => {
  const csv = () => HEADER + "Madame;Léa;Roux;lea@exemple.fr;;;\n";

  it("the administrator imports into their organisation, with the audit event; naming another one is forbidden", async () => {
    const answer = await upload(csv());
    expect(answer.status).toBe(201);
    const { importId, location } = await answer.json();
    expect(location).toBe(`/administration/imports/${importId}`);
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "import.previewed", targetId: importId } });
    expect(event).toMatchObject({ actorId: administrator.id, organisationId, targetLabel: "eleves.csv", ipAddress: "198.51.100.30" });
    const other = await createOrganisation();
    const before = await db.import.count();
    const refused = await upload(csv(), { organisation: other.id });
    expect(refused.status).toBe(403);
    expect((await refused.json()).message).toBe("Vous ne pouvez pas importer de comptes dans cette organisation.");
    expect(await db.import.count()).toBe(before);
  });

  it("another organisation's administrator can neither see nor confirm your import", async () => {
    const { importId } = await previewImport(db, actor(), { organisationId, fileName: "a.csv", bytes: utf8(HEADER + "Madame;Léa;Roux;lea@exemple.fr;;;\n") });
    const otherOrganisation = await createOrganisation();
    const intruder = await createAccount({ organisationId: otherOrganisation.id, role: "ADMINISTRATOR" });
    session.viewer = viewerOf(intruder);
    expect(await confirmImportAction({ status: "idle" }, form({ importId }))).toMatchObject({ status: "error", message: "Cet import est introuvable." });
    expect((await db.import.findUniqueOrThrow({ where: { id: importId } })).status).toBe("PREVIEWED");
  });

  it("a user cannot import; nor can a signed-out visitor, nor another site", async () => {
    session.viewer = viewerOf(await createAccount({ organisationId }));
    expect((await upload(csv())).status).toBe(403);
    session.viewer = null;
    expect((await upload(csv())).status).toBe(401);
    session.viewer = viewerOf(administrator, "Lycée des Tilleuls");
    const crossSite = await upload(csv(), {}, { Origin: "https://evil.example", Host: "127.0.0.1:3000" });
    expect(crossSite.status).toBe(403);
    expect(await db.import.count({ where: { organisationId } })).toBe(0);
  });

  it("an operator imports for any organisation, which must be named and exist", async () => {
    session.viewer = viewerOf(await createAccount({ organisationId: null, role: "OPERATOR" }));
    const answer = await upload(csv(), { organisation: organisationId });
    const { importId, location } = await answer.json();
    expect(location).toBe(`/operateur/organisations/${organisationId}/imports/${importId}`);
    await expect(confirmImportAction({ status: "idle" }, form({ importId, organisationId }))).rejects.toMatchObject({ digest: expect.stringMatching(/^NEXT_REDIRECT/) });
    const unnamed = await upload(csv());
    expect(unnamed.status).toBe(404);
    expect((await unnamed.json()).message).toBe("Cette organisation est introuvable.");
  });

  it("a wrong structure or an oversized file gets a clear message and nothing is written", async () => {
    const before = await db.import.count();
    const wrong = await upload("nom;prénom\nRoux;Léa\n");
    expect(wrong.status).toBe(422);
    expect((await wrong.json()).message).toContain("il manque");
    const notCsv = await upload(csv(), { nom: "eleves.xlsx" });
    expect((await notCsv.json()).message).toBe("Le fichier doit être un export CSV (extension .csv).");
    const empty = await upload("");
    expect((await empty.json()).message).toBe("Choisissez le fichier CSV à importer.");
    expect(await db.import.count()).toBe(before);
  });
});

describe("SEC-9 the CSV upload counts the bytes it receives", () => {
  const TOO_LARGE = "Le fichier dépasse la taille maximale de 10 Mo : découpez-le en plusieurs fichiers.";

  it("refuses an 11 MB file sent without Content-Length with 413 in French, without reading it all", async () => {
    const before = await db.import.count();
    const answer = await upload(chunkedBody(11 * 1024 * 1024, HEADER));
    expect(answer.status).toBe(413);
    expect(await answer.json()).toEqual({ error: "payload_too_large", message: TOO_LARGE });
    // The same for a declared length, refused before a byte is read.
    const declared = await upload(chunkedBody(16), {}, { "Content-Length": String(11 * 1024 * 1024) });
    expect(declared.status).toBe(413);
    expect(await db.import.count()).toBe(before);
  });

  it("accepts a file of exactly 10 Mio up to the documented limits: too many lines is a French refusal, not a 500", async () => {
    const line = "Madame;Léa;Roux;lea@exemple.fr;;;\n";
    const size = 10 * 1024 * 1024;
    const rows = Math.floor((size - utf8(HEADER).byteLength) / utf8(line).byteLength);
    // Exactly 10 Mio: the rows, then line feeds (empty lines are skipped) up to the byte.
    const file = new Uint8Array(size).fill(0x0a);
    file.set(utf8(HEADER + line.repeat(rows)));
    const answer = await upload(file);
    expect(answer.status).toBe(422);
    expect((await answer.json()).message).toMatch(/lignes ; 50\s000 au plus par import\.$/);
  });

  it("refuses a file with a NUL after the first 8 kB, in French, and writes nothing", async () => {
    const before = await db.import.count();
    const file = utf8(HEADER + "Madame;Léa;Roux;lea@exemple.fr;;;\n".repeat(400) + "Madame;Lé\u0000a;Roux;lea2@exemple.fr;;;\n");
    expect(file.indexOf(0)).toBeGreaterThan(8192);
    const answer = await upload(file);
    expect(answer.status).toBe(422);
    expect((await answer.json()).message).toContain("n'est pas un fichier texte CSV");
    expect(await db.import.count()).toBe(before);
  });
});
