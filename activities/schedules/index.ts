import type { Client } from '@temporalio/client';
import type { Config } from '../../runtime/config';
import type { Db } from '../../runtime/db';
import type { Logger } from '../../runtime/logger';
import { createPeriodicReportActivities } from './periodic-report';
import { createScheduledStreamActivities } from './scheduled-stream';

/** What the workflows started by Temporal Schedules do: recurring streams and periodic reports. */
export function createScheduleActivities(deps: {
  db: Db;
  logger: Logger;
  config: Config;
  temporal?: Client;
}) {
  return {
    ...createScheduledStreamActivities(deps),
    ...createPeriodicReportActivities(deps),
  };
}
