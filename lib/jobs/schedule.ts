// Every job the portal runs. Capabilities add theirs here.
import { deliverOutboxTask } from "../mail/deliver-outbox";
import { purgeJobRuns, purgeRateLimits } from "./maintenance";
import type { RecurringTask, ScheduledJob } from "./runner";

export const SCHEDULED_JOBS: ScheduledJob[] = [purgeRateLimits, purgeJobRuns];

export const RECURRING_TASKS: RecurringTask[] = [deliverOutboxTask];
