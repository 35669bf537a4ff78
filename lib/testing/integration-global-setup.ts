// Once per integration run: a PostgreSQL server (the DATABASE_URL one in the server lane,
// otherwise a throw-away embedded server) and a template database migrated with the real
// migrations. Each test file then gets its own copy (lib/testing/database-per-file.ts).
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { freePort, startEmbeddedServer } from "../../scripts/database/embedded-server";
import { deployMigrations } from "../../scripts/database/migrations";
import { withDatabase } from "./database-url";

declare module "vitest" {
  export interface ProvidedContext {
    adminUrl: string;
    templateDatabase: string;
  }
}

export default async function setup(project: TestProject) {
  let adminUrl = process.env.DATABASE_URL;
  let stopServer: () => Promise<void> = async () => undefined;
  let dataDir: string | undefined;
  if (!adminUrl) {
    dataDir = mkdtempSync(path.join(tmpdir(), "portail-test-pg-"));
    // Run as root, PostgreSQL runs as its own user, which must reach the data directory.
    chmodSync(dataDir, 0o755);
    const server = await startEmbeddedServer({ dataDir: path.join(dataDir, "data"), port: await freePort(), ephemeral: true });
    adminUrl = server.url("postgres");
    stopServer = server.stop;
  }

  const templateDatabase = `portail_template_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${templateDatabase} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${templateDatabase}`);
  await deployMigrations(withDatabase(adminUrl, templateDatabase));
  // CREATE DATABASE … TEMPLATE needs the template free of connections.
  await admin.query(
    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()",
    [templateDatabase],
  );

  project.provide("adminUrl", adminUrl);
  project.provide("templateDatabase", templateDatabase);

  return async () => {
    const { rows } = await admin.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE datname LIKE 'portail_test_%' OR datname = $1",
      [templateDatabase],
    );
    for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
    await admin.end();
    await stopServer();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  };
}
