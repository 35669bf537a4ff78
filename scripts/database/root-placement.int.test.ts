// Issue 17 item 7: run as root from a checkout whose parent folders the postgres user cannot
// enter (a clone in /root, a `mktemp -d` folder: what containers and CI runners do), the
// embedded PostgreSQL died with "spawn …/initdb EACCES". This copies the checkout into such a
// folder and starts the database there with the project's own command (`npm run db:server`),
// the part of `npm run dev` and `npm test` that failed.
import { execFileSync, spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readlinkSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { embeddedDatabaseUrl } from "@/lib/embedded-database-config";
import { freePort } from "./embedded-server";
import { PLACEMENT_DIR, postgresUser, relocatedDataDir, removeDataDir, runningAsRoot } from "./root-placement";

const project = process.cwd();

/** The connected user, or null when nothing answers. */
async function answers(url: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    const { rows } = await client.query<{ user: string }>(`SELECT current_user AS "user"`);
    return rows[0].user;
  } catch {
    return null;
  } finally {
    await client.end().catch(() => undefined);
  }
}

describe.skipIf(!runningAsRoot())("issue 17 item 7: the embedded database run as root from a folder closed to other users (skipped unless run as root: only root hands PostgreSQL to another user)", () => {
  let closed: string | undefined;
  let dataDir: string | undefined;
  afterAll(() => {
    if (dataDir) removeDataDir(dataDir);
    if (closed) rmSync(closed, { recursive: true, force: true });
  });

  it("starts from a copy of the checkout in a mode 0700 folder, answers a query, and stops with the command", async () => {
    // Under .data/ (git-ignored, never collected by the test runner) so that node_modules can be
    // hard-linked (same file system) in a second instead of copied.
    mkdirSync(path.join(project, ".data"), { recursive: true });
    closed = mkdtempSync(path.join(project, ".data", "closed-folder-"));
    const checkout = path.join(closed, "portail");
    dataDir = path.join(checkout, ".data", "postgres");
    expect(statSync(closed).mode & 0o777).toBe(0o700);
    // The checkout as it is now (what git tracks or would, uncommitted changes included).
    const files = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: project, encoding: "utf8" });
    for (const file of files.split("\0").filter((name) => name && existsSync(path.join(project, name)))) {
      cpSync(path.join(project, file), path.join(checkout, file), { verbatimSymlinks: true });
    }
    execFileSync("cp", ["-al", path.join(project, "node_modules"), path.join(checkout, "node_modules")]);

    const port = await freePort();
    const child: ChildProcessWithoutNullStreams = spawn(path.join(checkout, "node_modules", ".bin", "tsx"), ["--import", "./scripts/server-only-hook.mjs", "scripts/db.ts", "server"], {
      cwd: checkout,
      env: { NODE_ENV: "development", PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", EMBEDDED_PG_PORT: String(port) },
      // Its own process group, stopped as Ctrl+C in a terminal stops it: SIGINT to the group.
      detached: true,
    });
    let output = "";
    const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`not started within 90 s:\n${output}`)), 90_000);
        const read = (chunk: Buffer) => {
          output += String(chunk);
          if (output.includes("Ctrl+C pour arrêter")) {
            clearTimeout(timer);
            resolve();
          }
        };
        child.stdout.on("data", read);
        child.stderr.on("data", read);
        child.once("exit", () => {
          clearTimeout(timer);
          reject(new Error(`the command ended:\n${output}`));
        });
      });

      // PostgreSQL runs as the postgres user, its data out of the closed folder, with a
      // pointer left where the project expects it.
      expect(await answers(embeddedDatabaseUrl(port))).toBe("portail");
      const server = execFileSync("ps", ["-o", "user=,args=", "-u", String(postgresUser().uid)], { encoding: "utf8" });
      expect(server).toContain(`-p ${port}`);
      expect(server).toContain(`${PLACEMENT_DIR}/postgres-`);
      expect(lstatSync(dataDir).isSymbolicLink()).toBe(true);
      expect(readlinkSync(dataDir)).toBe(relocatedDataDir(dataDir));
      expect(statSync(relocatedDataDir(dataDir)).uid).toBe(postgresUser().uid);
    } finally {
      process.kill(-child.pid!, "SIGINT");
    }
    // Ctrl+C stops the database: nothing left running (PostgreSQL removes its pid file last).
    await exited;
    const pidFile = path.join(relocatedDataDir(dataDir), "postmaster.pid");
    for (let waited = 0; existsSync(pidFile) && waited < 30_000; waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(existsSync(pidFile)).toBe(false);
    expect(await answers(embeddedDatabaseUrl(port))).toBeNull();
  }, 180_000);
});
