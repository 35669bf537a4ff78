// Where the embedded PostgreSQL listens, shared by the scripts that start it and by
// lib/db.ts, which connects to it when DATABASE_URL is not set. Development only:
// the server listens on 127.0.0.1 and its data stays in the git-ignored .data/ folder.
export const EMBEDDED_USER = "portail";
export const EMBEDDED_PASSWORD = "portail-local";
export const EMBEDDED_DATABASE = "portail";
export const DEFAULT_EMBEDDED_PORT = 54329;

export function embeddedPort(): number {
  return Number(process.env.EMBEDDED_PG_PORT ?? DEFAULT_EMBEDDED_PORT);
}

export function embeddedDatabaseUrl(port = embeddedPort(), database = EMBEDDED_DATABASE): string {
  return `postgresql://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${port}/${database}`;
}
