import { afterEach, describe, expect, it } from "vitest";
import { db } from "../db";
import { flakyDatabase, unreachableDatabaseError } from "../testing/flaky-database";
import { createJobRunner, type JobRunner, type ScheduledJob } from "./runner";

const runners: JobRunner[] = [];
afterEach(async () => {
  await Promise.all(runners.splice(0).map((runner) => runner.stop()));
  await db.jobRun.deleteMany();
});

function countingJob(name: string, options: Partial<ScheduledJob> & { delayMs?: number; failTimes?: number } = {}) {
  const calls: string[] = [];
  let failures = 0;
  const job: ScheduledJob = {
    name,
    period: options.period ?? "day",
    fromHour: options.fromHour,
    async run({ periodKey }) {
      calls.push(periodKey);
      if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
      if (failures < (options.failTimes ?? 0)) {
        failures += 1;
        throw new Error(`échec ${failures}`);
      }
      return { ok: true };
    },
  };
  return { job, calls };
}

function runner(jobs: ScheduledJob[], instanceId: string, extra: Partial<Parameters<typeof createJobRunner>[0]> = {}) {
  const created = createJobRunner({ db, scheduled: jobs, instanceId, ...extra });
  runners.push(created);
  return created;
}

describe("Jobs: each scheduled job runs once per period, whatever the number of instances", () => {
  it("runs a daily job once when two runners tick at the same time, again and again", async () => {
    const { job, calls } = countingJob("daily-report", { delayMs: 50 });
    const a = runner([job], "instance-a");
    const b = runner([job], "instance-b");
    const now = new Date("2026-03-10T10:00:00Z");
    const reports = await Promise.all([a.tick(now), b.tick(now), a.tick(now), b.tick(now), a.tick(now)]);

    expect(calls).toEqual(["2026-03-10"]);
    expect(reports.flatMap((report) => report.ran)).toEqual(["daily-report"]);
    const runs = await db.jobRun.findMany();
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ job: "daily-report", periodKey: "2026-03-10", status: "SUCCEEDED", attempts: 1 });
    expect(["instance-a", "instance-b"]).toContain(runs[0].instanceId);
  });

  it("runs again in the next period, on whichever instance ticks first", async () => {
    const { job, calls } = countingJob("daily-report");
    const a = runner([job], "instance-a");
    const b = runner([job], "instance-b");
    await a.tick(new Date("2026-03-10T10:00:00Z"));
    await b.tick(new Date("2026-03-10T22:00:00Z"));
    await b.tick(new Date("2026-03-11T00:30:00Z")); // 01:30 in Paris: the next day
    await a.tick(new Date("2026-03-11T12:00:00Z"));
    expect(calls).toEqual(["2026-03-10", "2026-03-11"]);
  });

  it("waits for the configured hour of a daily job (Europe/Paris)", async () => {
    const { job, calls } = countingJob("nightly", { fromHour: 2 });
    const a = runner([job], "instance-a");
    await a.tick(new Date("2026-01-15T00:30:00Z")); // 01:30 in Paris
    expect(calls).toEqual([]);
    await a.tick(new Date("2026-01-15T01:00:00Z")); // 02:00 in Paris
    expect(calls).toEqual(["2026-01-15"]);
  });

  it("retries a failed run after the delay, up to the maximum number of attempts", async () => {
    const { job, calls } = countingJob("fragile", { failTimes: 5 });
    const a = runner([job], "instance-a", { retryDelayMs: 0, maxAttempts: 3 });
    const now = new Date("2026-05-04T09:00:00Z");
    expect((await a.tick(now)).failed).toEqual(["fragile"]);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await a.tick(now);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await a.tick(now);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await a.tick(now);
    expect(calls).toHaveLength(3);
    const run = await db.jobRun.findFirstOrThrow({ where: { job: "fragile" } });
    expect(run).toMatchObject({ status: "FAILED", attempts: 3 });
    expect(run.error).toContain("échec 3");
  });

  it("lets another instance take over a run whose lease expired (a crashed instance)", async () => {
    const { job, calls } = countingJob("daily-report");
    await db.jobRun.create({
      data: { job: "daily-report", periodKey: "2026-03-10", instanceId: "crashed", leaseUntil: new Date(Date.now() - 1000) },
    });
    const b = runner([job], "instance-b");
    await b.tick(new Date("2026-03-10T10:00:00Z"));
    expect(calls).toEqual(["2026-03-10"]);
    expect(await db.jobRun.findFirstOrThrow()).toMatchObject({ status: "SUCCEEDED", instanceId: "instance-b", attempts: 2 });
  });

  it("leaves a run alone while its lease is held", async () => {
    const { job, calls } = countingJob("daily-report");
    await db.jobRun.create({
      data: { job: "daily-report", periodKey: "2026-03-10", instanceId: "busy", leaseUntil: new Date(Date.now() + 60_000) },
    });
    await runner([job], "instance-b").tick(new Date("2026-03-10T10:00:00Z"));
    expect(calls).toEqual([]);
  });

  it("runs recurring tasks on every tick of every instance", async () => {
    let ticks = 0;
    const recurring = [{ name: "outbox", run: async () => void (ticks += 1) }];
    await Promise.all([runner([], "a", { recurring }).tick(), runner([], "b", { recurring }).tick()]);
    expect(ticks).toBe(2);
    expect(await db.jobRun.count()).toBe(0);
  });
});

describe("Jobs ride out a database restart (issue 17 item 4)", () => {
  it("a run cut off by an unreachable database is handed back, not failed: the next tick of any instance runs it at once", async () => {
    let calls = 0;
    const job: ScheduledJob = {
      name: "cut-off-report",
      period: "day",
      async run() {
        calls += 1;
        if (calls === 1) throw unreachableDatabaseError();
        return { ok: true };
      },
    };
    const now = new Date("2026-03-10T10:00:00Z");
    const first = await runner([job], "instance-a").tick(now);
    expect(first.failed).toEqual(["cut-off-report"]);
    const handedBack = await db.jobRun.findFirstOrThrow({ where: { job: "cut-off-report" } });
    expect(handedBack.status).toBe("RUNNING");
    expect(handedBack.leaseUntil.getTime()).toBeLessThanOrEqual(Date.now());

    const second = await runner([job], "instance-b").tick(now);
    expect(second.ran).toEqual(["cut-off-report"]);
    expect(await db.jobRun.findFirstOrThrow({ where: { job: "cut-off-report" } })).toMatchObject({ status: "SUCCEEDED", attempts: 2, instanceId: "instance-b" });
  });

  it("a run whose outcome cannot be written while the database is away is recorded once it answers again", async () => {
    const { job, calls } = countingJob("recorded-later");
    const flaky = flakyDatabase(db, { "jobRun.updateMany": 2 });
    const report = await runner([job], "instance-a", { db: flaky }).tick(new Date("2026-03-10T10:00:00Z"));
    expect(report.ran).toEqual(["recorded-later"]);
    expect(calls).toHaveLength(1);
    expect(await db.jobRun.findFirstOrThrow({ where: { job: "recorded-later" } })).toMatchObject({ status: "SUCCEEDED", attempts: 1 });
  });
});
