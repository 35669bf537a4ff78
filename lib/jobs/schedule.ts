// Every job the portal runs. Capabilities add theirs here.
import { purgeLetterPdfs } from "../letters/queue";
import { deliverOutboxTask } from "../mail/deliver-outbox";
import { purgeJobRuns, purgeRateLimits } from "./maintenance";
import type { RecurringTask, ScheduledJob } from "./runner";

export const SCHEDULED_JOBS: ScheduledJob[] = [purgeRateLimits, purgeJobRuns, purgeLetterPdfs];

export const RECURRING_TASKS: RecurringTask[] = [deliverOutboxTask];
