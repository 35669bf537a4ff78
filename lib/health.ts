// What GET /api/health reports: the database answers and its migrations are applied.
import "server-only";
import { db, type Db } from "./db";

export interface Health {
  status: "ok" | "error";
  database: "ok" | "unreachable";
  migrations: number | null;
  checkedAt: string;
}

/** `client` is the portal's database unless a test hands in an unreachable one. */
export async function checkHealth(client: Db = db): Promise<Health> {
  const checkedAt = new Date().toISOString();
  try {
    const [{ count }] = await client.$queryRaw<{ count: number }[]>`
      SELECT count(*)::int AS count FROM "_prisma_migrations" WHERE "finished_at" IS NOT NULL AND "rolled_back_at" IS NULL`;
    return { status: "ok", database: "ok", migrations: count, checkedAt };
  } catch {
    return { status: "error", database: "unreachable", migrations: null, checkedAt };
  }
}
