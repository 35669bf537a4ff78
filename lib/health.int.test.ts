import { PrismaPg } from "@prisma/adapter-pg";
import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/health/route";
import { PrismaClient } from "./generated/prisma/client";
import { checkHealth } from "./health";

describe("Foundation: GET /api/health checks the database", () => {
  it("answers 200 with the number of applied migrations", async () => {
    const response = await GET();
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const body = await response.json();
    expect(body).toMatchObject({ status: "ok", database: "ok" });
    expect(body.migrations).toBeGreaterThanOrEqual(1);
  });

  it("reports the database as unreachable when it does not answer", async () => {
    const unreachable = new PrismaClient({
      adapter: new PrismaPg({ connectionString: "postgresql://nobody:nothing@127.0.0.1:1/none", connectionTimeoutMillis: 500 }),
    });
    const health = await checkHealth(unreachable);
    expect(health).toMatchObject({ status: "error", database: "unreachable", migrations: null });
    await unreachable.$disconnect();
  });
});
