import { afterEach, describe, expect, it } from "vitest";
import { db } from "../db";
import { RECURRING_TASKS } from "../jobs/schedule";
import { deliverOutbox, MAX_ATTEMPTS, LEASE_MS, retryDelayMs } from "./deliver-outbox";
import { enqueueEmail, type EmailMessage } from "./outbox";
import { MailboxSender, type MailSender, type OutgoingEmail } from "./senders";

afterEach(async () => {
  await db.outboxEmail.deleteMany();
  await db.rateLimitBucket.deleteMany();
});

function activation(identifier = "agent-test"): EmailMessage {
  return {
    template: "activation",
    data: {
      identifier,
      organisationName: "Commune de Test",
      firstName: "Agent",
      activationUrl: `https://portail.test/activation/${identifier}`,
      requestedRole: "USER",
    },
  };
}

/** A provider that accepts everything and remembers what it was given. */
function recordingSender(delayMs = 0): MailSender & { sent: OutgoingEmail[] } {
  const sent: OutgoingEmail[] = [];
  return {
    name: "fake",
    sent,
    async send(email) {
      if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs));
      sent.push(email);
      return { providerId: `fake-${sent.length}` };
    },
  };
}

const failingSender: MailSender = {
  name: "down",
  async send() {
    throw new Error("provider unavailable (503)");
  },
};

/** Just after "now" for the database, so freshly queued messages are due. */
const soon = () => new Date(Date.now() + 1000);

describe("MAIL-1 the outbox is written in the transaction of the change that causes it", () => {
  it("leaves no message when the change is rolled back", async () => {
    await expect(
      db.$transaction(async (tx) => {
        await tx.rateLimitBucket.create({ data: { key: "change-that-fails", points: 1 } });
        await enqueueEmail(tx, "agent@commune.test", activation());
        throw new Error("the change fails after the e-mail was queued");
      }),
    ).rejects.toThrow("the change fails");
    expect(await db.outboxEmail.count()).toBe(0);
    expect(await db.rateLimitBucket.count()).toBe(0);
  });

  it("queues the rendered message, lower-cased address, when the change commits", async () => {
    const id = await db.$transaction(async (tx) => {
      await tx.rateLimitBucket.create({ data: { key: "change-that-commits", points: 1 } });
      return enqueueEmail(tx, "  Agent.Test@Commune.TEST ", activation());
    });
    const row = await db.outboxEmail.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({
      to: "agent.test@commune.test",
      template: "activation",
      status: "PENDING",
      attempts: 0,
      links: ["https://portail.test/activation/agent-test"],
      providerId: null,
      sentAt: null,
    });
    expect(row.subject).toContain("agent-test");
    expect(row.text).toContain("https://portail.test/activation/agent-test");
    expect(row.html).toContain('lang="fr"');
  });

  it("refuses an address that is not one", async () => {
    await expect(enqueueEmail(db, "not an address", activation())).rejects.toThrow(/invalid recipient/);
  });
});

describe("MAIL-1 deliver-outbox sends each message, retries with back-off, gives up after the last attempt", () => {
  it("is registered as a recurring task of the job runner", () => {
    expect(RECURRING_TASKS.map((task) => task.name)).toContain("deliver-outbox");
  });

  it("sends a due message and marks it SENT with the provider's id", async () => {
    const id = await enqueueEmail(db, "agent@commune.test", activation());
    const sender = recordingSender();
    const report = await deliverOutbox(db, sender, soon());

    expect(report).toEqual({ claimed: 1, sent: 1, retried: 0, failed: 0 });
    expect(sender.sent).toHaveLength(1);
    expect(sender.sent[0]).toMatchObject({ id, to: "agent@commune.test" });
    expect(sender.sent[0].text).toContain("https://portail.test/activation/agent-test");
    const row = await db.outboxEmail.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "SENT", providerId: "fake-1", attempts: 1, lastError: null });
    expect(row.sentAt).toBeInstanceOf(Date);

    // Nothing left to do.
    expect(await deliverOutbox(db, sender, soon())).toMatchObject({ claimed: 0 });
    expect(sender.sent).toHaveLength(1);
  });

  it("without a provider, the dev mailbox marks the message as handled", async () => {
    const id = await enqueueEmail(db, "agent@commune.test", activation());
    await deliverOutbox(db, new MailboxSender(), soon());
    expect(await db.outboxEmail.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "SENT", providerId: "dev-mailbox" });
  });

  it("leaves alone a message that is not due yet", async () => {
    const id = await enqueueEmail(db, "agent@commune.test", activation());
    await db.outboxEmail.update({ where: { id }, data: { nextAttemptAt: new Date(Date.now() + 3_600_000) } });
    const sender = recordingSender();
    expect(await deliverOutbox(db, sender, soon())).toMatchObject({ claimed: 0 });
    expect(sender.sent).toHaveLength(0);
  });

  it("retries after 1, 2, 4… minutes, then marks the message FAILED after the last attempt", async () => {
    const id = await enqueueEmail(db, "agent@commune.test", activation());
    let now = soon();
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
      // Not due a moment before the scheduled retry.
      if (attempt > 1) {
        expect(await deliverOutbox(db, failingSender, new Date(now.getTime() - 1))).toMatchObject({ claimed: 0 });
      }
      const report = await deliverOutbox(db, failingSender, now);
      const row = await db.outboxEmail.findUniqueOrThrow({ where: { id } });
      expect(row.attempts).toBe(attempt);
      expect(row.lastError).toContain("provider unavailable (503)");
      if (attempt < MAX_ATTEMPTS) {
        expect(report).toEqual({ claimed: 1, sent: 0, retried: 1, failed: 0 });
        expect(row.status).toBe("PENDING");
        expect(row.nextAttemptAt.getTime() - now.getTime()).toBe(60_000 * 2 ** (attempt - 1));
        now = row.nextAttemptAt;
      } else {
        expect(report).toEqual({ claimed: 1, sent: 0, retried: 0, failed: 1 });
        expect(row.status).toBe("FAILED");
      }
    }
    // Given up: never tried again.
    expect(await deliverOutbox(db, recordingSender(), new Date(now.getTime() + 86_400_000))).toMatchObject({ claimed: 0 });
  });

  it("caps the back-off at 6 hours", () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([60_000, 120_000, 240_000, 480_000]);
    expect(retryDelayMs(20)).toBe(6 * 3_600_000);
  });

  it("a message that fails once is sent on the next try", async () => {
    const id = await enqueueEmail(db, "agent@commune.test", activation());
    const now = soon();
    await deliverOutbox(db, failingSender, now);
    const sender = recordingSender();
    await deliverOutbox(db, sender, new Date(now.getTime() + retryDelayMs(1)));
    expect(await db.outboxEmail.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "SENT", attempts: 2, lastError: null });
    expect(sender.sent).toHaveLength(1);
  });
});

describe("MAIL-1 several instances deliver the outbox at once", () => {
  it("never sends the same message twice", async () => {
    const total = 57;
    for (let index = 0; index < total; index += 1) {
      await enqueueEmail(db, `agent${index}@commune.test`, activation(`agent-${index}`));
    }
    const sender = recordingSender(2);
    const instance = async () => {
      // Each instance ticks until it finds nothing left to claim.
      while ((await deliverOutbox(db, sender, soon(), { batchSize: 5 })).claimed > 0) {
        /* next batch */
      }
    };
    await Promise.all([instance(), instance(), instance()]);

    const ids = sender.sent.map((email) => email.id);
    expect(ids).toHaveLength(total);
    expect(new Set(ids).size).toBe(total);
    expect(await db.outboxEmail.count({ where: { status: "SENT", attempts: 1 } })).toBe(total);
  });

  it("skips, without waiting, the messages another instance is claiming", async () => {
    const busy = await enqueueEmail(db, "busy@commune.test", activation("busy"));
    const free = await enqueueEmail(db, "free@commune.test", activation("free"));
    const sender = recordingSender();
    let report: Awaited<ReturnType<typeof deliverOutbox>> | undefined;
    await db.$transaction(async (tx) => {
      // Another instance, in the middle of its claim, holds the row of `busy`.
      await tx.$queryRaw`SELECT "id" FROM "outbox_emails" WHERE "id" = ${busy}::uuid FOR UPDATE`;
      report = await Promise.race([
        deliverOutbox(db, sender, soon()),
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error("deliverOutbox waited for a locked row")), 3000)),
      ]);
    });
    expect(report).toMatchObject({ claimed: 1, sent: 1 });
    expect(sender.sent.map((email) => email.id)).toEqual([free]);
    expect(await db.outboxEmail.findUniqueOrThrow({ where: { id: busy } })).toMatchObject({ status: "PENDING", attempts: 0 });
  });

  it("takes over a message whose sender vanished after its lease, and ignores the late outcome", async () => {
    const id = await enqueueEmail(db, "agent@commune.test", activation());
    let release: () => void = () => undefined;
    const stuck: MailSender = {
      name: "stuck",
      send: () => new Promise((resolve) => (release = () => resolve({ providerId: "late" }))),
    };
    const now = soon();
    const first = deliverOutbox(db, stuck, now);
    // Wait until the first instance holds its claim.
    await expect.poll(async () => (await db.outboxEmail.findUniqueOrThrow({ where: { id } })).attempts).toBe(1);

    const second = recordingSender();
    expect(await deliverOutbox(db, second, new Date(now.getTime() + LEASE_MS - 1))).toMatchObject({ claimed: 0 });
    expect(await deliverOutbox(db, second, new Date(now.getTime() + LEASE_MS))).toMatchObject({ claimed: 1, sent: 1 });

    release();
    await first;
    expect(await db.outboxEmail.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "SENT", providerId: "fake-1", attempts: 2 });
  });
});
