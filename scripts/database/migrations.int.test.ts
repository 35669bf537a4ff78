import pg from "pg";
import { describe, expect, it } from "vitest";
import { deployMigrations, diffMigrationsToSchema, migrationStatus } from "./migrations";

describe("Foundation: migrations", () => {
  it("leave the test database up to date, and a second deploy applies nothing", async () => {
    const url = process.env.DATABASE_URL!;
    expect(await migrationStatus(url)).toMatchObject({ upToDate: true, unapplied: [], failed: [], edited: [] });
    expect(await deployMigrations(url)).toEqual([]);
  });

  it("match prisma/schema.prisma exactly (no change left without its migration)", async () => {
    const sql = await diffMigrationsToSchema();
    expect(sql.trim()).toBe("-- This is an empty migration.");
  });
});

describe("Issue 17 item 4: a start that waits for another's migrations leaves no lock behind", () => {
  it("waits past the engine's own 10 s, then migrates, and no connection keeps the lock", async () => {
    const url = process.env.DATABASE_URL!;
    // Another instance (or `prisma migrate`) holds the engine's lock for 12 s.
    const other = new pg.Client({ connectionString: url });
    await other.connect();
    await other.query("SELECT pg_advisory_lock(72707369)");
    const released = new Promise<void>((resolve) =>
      setTimeout(() => void other.query("SELECT pg_advisory_unlock(72707369)").then(() => resolve()), 12_000),
    );
    const deployed = deployMigrations(url);
    await released;
    // Before: the engine gave up at 10 s, its queued lock query took the lock at 12 s on a
    // connection nobody used again, and every retry waited for it (5 minutes, then failed).
    expect(await deployed).toEqual([]);
    const { rows } = await other.query<{ held: number }>("SELECT count(*)::int AS held FROM pg_locks WHERE locktype = 'advisory' AND granted");
    await other.end();
    expect(rows[0].held).toBe(0);
  }, 60_000);
});
