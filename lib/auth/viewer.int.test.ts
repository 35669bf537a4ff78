import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "../db";
import { createAccount } from "../testing/factories";

const claims = vi.hoisted(() => ({ current: null as null | { accountId?: string; sessionVersion?: number; unlockedAccountIds?: string[] } }));
vi.mock("./auth", () => ({ auth: async () => claims.current }));
const { currentViewer } = await import("./viewer");

beforeEach(() => {
  claims.current = null;
});

describe("SEC-3 ACC-10 a session is checked against the database on every request", () => {
  it("recognises a valid session", async () => {
    const account = await createAccount();
    claims.current = { accountId: account.id, sessionVersion: 0, unlockedAccountIds: [`${account.id}:0`] };
    expect(await currentViewer()).toMatchObject({ accountId: account.id, identifier: account.identifier, role: "USER" });
  });

  it("ends sessions once sessionVersion moves on (password change or reset, role change) and on deactivation", async () => {
    const account = await createAccount();
    claims.current = { accountId: account.id, sessionVersion: 0 };
    await db.account.update({ where: { id: account.id }, data: { sessionVersion: { increment: 1 } } });
    expect(await currentViewer()).toBeNull();

    const deactivated = await createAccount();
    claims.current = { accountId: deactivated.id, sessionVersion: 0 };
    await db.account.update({ where: { id: deactivated.id }, data: { status: "DEACTIVATED", deactivationReason: "INVALIDATED" } });
    expect(await currentViewer()).toBeNull();
  });

  it("ignores a session without an account, or naming an account that does not exist", async () => {
    claims.current = {};
    expect(await currentViewer()).toBeNull();
    claims.current = { accountId: "0190f3a4-0000-7000-8000-000000000000", sessionVersion: 0 };
    expect(await currentViewer()).toBeNull();
  });
});
