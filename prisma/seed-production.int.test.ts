import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { DEMO_DATA_REFUSED } from "@/lib/dev-conveniences";
import { seed } from "./seed";
import { DEMO_OPERATOR } from "./seed/demo";

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("SEC-10 the seed never loads the demo accounts in production", () => {
  it("refuses demo data asked for under NODE_ENV=production, before writing anything", async () => {
    vi.stubEnv("NODE_ENV", "production");
    await expect(seed(db, { demo: true })).rejects.toThrow(DEMO_DATA_REFUSED);
    expect(await db.organisation.count()).toBe(0);
    expect(await db.account.count()).toBe(0);
    // `npm start` is production whatever NODE_ENV its own process has.
    vi.stubEnv("NODE_ENV", "development");
    await expect(seed(db, { demo: true, production: true })).rejects.toThrow(DEMO_DATA_REFUSED);
    expect(await db.account.count()).toBe(0);
  });

  it("seeds the directory and the catalogue only, by default under production", async () => {
    vi.stubEnv("NODE_ENV", "production");
    const report = await seed(db);
    expect(report.demo).toBe(false);
    // Communes actuelles and EPCIs only (issue 16 item 2).
    expect(report.organisations).toBeGreaterThan(36_000);
    expect(report.eServices).toBeGreaterThan(0);
    expect(report.accounts).toBe(0);
    expect(await db.account.findUnique({ where: { identifier: DEMO_OPERATOR.identifier } })).toBeNull();
  });
});
