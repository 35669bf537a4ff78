// Opens the database the scripts work on: DATABASE_URL when set, otherwise the embedded
// PostgreSQL (started here, or shared with the process that already started it).
import { EMBEDDED_DATABASE, embeddedPort } from "../../lib/embedded-database-config";
import { embeddedDataDir, ensureDatabase, startEmbeddedServer } from "./embedded-server";

export interface OpenDatabase {
  url: string;
  embedded: boolean;
  /** Stops the embedded server if this process started it. */
  close(): Promise<void>;
}

export async function openDatabase(log: (line: string) => void = () => undefined): Promise<OpenDatabase> {
  if (process.env.DATABASE_URL) {
    return { url: process.env.DATABASE_URL, embedded: false, close: async () => undefined };
  }
  const server = await startEmbeddedServer({ dataDir: embeddedDataDir(), port: embeddedPort(), log });
  await ensureDatabase(server.url("postgres"), EMBEDDED_DATABASE);
  const url = server.url(EMBEDDED_DATABASE);
  // lib/db.ts reads it: every module loaded from now on talks to this database.
  process.env.DATABASE_URL = url;
  return { url, embedded: true, close: server.stop };
}

/** Masks the password of a connection string for logs. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, "//$1:***@");
}
