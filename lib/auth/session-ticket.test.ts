import { describe, expect, it } from "vitest";
import { signSessionTicket, verifySessionTicket } from "./session-ticket";

describe("SEC-3 session tickets: only the server can change a session's account", () => {
  const ticket = { accountId: "0190f3a4-0000-7000-8000-000000000001", sessionVersion: 3, unlockedAccountIds: ["a:1"] };

  it("accepts its own signature within a minute", () => {
    const signed = signSessionTicket(ticket, 1_000_000);
    expect(verifySessionTicket(signed, 1_030_000)).toMatchObject(ticket);
  });

  it("refuses a tampered, expired or malformed ticket", () => {
    const signed = signSessionTicket(ticket, 1_000_000);
    const [payload, signature] = signed.split(".");
    const forged = Buffer.from(JSON.stringify({ ...ticket, accountId: "autre", expiresAt: 2_000_000 })).toString("base64url");
    expect(verifySessionTicket(`${forged}.${signature}`, 1_010_000)).toBeNull();
    expect(verifySessionTicket(`${payload}.${signature}x`, 1_010_000)).toBeNull();
    expect(verifySessionTicket(signed, 1_061_000)).toBeNull();
    expect(verifySessionTicket({ accountId: "x" }, 1_010_000)).toBeNull();
    expect(verifySessionTicket("n'importe-quoi", 1_010_000)).toBeNull();
  });
});
