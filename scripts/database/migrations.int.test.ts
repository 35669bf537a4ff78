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
