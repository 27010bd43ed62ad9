import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';
import { log, workflowInfo } from '@temporalio/workflow';

/** Set by Temporal on every workflow a Schedule starts: the time the schedule meant it to start (not when it did). */
const SCHEDULED_START_TIME = defineSearchAttributeKey(
  'TemporalScheduledStartTime',
  SearchAttributeType.DATETIME,
);

/**
 * When this run was scheduled for. A run that catches up after downtime, or a backfill, gets its own past time here,
 * so what it computes from it (an occurrence, a report period) is the one it was meant for. A run started by hand,
 * not by a schedule, counts as scheduled when it started.
 */
export function scheduledTimeMs(): number {
  const info = workflowInfo();
  const scheduled = info.typedSearchAttributes.get(SCHEDULED_START_TIME);
  if (scheduled !== undefined) return scheduled.getTime();
  log.warn('not started by a schedule: using the run start as the scheduled time');
  return info.runStartTime.getTime();
}
