// What GET /api/health reports: the database answers and its migrations are applied.
import "server-only";
import type { Db } from "./db";

export interface Health {
  status: "ok" | "error";
  database: "ok" | "unreachable";
  migrations: number | null;
  checkedAt: string;
}

export async function checkHealth(db: Db): Promise<Health> {
  const checkedAt = new Date().toISOString();
  try {
    const [{ count }] = await db.$queryRaw<{ count: number }[]>`
      SELECT count(*)::int AS count FROM "_prisma_migrations" WHERE "finished_at" IS NOT NULL AND "rolled_back_at" IS NULL`;
    return { status: "ok", database: "ok", migrations: count, checkedAt };
  } catch {
    return { status: "error", database: "unreachable", migrations: null, checkedAt };
  }
}
