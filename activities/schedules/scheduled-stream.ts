import { Context } from '@temporalio/activity';
import { ScheduleNotFoundError, type Client } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { createStreamService } from '../../api/services/streams';
import type { TActor } from '../../domain/shared/actor.types';
import { isDomainError } from '../../domain/shared/errors';
import type { Config } from '../../runtime/config';
import type { Db } from '../../runtime/db';
import type { Logger } from '../../runtime/logger';
import { planFromTemplate } from '../templates/template-store';

export interface CreateScheduledStreamInput {
  scheduleId: string;
  templateId: string;
  /** The occurrence's live start (ISO): the template's plan is moved there. */
  occurrenceIso: string;
  /** One per occurrence (domain/schedules/weekly-rule.ts), so a second run finds the stream instead of making one. */
  streamId: string;
  /** Who created the schedule: the stream is created in their name, with their roles as they were then. */
  createdBy: TActor;
}

export interface CreateScheduledStreamResult {
  outcome: 'created' | 'exists' | 'skipped';
  streamId: string;
  reason?: string;
}

/**
 * A recurring schedule's stream, created through the stream service (the same start as POST /api/streams) on this
 * worker's own task queue. A domain refusal (the template is gone or no longer a valid plan, the creator may not
 * create streams) can never pass by retrying: it is a non-retryable failure, on which the run pauses its schedule
 * (pauseSchedule) and tells the managers.
 */
export function createScheduledStreamActivities(deps: {
  db: Db;
  logger: Logger;
  config: Config;
  temporal?: Client;
}) {
  const { db, logger, config, temporal } = deps;
  return {
    async createStreamFromSchedule(input: CreateScheduledStreamInput): Promise<CreateScheduledStreamResult> {
      if (temporal === undefined)
        throw ApplicationFailure.nonRetryable('this worker has no Temporal client', 'NO_TEMPORAL_CLIENT');
      const { streamId } = input;
      // A catch-up run for an occurrence that has begun would start a stream that cannot pass its gates in time.
      if (Date.parse(input.occurrenceIso) <= Date.now())
        return {
          outcome: 'skipped',
          streamId,
          reason: `occurrence ${input.occurrenceIso} has already started`,
        };
      const taskQueue = Context.current().info.taskQueue;
      const streams = createStreamService({
        temporal,
        db,
        config: { ...config, temporal: { ...config.temporal, taskQueue } },
      });
      try {
        const { plan } = await planFromTemplate(db, input.templateId, 'stream', {
          start: input.occurrenceIso,
        });
        await streams.createStream(input.createdBy, plan, streamId);
        logger.info({ scheduleId: input.scheduleId, streamId }, 'scheduled stream created');
        return { outcome: 'created', streamId };
      } catch (error) {
        if (!isDomainError(error)) throw error;
        if (error.code === 'ALREADY_DECIDED')
          return { outcome: 'exists', streamId, reason: 'created by an earlier run' };
        throw ApplicationFailure.nonRetryable(error.message, error.code, error.details);
      }
    },

    /**
     * Pauses a schedule with a note saying why, as a manager's pause would (the schedule page shows the note). A
     * schedule deleted meanwhile needs no pause.
     */
    async pauseSchedule(input: { scheduleId: string; note: string }): Promise<{ paused: boolean }> {
      if (temporal === undefined)
        throw ApplicationFailure.nonRetryable('this worker has no Temporal client', 'NO_TEMPORAL_CLIENT');
      try {
        await temporal.schedule.getHandle(input.scheduleId).pause(input.note);
      } catch (error) {
        if (error instanceof ScheduleNotFoundError) return { paused: false };
        throw error;
      }
      logger.warn({ scheduleId: input.scheduleId, note: input.note }, 'schedule paused by its run');
      return { paused: true };
    },
  };
}
