// Every job the portal runs. Capabilities add theirs here.
import { portalFiguresJob } from "../dashboards/portal-figures";
import { accountInactivityJob } from "../lifecycle/inactivity";
import { neverActivatedAccountsJob } from "../lifecycle/never-activated";
import { accountRetentionJob } from "../lifecycle/retention";
import { importsNightlyJob, importsTask } from "../imports/welcome";
import { purgeLetterPdfs } from "../letters/queue";
import { deliverOutboxTask } from "../mail/deliver-outbox";
import { purgeExpiredOidcPayloadsJob } from "../oidc/adapter";
import { deliverLogoutTokensTask, endLoginsNoLongerAllowedJob } from "../oidc/logout";
import { purgeAuthSessions, purgeJobRuns, purgeMfaLeftovers, purgeRateLimits } from "./maintenance";
import type { RecurringTask, ScheduledJob } from "./runner";

export const SCHEDULED_JOBS: ScheduledJob[] = [
  purgeRateLimits,
  purgeJobRuns,
  purgeAuthSessions,
  purgeMfaLeftovers,
  purgeLetterPdfs,
  accountInactivityJob,
  neverActivatedAccountsJob,
  accountRetentionJob,
  portalFiguresJob,
  importsNightlyJob,
  endLoginsNoLongerAllowedJob,
  purgeExpiredOidcPayloadsJob,
];

export const RECURRING_TASKS: RecurringTask[] = [deliverOutboxTask, importsTask, deliverLogoutTokensTask];
