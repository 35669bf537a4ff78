// Before each integration test file: a fresh database copied from the migrated template,
// and DATABASE_URL pointing at it before lib/db.ts is first imported.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, inject } from "vitest";
import { withDatabase } from "./database-url";

const adminUrl = inject("adminUrl");
const template = inject("templateDatabase");
const database = `portail_test_${randomBytes(6).toString("hex")}`;

const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`CREATE DATABASE ${database} TEMPLATE ${template}`);
await admin.end();

process.env.DATABASE_URL = withDatabase(adminUrl, database);
process.env.DATABASE_POOL_SIZE ??= "4";

afterAll(async () => {
  const { db } = await import("../db");
  await db.$disconnect();
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await client.end();
});
