import { ActivityFailure, patched, proxyActivities, TimeoutFailure } from '@temporalio/workflow';
import type { Activities } from '../../activities';
import type { CreateScheduledStreamResult } from '../../activities/schedules/scheduled-stream';
import type { TActor } from '../../domain/shared/actor.types';
import { toIsoUtc } from '../../domain/shared/time';
import { occurrenceForFire, occurrenceStreamId, type TWeeklyRule } from '../../domain/schedules/weekly-rule';
import { nowMs } from '../engine/clock';
import { scheduledTimeMs } from './scheduled-time';
import { tellManagers, type TScheduleProblem } from './tell-managers';

/** Runs that reached a problem before this patch failed (and Temporal paused the schedule without a word). */
export const SCHEDULE_RUN_PROBLEMS_PATCH = 'schedule-run-tells-managers';

const MINUTE_MS = 60_000;

/**
 * Creating the stream is worth retrying for as long as it can still go live on time: a database or Temporal outage of
 * any length up to the occurrence delays the stream instead of losing it. Domain refusals are non-retryable already.
 */
function createStreamBefore(occurrenceMs: number) {
  return proxyActivities<Activities>({
    startToCloseTimeout: '1 minute',
    scheduleToCloseTimeout: Math.max(occurrenceMs - nowMs(), MINUTE_MS),
    retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '2 minutes' },
  }).createStreamFromSchedule;
}

const { pauseSchedule } = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
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
  /** For the managers' messages; schedules made before it was passed are named by their id. */
  scheduleName?: string;
  /** Base of the link to the schedule in those messages. */
  publicBaseUrl?: string;
}

export interface RecurringStreamResult extends Omit<CreateScheduledStreamResult, 'outcome'> {
  /** Besides the activity's outcomes: `paused` (the schedule stopped itself), `missed` (no stream before its live). */
  outcome: CreateScheduledStreamResult['outcome'] | 'paused' | 'missed';
  scheduledAt: string;
  occurrence: string;
}

/**
 * One run of a recurring-stream schedule: the occurrence this run is for, from the time the schedule meant to fire
 * (so a late or catch-up run creates its own occurrence's stream), then the stream itself, created by an activity
 * under the occurrence's own id: a retry or a second trigger finds it and makes no other.
 *
 * Nothing but the occurrence bounds a run (the schedule sets no run timeout): a worker or database outage delays the
 * stream. An occurrence that could not be created before its live (`missed`, or `skipped` by a run that came too
 * late) is told to the managers and the schedule runs on; a refusal no retry can fix pauses the schedule with the
 * reason and tells them, so a schedule never stops without a word.
 */
export async function recurringStreamWorkflow(input: RecurringStreamInput): Promise<RecurringStreamResult> {
  const scheduledMs = scheduledTimeMs();
  const occurrenceMs = occurrenceForFire(scheduledMs, input.rule);
  const occurrence = toIsoUtc(occurrenceMs);
  const streamId = occurrenceStreamId(input.scheduleId, occurrenceMs, input.rule.timeZone);
  const answer = (result: Omit<RecurringStreamResult, 'scheduledAt' | 'occurrence'>) => ({
    ...result,
    scheduledAt: toIsoUtc(scheduledMs),
    occurrence,
  });
  const tell = (template: TScheduleProblem, reason: string) =>
    tellManagers({ scheduleId: input.scheduleId, createdById: input.createdBy.id }, template, {
      scheduleName: input.scheduleName ?? input.scheduleId,
      timeZone: input.rule.timeZone,
      occurrence: occurrenceMs,
      reason,
      ...(input.publicBaseUrl === undefined
        ? {}
        : { scheduleUrl: `${input.publicBaseUrl}/schedules/${encodeURIComponent(input.scheduleId)}` }),
    });

  let result: CreateScheduledStreamResult;
  try {
    result = await createStreamBefore(occurrenceMs)({
      scheduleId: input.scheduleId,
      templateId: input.templateId,
      occurrenceIso: occurrence,
      streamId,
      createdBy: input.createdBy,
    });
  } catch (error) {
    if (!(error instanceof ActivityFailure) || !patched(SCHEDULE_RUN_PROBLEMS_PATCH)) throw error;
    const reason = (error.cause?.message ?? error.message).slice(0, 500);
    if (error.cause instanceof TimeoutFailure) {
      await tell('schedule_occurrence_missed', reason);
      return answer({ outcome: 'missed', streamId, reason });
    }
    await pauseSchedule({
      scheduleId: input.scheduleId,
      note: `paused by its run for ${occurrence}, which cannot succeed: ${reason}`.slice(0, 500),
    });
    await tell('schedule_paused', reason);
    return answer({ outcome: 'paused', streamId, reason });
  }
  if (result.outcome === 'skipped' && patched(SCHEDULE_RUN_PROBLEMS_PATCH))
    await tell('schedule_occurrence_missed', result.reason ?? 'the occurrence had begun');
  return answer(result);
}
