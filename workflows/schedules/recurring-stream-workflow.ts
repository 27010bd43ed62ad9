import { proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../../activities';
import type { CreateScheduledStreamResult } from '../../activities/schedules/scheduled-stream';
import type { TActor } from '../../domain/shared/actor.types';
import { toIsoUtc } from '../../domain/shared/time';
import { occurrenceForFire, occurrenceStreamId, type TWeeklyRule } from '../../domain/schedules/weekly-rule';
import { scheduledTimeMs } from './scheduled-time';

const { createStreamFromSchedule } = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  // About 10 minutes of retries for a database or Temporal hiccup; domain refusals are non-retryable already.
  retry: {
    initialInterval: '2 seconds',
    backoffCoefficient: 2,
    maximumInterval: '2 minutes',
    maximumAttempts: 8,
  },
});

export interface RecurringStreamInput {
  scheduleId: string;
  templateId: string;
  rule: TWeeklyRule;
  createdBy: TActor;
}

export interface RecurringStreamResult extends CreateScheduledStreamResult {
  scheduledAt: string;
  occurrence: string;
}

/**
 * One run of a recurring-stream schedule: the occurrence this run is for, from the time the schedule meant to fire
 * (so a late or catch-up run creates its own occurrence's stream), then the stream itself, created by an activity
 * under the occurrence's own id: a retry or a second trigger finds it and makes no other.
 */
export async function recurringStreamWorkflow(input: RecurringStreamInput): Promise<RecurringStreamResult> {
  const scheduledMs = scheduledTimeMs();
  const occurrenceMs = occurrenceForFire(scheduledMs, input.rule);
  const occurrence = toIsoUtc(occurrenceMs);
  const result = await createStreamFromSchedule({
    scheduleId: input.scheduleId,
    templateId: input.templateId,
    occurrenceIso: occurrence,
    streamId: occurrenceStreamId(input.scheduleId, occurrenceMs, input.rule.timeZone),
    createdBy: input.createdBy,
  });
  return { ...result, scheduledAt: toIsoUtc(scheduledMs), occurrence };
}
