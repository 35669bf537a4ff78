// MAIL-1 at scale (issue 17): the continuous delivery loop against a local stand-in for
// Resend's HTTP API (lib/testing/resend-stand-in.ts), reached through RESEND_BASE_URL.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "../db";
import { flakyDatabase } from "../testing/flaky-database";
import { startResendStandIn, type ResendStandIn } from "../testing/resend-stand-in";
import { prepareBulkTemplate, type BulkTemplate } from "./bulk-template";
import { createMailDelivery, deliverOutbox, type MailDelivery } from "./deliver-outbox";
import { enqueueEmail, enqueuePreparedEmails } from "./outbox";
import { ResendSender, type MailSender } from "./senders";
import type { ImportWelcomeEmailData } from "./templates";

let standIn: ResendStandIn;
let welcome: BulkTemplate<Pick<ImportWelcomeEmailData, "identifier" | "firstName" | "organisationName" | "activationUrl">>;
const loops: MailDelivery[] = [];

beforeAll(async () => {
  // 3225-3229 are this work's ports for the stand-in; loopback only.
  standIn = await startResendStandIn({ port: 3225, requestsPerSecond: 10 });
  vi.stubEnv("RESEND_BASE_URL", standIn.url);
  welcome = (await prepareBulkTemplate(
    "import-welcome",
    { resendUrl: "https://portail.test/activation/renvoyer", kind: "welcome" },
    ["identifier", "firstName", "organisationName", "activationUrl"],
    { identifier: "sample", firstName: "Léa", organisationName: "Commune de Test", activationUrl: "https://portail.test/activation/x" },
  ))!;
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await standIn.close();
});

afterEach(async () => {
  await Promise.all(loops.splice(0).map((loop) => loop.stop()));
  standIn.reset();
  await db.outboxEmail.deleteMany();
});

function sender(timeoutMs = 2_000): ResendSender {
  return new ResendSender("re_stand_in", "Portail <ne-pas-repondre@portail.test>", timeoutMs);
}

async function queueWelcomes(count: number, prefix = "bulk"): Promise<void> {
  const emails = Array.from({ length: count }, (_, index) => ({
    to: `${prefix}${index}@exemple.test`,
    template: "import-welcome",
    rendered: welcome.fill({
      identifier: `${prefix}-${index}`,
      firstName: "Léa",
      organisationName: "Commune de Test",
      activationUrl: `https://portail.test/activation/${prefix}-${index}`,
    }),
  }));
  await enqueuePreparedEmails(db, emails, "BULK");
}

function passwordReset(to: string): Promise<string> {
  return enqueueEmail(db, to, {
    template: "password-reset",
    data: { accounts: [{ identifier: "agent-urgent", organisationName: "Commune de Test", resetUrl: "https://portail.test/mot-de-passe/x" }], expiresInMinutes: 60 },
  });
}

function loop(options: Partial<Parameters<typeof createMailDelivery>[0]> = {}): MailDelivery {
  const delivery = createMailDelivery({ db, sender: sender(), requestsPerSecond: 10, batchSize: 100, concurrency: 3, idleMs: 50, ...options });
  loops.push(delivery);
  delivery.start();
  return delivery;
}

async function untilNothingPending(timeoutMs = 30_000): Promise<void> {
  await expect
    .poll(() => db.outboxEmail.count({ where: { status: "PENDING" } }), { timeout: timeoutMs, interval: 100 })
    .toBe(0);
}

describe("MAIL-1 transactional mail is always claimed before bulk mail", () => {
  it("sends the waiting password reset before the older welcomes", async () => {
    await queueWelcomes(250);
    const reset = await passwordReset("urgent@exemple.test");
    const report = await deliverOutbox(db, sender(), new Date(Date.now() + 1000));
    expect(report).toMatchObject({ claimed: 1, sent: 1 });
    expect(standIn.delivered.map((email) => email.to)).toEqual(["urgent@exemple.test"]);
    expect(await db.outboxEmail.findUniqueOrThrow({ where: { id: reset } })).toMatchObject({ status: "SENT", priority: "TRANSACTIONAL" });
    expect(await db.outboxEmail.count({ where: { priority: "BULK", status: "PENDING" } })).toBe(250);
  });

  it("a reset asked for in the middle of a bulk mailing goes out with the next call, not after the mailing", async () => {
    await queueWelcomes(400);
    // 10 messages a call, 10 calls a second: the mailing takes about 4 seconds.
    loop({ batchSize: 10 });
    await expect.poll(() => standIn.delivered.length, { timeout: 10_000, interval: 20 }).toBeGreaterThanOrEqual(50);
    const askedAt = Date.now();
    await passwordReset("urgent@exemple.test");
    await expect.poll(() => standIn.delivered.find((email) => email.to === "urgent@exemple.test"), { timeout: 10_000, interval: 20 }).toBeTruthy();
    const delay = standIn.delivered.find((email) => email.to === "urgent@exemple.test")!.at - askedAt;
    expect(delay).toBeLessThan(1_500);
    expect(standIn.delivered.length).toBeLessThan(400);
    await untilNothingPending();
    expect(standIn.delivered).toHaveLength(401);
    expect(standIn.duplicates()).toBe(0);
  });
});

describe("MAIL-1 continuous delivery paced to the provider's limits", () => {
  it("sends batches of at most 100 without exceeding the provider's rate, until the outbox is empty", async () => {
    await queueWelcomes(1_000);
    const started = Date.now();
    const delivery = loop({ requestsPerSecond: 10, concurrency: 4 });
    await untilNothingPending();
    // 10 calls of 100: about one second at 10 calls a second, not one batch per 15-second tick.
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(standIn.delivered).toHaveLength(1_000);
    expect(standIn.duplicates()).toBe(0);
    expect(standIn.stats.maxPerSecond).toBeLessThanOrEqual(10);
    expect(delivery.stats).toMatchObject({ sent: 1_000, failed: 0 });
    const ids = await db.outboxEmail.findMany({ select: { providerId: true } });
    expect(new Set(ids.map((row) => row.providerId)).size).toBe(1_000);
  });
});

describe("MAIL-1 several instances deliver the outbox at once", () => {
  it("two delivery loops on one outbox send each message once", async () => {
    await queueWelcomes(600);
    for (let index = 0; index < 10; index += 1) await passwordReset(`urgent${index}@exemple.test`);
    const first = loop({ requestsPerSecond: 5, batchSize: 20 });
    const second = loop({ requestsPerSecond: 5, batchSize: 20 });
    await untilNothingPending();
    expect(standIn.delivered).toHaveLength(610);
    expect(standIn.duplicates()).toBe(0);
    expect(await db.outboxEmail.count({ where: { status: "SENT" } })).toBe(610);
    // Both took their share.
    expect(first.stats.sent).toBeGreaterThan(0);
    expect(second.stats.sent).toBeGreaterThan(0);
  });
});

describe("MAIL-1 provider down for an hour: nothing lost, nothing sent twice", () => {
  it("retries through 503s, timeouts, dropped answers and 429s (one hour scaled to 3 seconds)", async () => {
    // Time scaled 1,200 to 1: a minute lasts 50 ms, the 5-minute back-off cap 250 ms.
    await queueWelcomes(300);
    for (let index = 0; index < 20; index += 1) await passwordReset(`urgent${index}@exemple.test`);
    const outage = [
      ["down", 1_200],
      ["timeout", 600],
      ["drop-after-accepting", 600],
      ["rate-limited", 600],
    ] as const;
    standIn.mode = "down";
    const delivery = loop({
      sender: sender(300),
      batchSize: 25,
      maxPauseMs: 250,
      deliver: { firstRetryMs: 50, maxTransientRetryMs: 250, leaseMs: 2_000 },
    });
    for (const [mode, ms] of outage) {
      standIn.mode = mode;
      await new Promise((resolve) => setTimeout(resolve, ms));
    }
    expect(await db.outboxEmail.count({ where: { status: "SENT" } })).toBeLessThan(320);
    standIn.mode = "ok";
    await untilNothingPending();

    expect(await db.outboxEmail.count({ where: { status: "SENT" } })).toBe(320);
    expect(await db.outboxEmail.count({ where: { status: "FAILED" } })).toBe(0);
    expect(new Set(standIn.delivered.map((email) => email.to)).size).toBe(320);
    expect(standIn.duplicates()).toBe(0);
    expect(standIn.delivered).toHaveLength(320);
    // Accepted but unanswered calls were answered again from the idempotency record.
    expect(standIn.stats.replayed).toBeGreaterThan(0);
    expect(delivery.stats.transientFailures).toBeGreaterThan(0);
    // Every recorded provider id is the one the provider gave for that message.
    const rows = await db.outboxEmail.findMany({ select: { to: true, providerId: true } });
    const byRecipient = new Map(standIn.delivered.map((email) => [email.to, email.id]));
    for (const row of rows) expect(row.providerId).toBe(byRecipient.get(row.to));
  });

  it("a crash between sending and recording: the batch is taken over after its lease and not sent again", async () => {
    await queueWelcomes(40);
    const real = sender();
    // This instance sends, then dies before recording anything.
    const crashing: MailSender = {
      name: "crashing",
      send: () => new Promise(() => undefined),
      async sendBatch(emails, key) {
        await real.sendBatch(emails, key);
        return new Promise(() => undefined);
      },
    };
    const now = new Date(Date.now() + 1000);
    void deliverOutbox(db, crashing, now, { leaseMs: 60_000 });
    await expect.poll(() => standIn.delivered.length).toBe(40);

    expect(await deliverOutbox(db, real, new Date(now.getTime() + 59_000))).toMatchObject({ claimed: 0 });
    expect(await deliverOutbox(db, real, new Date(now.getTime() + 60_000))).toMatchObject({ claimed: 40, sent: 40 });
    expect(standIn.delivered).toHaveLength(40);
    expect(standIn.duplicates()).toBe(0);
    expect(await db.outboxEmail.count({ where: { status: "SENT", attempts: 2 } })).toBe(40);
  });

  it("an address the provider refuses fails alone; the rest of its batch is sent", async () => {
    await queueWelcomes(5);
    await db.outboxEmail.updateMany({ where: { to: "bulk2@exemple.test" }, data: { to: "bulk2@invalide" } });
    expect(await deliverOutbox(db, sender(), new Date(Date.now() + 1000))).toMatchObject({ claimed: 5, sent: 4, failed: 1 });
    expect(await db.outboxEmail.findFirstOrThrow({ where: { to: "bulk2@invalide" } })).toMatchObject({ status: "FAILED" });
    expect(standIn.delivered).toHaveLength(4);
  });
});

describe("MAIL-1 the database restarts while a batch is at the provider (issue 17 item 4)", () => {
  it("what the provider accepted is recorded once the database answers again, not left to a lease and a second call", async () => {
    await queueWelcomes(30, "coupure");
    // The database is away when the provider's answer comes back: recording fails twice.
    const flaky = flakyDatabase(db, { $executeRaw: 2 });
    const report = await deliverOutbox(flaky, sender(), new Date());
    expect(report).toMatchObject({ claimed: 30, sent: 30, retried: 0, failed: 0 });
    expect(await db.outboxEmail.count({ where: { status: "SENT" } })).toBe(30);
    expect(standIn.delivered).toHaveLength(30);
    expect(standIn.stats.accepted).toBe(1);
    // Nothing left for another pass to send again.
    expect(await deliverOutbox(db, sender(), new Date(Date.now() + 10 * 60_000))).toMatchObject({ claimed: 0 });
  });
});
