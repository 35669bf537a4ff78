// Starts this process's job runner, once: inside the app by default (instrumentation.ts),
// or in `npm run worker`.
import { db } from "../db";
import { createJobRunner, type JobRunner } from "./runner";
import { RECURRING_TASKS, SCHEDULED_JOBS } from "./schedule";

const globalForJobs = globalThis as unknown as { portailJobRunner?: JobRunner };

export function startJobRunner(log: (event: Record<string, unknown>) => void = () => undefined): JobRunner {
  if (globalForJobs.portailJobRunner) return globalForJobs.portailJobRunner;
  const runner = createJobRunner({ db, scheduled: SCHEDULED_JOBS, recurring: RECURRING_TASKS, log });
  globalForJobs.portailJobRunner = runner;
  runner.start();
  return runner;
}
