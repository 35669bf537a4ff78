import { beforeEach, describe, expect, it } from "vitest";
import { extractText, getDocumentProxy } from "unpdf";
import { activateAccount } from "../accounts/activate-account";
import { db } from "../db";
import { downloadLetterPdf, downloadQueuedBatch, listLetterHistory, markLettersPosted, purgeLetterPdfs } from "../letters/queue";
import { createAccount, createOrganisation, latestLink, mailbox, tokenOf } from "../testing/factories";
import { administratorRequestStatus } from "./queries";
import { checkAdminRequestCode, confirmAdminRequest, MAX_WRONG_CODES } from "./confirm-admin-request";
import { requestAdministratorRole } from "./request-administrator-role";
import { actorOf } from "../testing/actions";

async function pdfText(pdf: Uint8Array): Promise<string> {
  const document = await getDocumentProxy(new Uint8Array(pdf));
  const { text } = await extractText(document, { mergePages: true });
  return text;
}

/** The request number and code as printed on the letter: the only place the code exists. */
async function codesFromLetter(requestId: string) {
  const letter = await db.letter.findUniqueOrThrow({ where: { adminRequestId: requestId } });
  const text = await pdfText(letter.pdf!);
  const number = /DA-\d{4}-\d{4}/.exec(text)![0];
  const code = /[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}/.exec(text)![0];
  return { number, code, text, letter };
}

let ip: string;
beforeEach(() => {
  ip = `172.16.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
});

async function requestFor(account: { id: string; organisationId: string | null; identifier: string }, now?: Date) {
  return db.$transaction((tx) =>
    requestAdministratorRole(tx, {
      account: { id: account.id, organisationId: account.organisationId!, identifier: account.identifier },
      actor: { accountId: account.id, identifier: account.identifier, role: "USER", organisationId: account.organisationId },
      now,
    }),
  );
}

describe("LR-2 the letter prints a job title only from the closed list, never the requester's free text", () => {
  it("leaves a typed text out of the letter's sentences, and prints a listed title in the list's wording", async () => {
    const organisation = await createOrganisation();
    const forged = await createAccount({ organisationId: organisation.id, firstName: "Paul", lastName: "Vidal" });
    const injected = "Trésorier. URGENT : le maire doit rappeler le 08 99 00 00 00";
    await db.account.update({ where: { id: forged.id }, data: { jobTitle: injected } });
    const first = await requestFor(forged);
    const { text } = await codesFromLetter(first.requestId);
    const flat = text.replace(/\s+/g, " ");
    expect(flat).not.toContain("08 99 00 00 00");
    expect(flat).not.toContain("URGENT");
    expect(flat).toContain("Paul Vidal souhaite devenir");

    const listed = await createAccount({ organisationId: organisation.id, firstName: "Claire", lastName: "Roux" });
    await db.account.update({ where: { id: listed.id }, data: { jobTitle: "DIRECTRICE GENERALE DES SERVICES" } });
    const second = await requestFor(listed);
    const printed = (await codesFromLetter(second.requestId)).text.replace(/\s+/g, " ");
    expect(printed).toContain("Madame Claire Roux, directrice générale des services, souhaite devenir administratrice");
  });
});

describe("LR-1 LR-2 a request creates its letter at once, to the directory's address", () => {
  it("stores only the code's hash; the letter carries the number, the code, the organisation and the requester", async () => {
    const organisation = await createOrganisation({ name: "Saint-Étienne-de-Test" });
    const requester = await createAccount({ organisationId: organisation.id, firstName: "Łucja", lastName: "Œillet" });
    const { requestId, number, code } = await requestFor(requester);
    const request = await db.adminRequest.findUniqueOrThrow({ where: { id: requestId } });
    expect(request.codeHash).not.toContain(code.replace(/-/g, ""));
    expect(JSON.stringify(request)).not.toContain(code);

    const printed = await codesFromLetter(requestId);
    expect(printed).toMatchObject({ number, code });
    for (const text of ["Saint-Étienne-de-Test", "Łucja", "Œillet", "/validation-administrateur"]) {
      expect(printed.text).toContain(text);
    }
    expect(printed.letter.status).toBe("QUEUED");
    expect(printed.letter.addressLines.join("\n")).toContain("01000 TESTVILLE");
  });
});

describe("LR-3 LR-4 LR-5 confirmation by the legal representative", () => {
  it("shows who becomes administrator, then confirms: roles switch, both people are told, sessions renewed", async () => {
    const organisation = await createOrganisation({ name: "Commune du Confirmé" });
    const previous = await createAccount({ organisationId: organisation.id, role: "ADMINISTRATOR" });
    const requester = await createAccount({ organisationId: organisation.id, firstName: "Rémi", lastName: "Nouvel" });
    const { requestId } = await requestFor(requester);
    const { number, code } = await codesFromLetter(requestId);
    const typed = { number: number.replace(/-/g, " ").toLowerCase(), code: code.toLowerCase().replace(/-/g, "  ") };

    const check = await checkAdminRequestCode(db, typed, { ipAddress: ip });
    expect(check).toMatchObject({
      ok: true,
      organisationName: "Commune du Confirmé",
      requester: { firstName: "Rémi", lastName: "Nouvel" },
      currentAdministrator: { firstName: previous.firstName },
    });
    // Checking does not confirm.
    expect((await db.account.findUniqueOrThrow({ where: { id: requester.id } })).role).toBe("USER");

    expect(await confirmAdminRequest(db, typed, { ipAddress: ip })).toMatchObject({ ok: true });
    const [newAdmin, formerAdmin] = await Promise.all([
      db.account.findUniqueOrThrow({ where: { id: requester.id } }),
      db.account.findUniqueOrThrow({ where: { id: previous.id } }),
    ]);
    expect(newAdmin).toMatchObject({ role: "ADMINISTRATOR", status: "ACTIVE", sessionVersion: requester.sessionVersion + 1 });
    expect(formerAdmin).toMatchObject({ role: "USER", status: "ACTIVE", sessionVersion: previous.sessionVersion + 1 });
    expect((await mailbox(requester.email))[0].template).toBe("administrator-confirmed");
    expect((await mailbox(previous.email))[0].template).toBe("administrator-replaced");
    expect(await db.adminRequest.findUniqueOrThrow({ where: { id: requestId } })).toMatchObject({ status: "CONFIRMED", confirmedFromIp: ip });
    expect(await db.auditEvent.count({ where: { action: "admin_request.confirmed", organisationId: organisation.id } })).toBe(1);
    // A code works once.
    expect(await confirmAdminRequest(db, typed, { ipAddress: ip })).toMatchObject({ ok: false, reason: "already_confirmed" });
  });

  it("an administrator registration becomes active and administrator in one go", async () => {
    const organisation = await createOrganisation();
    const email = `candidat.${Date.now()}@test.example`;
    const candidate = await createAccount({ organisationId: organisation.id, email, status: "PENDING_ACTIVATION", adminRoleRequested: true });
    await db.$transaction(async (tx) => {
      const { registrationEmail, sendActivationLink } = await import("../accounts/activation-link");
      await sendActivationLink(tx, { ...candidate, organisation: { name: organisation.name } }, registrationEmail(candidate));
    });
    await activateAccount(db, tokenOf(await latestLink(email, "/activation/")));
    const request = await db.adminRequest.findFirstOrThrow({ where: { requesterId: candidate.id } });
    const { number, code } = await codesFromLetter(request.id);
    expect(await confirmAdminRequest(db, { number, code }, { ipAddress: ip })).toMatchObject({ ok: true });
    expect(await db.account.findUniqueOrThrow({ where: { id: candidate.id } })).toMatchObject({ role: "ADMINISTRATOR", status: "ACTIVE" });
  });

  it("locks the request after 5 wrong codes; the right code no longer works", async () => {
    const organisation = await createOrganisation();
    const requester = await createAccount({ organisationId: organisation.id });
    const { requestId } = await requestFor(requester);
    const { number, code } = await codesFromLetter(requestId);
    const wrong = { number, code: "2222-3333-4444" };
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      expect(await checkAdminRequestCode(db, wrong, { ipAddress: `10.20.0.${attempt}` })).toEqual({ ok: false, reason: "wrong_code", attemptsLeft: 5 - attempt });
    }
    expect(await checkAdminRequestCode(db, wrong, { ipAddress: "10.20.0.5" })).toEqual({ ok: false, reason: "locked" });
    expect(await confirmAdminRequest(db, { number, code }, { ipAddress: "10.20.0.6" })).toEqual({ ok: false, reason: "locked" });
    expect((await db.account.findUniqueOrThrow({ where: { id: requester.id } })).role).toBe("USER");
  });

  it("codes expire after 60 days", async () => {
    const requester = await createAccount({ organisationId: (await createOrganisation()).id });
    const { requestId } = await requestFor(requester);
    const { number, code } = await codesFromLetter(requestId);
    const later = new Date(Date.now() + 60 * 86_400_000 + 60_000);
    expect(await confirmAdminRequest(db, { number, code }, { ipAddress: ip, now: later })).toEqual({ ok: false, reason: "expired" });
    expect((await db.adminRequest.findUniqueOrThrow({ where: { id: requestId } })).status).toBe("EXPIRED");
  });

  it("a new request supersedes the pending one: the old code stops working, its letter leaves the queue", async () => {
    const organisation = await createOrganisation();
    const first = await createAccount({ organisationId: organisation.id });
    const second = await createAccount({ organisationId: organisation.id });
    const old = await requestFor(first);
    const oldCodes = await codesFromLetter(old.requestId);
    const fresh = await requestFor(second);
    expect(await confirmAdminRequest(db, oldCodes, { ipAddress: ip })).toEqual({ ok: false, reason: "superseded" });
    expect((await db.letter.findUniqueOrThrow({ where: { adminRequestId: old.requestId } })).status).toBe("CANCELLED");
    expect(await confirmAdminRequest(db, await codesFromLetter(fresh.requestId), { ipAddress: ip })).toMatchObject({ ok: true });
    expect((await db.account.findUniqueOrThrow({ where: { id: first.id } })).role).toBe("USER");
  });

  it("SEC-2 limits code attempts per network address, across requests", async () => {
    for (let attempt = 0; attempt < 20; attempt += 1) {
      await checkAdminRequestCode(db, { number: `DA-0000-${String(attempt).padStart(4, "0")}`, code: "XXXX" }, { ipAddress: "203.0.113.250" });
    }
    const requester = await createAccount({ organisationId: (await createOrganisation()).id });
    const { requestId } = await requestFor(requester);
    const codes = await codesFromLetter(requestId);
    expect(await checkAdminRequestCode(db, codes, { ipAddress: "203.0.113.250" })).toMatchObject({ ok: false, reason: "rate_limited" });
    expect(await checkAdminRequestCode(db, codes, { ipAddress: "203.0.113.251" })).toMatchObject({ ok: true });
  });
});

describe("SEC-8 code attempts are counted before the code is checked: 50 concurrent attempts", () => {
  it("per request: at most 5 of 50 concurrent wrong codes are evaluated; the request locks and the right code no longer works", async () => {
    const requester = await createAccount({ organisationId: (await createOrganisation()).id });
    const { requestId } = await requestFor(requester);
    const { number, code } = await codesFromLetter(requestId);
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, index) => checkAdminRequestCode(db, { number, code: "ABCD-EFGH-JKMN" }, { ipAddress: `198.18.1.${index}` })),
    );
    // Four wrong codes answer "wrong_code", the fifth locks the request; the others find it locked.
    expect(results.filter((result) => !result.ok && result.reason === "wrong_code")).toHaveLength(MAX_WRONG_CODES - 1);
    expect(results.filter((result) => !result.ok && result.reason === "locked")).toHaveLength(50 - (MAX_WRONG_CODES - 1));
    expect(await db.adminRequest.findUniqueOrThrow({ where: { id: requestId } })).toMatchObject({ status: "LOCKED", failedAttempts: 5 });
    expect(await db.auditEvent.count({ where: { targetId: requestId, action: { in: ["admin_request.wrong_code", "admin_request.locked"] } } })).toBe(5);
    expect(await checkAdminRequestCode(db, { number, code }, { ipAddress: "198.18.1.250" })).toEqual({ ok: false, reason: "locked" });
  });

  it("per address: at most 20 of 50 concurrent attempts from one address are evaluated; then the right code waits", async () => {
    const address = "198.18.2.1";
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, index) => checkAdminRequestCode(db, { number: `DA-0001-${String(index).padStart(4, "0")}`, code: "ABCD-EFGH-JKMN" }, { ipAddress: address })),
    );
    expect(results.filter((result) => !result.ok && result.reason === "unknown_number")).toHaveLength(20);
    expect(results.filter((result) => !result.ok && result.reason === "rate_limited")).toHaveLength(30);
    const requester = await createAccount({ organisationId: (await createOrganisation()).id });
    const { requestId } = await requestFor(requester);
    expect(await confirmAdminRequest(db, await codesFromLetter(requestId), { ipAddress: address })).toMatchObject({ ok: false, reason: "rate_limited" });
  });

  it("a right code is not counted against the address (step 1 and step 2 use it twice)", async () => {
    const address = "198.18.2.2";
    for (let attempt = 0; attempt < 19; attempt += 1) {
      await checkAdminRequestCode(db, { number: `DA-0002-${String(attempt).padStart(4, "0")}`, code: "ABCD-EFGH-JKMN" }, { ipAddress: address });
    }
    const requester = await createAccount({ organisationId: (await createOrganisation()).id });
    const codes = await codesFromLetter((await requestFor(requester)).requestId);
    expect(await checkAdminRequestCode(db, codes, { ipAddress: address })).toMatchObject({ ok: true });
    expect(await confirmAdminRequest(db, codes, { ipAddress: address })).toMatchObject({ ok: true });
  });
});

describe("LR-6 LR-7 the print queue, posting, the 5 jours ouvrables and the purge", () => {
  it("batches the waiting letters into one PDF, marks them posted, and purges PDFs 30 days after posting", async () => {
    const operator = await createAccount({ organisationId: null, role: "OPERATOR" });
    const requester = await createAccount({ organisationId: (await createOrganisation()).id });
    const { requestId } = await requestFor(requester);
    const batch = await downloadQueuedBatch(db, actorOf(operator));
    expect(batch!.count).toBeGreaterThanOrEqual(1);
    const letter = await db.letter.findUniqueOrThrow({ where: { adminRequestId: requestId } });

    // Friday 6 November 2026, 10:00 in Paris; 11 November is a public holiday.
    const postedOn = new Date("2026-11-06T09:00:00Z");
    expect(await markLettersPosted(db, actorOf(operator), { letterIds: [letter.id], postedOn })).toBe(1);
    expect(await markLettersPosted(db, actorOf(operator), { letterIds: [letter.id], postedOn })).toBe(0);

    const status = await administratorRequestStatus(db, requester.id, new Date("2026-11-13T09:00:00Z"));
    expect(status?.overdueFrom?.toISOString()).toBe("2026-11-13T09:00:00.000Z");
    expect(status?.overdue).toBe(true);
    expect((await administratorRequestStatus(db, requester.id, new Date("2026-11-12T09:00:00Z")))?.overdue).toBe(false);

    const runAt = (day: string) => purgeLetterPdfs.run({ db, now: new Date(day), periodKey: day.slice(0, 10) });
    // Issue 18 item 12: the PDF (code in clear) no longer waits 30 days: posting deletes it.
    expect((await db.letter.findUniqueOrThrow({ where: { id: letter.id } })).pdf).toBeNull();
    await runAt("2026-12-07T03:00:00Z");
    const purged = await db.letter.findUniqueOrThrow({ where: { id: letter.id } });
    expect(purged.pdf).toBeNull();
    expect(purged.pdfPurgedAt).not.toBeNull();
  });
});

describe("SEC-5 LR-6 a letter's code is never kept in clear once the letter is posted, and every download is audited", () => {
  it("deletes the PDF at posting, re-prints the same letter from the encrypted code while the request is pending, audits each download", async () => {
    const operator = await createAccount({ organisationId: null, role: "OPERATOR" });
    const actor = actorOf(operator);
    const organisation = await createOrganisation({ name: "Commune de Réimpression" });
    const requester = await createAccount({ organisationId: organisation.id });
    const { requestId, number, code } = await requestFor(requester);
    const letter = await db.letter.findUniqueOrThrow({ where: { adminRequestId: requestId } });

    // At rest: a keyed hash and an AES-256-GCM copy with its key id, never the code.
    const stored = await db.adminRequest.findUniqueOrThrow({ where: { id: requestId } });
    expect(stored.codeCiphertext).toBeTruthy();
    expect(stored.codeKeyId).toMatch(/^[0-9a-f]{8}$/);
    expect(JSON.stringify(stored)).not.toContain(code.replace(/-/g, ""));
    expect(JSON.stringify(stored)).not.toContain(code);
    expect(JSON.stringify(letter.content)).not.toContain(code);

    // Waiting to be printed: the stored PDF, audited (single, then batch).
    const queued = await downloadLetterPdf(db, actor, letter.id, { ipAddress: "198.51.100.40" });
    expect(await pdfText(queued!.pdf)).toContain(code);
    await downloadQueuedBatch(db, actor, { ipAddress: "198.51.100.41" });
    const downloads = await db.auditEvent.findMany({ where: { action: "letter.downloaded", targetId: letter.id }, orderBy: { createdAt: "asc" } });
    expect(downloads).toMatchObject([
      { actorId: operator.id, organisationId: organisation.id, targetLabel: number, ipAddress: "198.51.100.40", details: { reprint: false } },
      { actorId: operator.id, organisationId: organisation.id, targetLabel: number, ipAddress: "198.51.100.41", details: { batch: expect.any(Number) } },
    ]);

    // Posted: the PDF carrying the code is gone at once.
    await markLettersPosted(db, actor, { letterIds: [letter.id], postedOn: new Date() });
    const posted = await db.letter.findUniqueOrThrow({ where: { id: letter.id } });
    expect(posted.pdf).toBeNull();
    expect(posted.pdfPurgedAt).not.toBeNull();
    expect((await listLetterHistory(db)).find((row) => row.id === letter.id)).toMatchObject({ reprintable: true });

    // A re-print is the same letter, rendered again with the decrypted code; audited as such.
    const reprint = await downloadLetterPdf(db, actor, letter.id, { ipAddress: "198.51.100.42" });
    const reprinted = (await pdfText(reprint!.pdf)).replace(/\s+/g, " ");
    const original = (await pdfText(letter.pdf!)).replace(/\s+/g, " ");
    expect(reprinted).toBe(original);
    expect(await db.auditEvent.findFirstOrThrow({ where: { action: "letter.downloaded", targetId: letter.id, ipAddress: "198.51.100.42" } })).toMatchObject({
      details: { reprint: true },
    });

    // A ciphertext moved onto another request does not decrypt there.
    const other = await requestFor(await createAccount({ organisationId: (await createOrganisation()).id }));
    const otherLetter = await db.letter.findUniqueOrThrow({ where: { adminRequestId: other.requestId } });
    await markLettersPosted(db, actor, { letterIds: [otherLetter.id], postedOn: new Date() });
    await db.adminRequest.update({ where: { id: other.requestId }, data: { codeCiphertext: stored.codeCiphertext, codeKeyId: stored.codeKeyId } });
    expect(await downloadLetterPdf(db, actor, otherLetter.id)).toBeNull();

    // Confirmed: nothing left to re-print, and the daily purge erases the encrypted code.
    expect(await confirmAdminRequest(db, { number, code }, { ipAddress: ip })).toMatchObject({ ok: true });
    expect(await downloadLetterPdf(db, actor, letter.id)).toBeNull();
    expect((await listLetterHistory(db)).find((row) => row.id === letter.id)).toMatchObject({ reprintable: false });
    await purgeLetterPdfs.run({ db, now: new Date(), periodKey: "purge" });
    expect(await db.adminRequest.findUniqueOrThrow({ where: { id: requestId } })).toMatchObject({ codeCiphertext: null, codeKeyId: null });
  });
});

