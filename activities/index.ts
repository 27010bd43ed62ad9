import type { Client } from '@temporalio/client';
import { parseConfig, type Config } from '../runtime/config';
import type { Db } from '../runtime/db';
import type { Logger } from '../runtime/logger';
import { createAnalyticsActivities } from './analytics/analytics-activities';
import { createAnalyticsClient, type AnalyticsClient } from './analytics/client';
import { createNotifyActivities, type NotifyTransports } from './notify/send-notification';
import { createReportActivities } from './reports/stream-review';
import { createComplianceActivities } from './compliance/compliance-checks';
import { createProjectionActivities } from './projection/record-workflow-events';
import { createCampaignStreamActivities } from './campaigns/campaign-streams';
import { createCampaignReviewActivities } from './campaigns/campaign-review';
import { createReconcileActivities } from './reconcile/closed-workflows';
import { createScheduleActivities } from './schedules';

export interface ActivityDeps {
  db: Db;
  logger: Logger;
  /** Mail, chat channels, analytics and locale settings; defaults (no SMTP, no analytics) when absent. */
  config?: Config;
  /** Replaces the SMTP transport / fetch built from config (tests, alternative transports). */
  transports?: NotifyTransports;
  /** Replaces the analytics client built from config.analytics. */
  analytics?: AnalyticsClient;
  /** Temporal, for activities that start or steer other workflows; the worker passes a client on its connection. */
  temporal?: Client;
}

function analyticsClientFor(deps: ActivityDeps, config: Config): AnalyticsClient | undefined {
  if (deps.analytics) return deps.analytics;
  const { baseUrl, token, timeoutMs } = config.analytics;
  return baseUrl ? createAnalyticsClient({ baseUrl, token, timeoutMs }) : undefined;
}

/** Every activity the worker registers, built once from its clients. Workflows import the type only. */
export function createActivities(deps: ActivityDeps) {
  const config = deps.config ?? parseConfig({});
  const notify = createNotifyActivities({
    db: deps.db,
    logger: deps.logger,
    config,
    transports: deps.transports,
  });
  return {
    ...notify,
    ...createAnalyticsActivities({
      db: deps.db,
      logger: deps.logger,
      analytics: analyticsClientFor(deps, config),
    }),
    ...createReportActivities(deps),
    ...createProjectionActivities(deps),
    ...createComplianceActivities({ db: deps.db }),
    ...createCampaignStreamActivities(deps),
    ...createCampaignReviewActivities(deps),
    ...createScheduleActivities({ db: deps.db, logger: deps.logger, config, temporal: deps.temporal }),
    ...createReconcileActivities({ ...deps, config, sendNotification: notify.sendNotification }),
  };
}

export type Activities = ReturnType<typeof createActivities>;
