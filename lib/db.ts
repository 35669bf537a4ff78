// The one PrismaClient of the process, on the node-postgres driver adapter. It connects to
// DATABASE_URL when set, otherwise to the embedded PostgreSQL that the app's scripts start
// (scripts/run-app.ts, scripts/worker.ts, scripts/db.ts).
import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { reportDatabaseError } from "./database-availability";
import { embeddedDatabaseUrl } from "./embedded-database-config";
import { PrismaClient } from "./generated/prisma/client";

export type Db = PrismaClient;

export function databaseUrl(): string {
  return process.env.DATABASE_URL || embeddedDatabaseUrl();
}

function createClient(): PrismaClient {
  const adapter = new PrismaPg(
    {
      connectionString: databaseUrl(),
      max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
    },
    {
      // A pooled connection closed by PostgreSQL (restart, shutdown) is dropped by the pool,
      // which opens a new one when the server is back; the web server answers 503 meanwhile.
      onPoolError: reportDatabaseError,
      onConnectionError: reportDatabaseError,
    },
  );
  return new PrismaClient({ adapter });
}

// Next's dev server reloads modules: keep one client (and one pool) per process.
const globalForDb = globalThis as unknown as { portailDb?: PrismaClient };

export const db: PrismaClient = (globalForDb.portailDb ??= createClient());
