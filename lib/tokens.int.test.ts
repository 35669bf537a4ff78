// SEC-5: link tokens are stored as keyed hashes (HMAC-SHA256 with a server secret).
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "./db";
import { hashSecret, newSecret } from "./security/secrets";
import { createAccount } from "./testing/factories";
import { inspectToken, issueToken } from "./tokens";

const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");

describe("SEC-5 link tokens are stored as keyed hashes", () => {
  it("stores HMAC-SHA256 under the server's key, never the token nor its plain SHA-256", async () => {
    const account = await createAccount();
    const { token } = await issueToken(db, { purpose: "PASSWORD_RESET", accountId: account.id });
    const row = await db.token.findFirstOrThrow({ where: { accountId: account.id, purpose: "PASSWORD_RESET" } });
    expect(row.tokenHash).toBe(hashSecret(token));
    expect(row.tokenHash).not.toBe(sha256(token));
    expect(row.tokenHash).not.toContain(token);
    expect(await inspectToken(db, "PASSWORD_RESET", token)).toMatchObject({ ok: true });
  });

  it("a short-lived token stored before the change no longer opens anything; a year-long ticket link still does", async () => {
    const account = await createAccount();
    const reset = newSecret();
    await db.token.create({ data: { purpose: "PASSWORD_RESET", accountId: account.id, tokenHash: sha256(reset), expiresAt: new Date(Date.now() + 3_600_000) } });
    expect(await inspectToken(db, "PASSWORD_RESET", reset)).toEqual({ ok: false, problem: "unknown" });

    const ticket = await db.supportTicket.create({ data: { number: "A-2026-999001", category: "ACCESS", contactEmail: "suivi@test.example" } });
    const link = newSecret();
    await db.token.create({ data: { purpose: "TICKET_ACCESS", ticketId: ticket.id, tokenHash: sha256(link), expiresAt: new Date(Date.now() + 86_400_000) } });
    expect(await inspectToken(db, "TICKET_ACCESS", link)).toMatchObject({ ok: true });
    // The former form is only looked up for its own purpose.
    expect(await inspectToken(db, "ACTIVATION", link)).toEqual({ ok: false, problem: "unknown" });
  });
});
