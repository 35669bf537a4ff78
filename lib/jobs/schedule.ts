// Every job the portal runs. Capabilities add theirs here.
import { purgeJobRuns, purgeRateLimits } from "./maintenance";
import type { RecurringTask, ScheduledJob } from "./runner";

export const SCHEDULED_JOBS: ScheduledJob[] = [purgeRateLimits, purgeJobRuns];

export const RECURRING_TASKS: RecurringTask[] = [];
