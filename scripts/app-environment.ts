// The environment `npm run dev` / `npm start` (scripts/run-app.ts) give the server they start,
// apart as a pure function so that what a start implies can be tested without starting one.

/** Environment variables as plain strings (NodeJS.ProcessEnv, as Next.js types it, insists on NODE_ENV). */
export type Variables = Record<string, string | undefined>;

export interface AppEnvironmentInput {
  mode: "dev" | "start";
  /** No DATABASE_URL: the embedded PostgreSQL. */
  embedded: boolean;
  /** The variables run-app itself received. */
  env: Variables;
  host: string;
  port: string;
  /** The secret persisted in .data/ for the embedded database. */
  localAuthSecret: () => string;
}

/**
 * `npm start` is production (NODE_ENV=production, served by scripts/next-server.mjs);
 * `npm run dev` is development. The embedded database only brings a persisted AUTH_SECRET so
 * that sessions survive a restart: it implies nothing else, in particular no dev mailbox (the
 * mailbox follows lib/dev-conveniences.ts alone, SEC-10).
 */
export function appServerEnvironment(input: AppEnvironmentInput): Variables {
  const { env, host, port } = input;
  const result: Variables = { ...env, APP_URL: env.APP_URL ?? `http://${host}:${port}` };
  if (input.embedded) result.AUTH_SECRET ??= input.localAuthSecret();
  return input.mode === "start" ? { ...result, HOST: host, PORT: port, NODE_ENV: "production" } : result;
}
