import { ApplicationFailure, setHandler } from '@temporalio/workflow';
import { isDomainError } from '../../domain/shared/errors';
import type { TActor } from '../../domain/shared/actor.types';
import * as commands from '../../domain/stream/commands';
import type { TStreamState } from '../../domain/stream/state.types';
import {
  advanceUpdate,
  cancelUpdate,
  decideProductUpdate,
  decideScriptUpdate,
  endEarlyUpdate,
  extendUpdate,
  metricsBatchSignal,
  pauseUpdate,
  recordIncidentUpdate,
  rescheduleUpdate,
  resumeUpdate,
  signChecklistUpdate,
  signReviewUpdate,
  streamStateQuery,
  submitScriptUpdate,
  type ActionArgs,
} from './messages';
import type { StreamRun } from './stream-run';
import { nowIso, nowMs } from './workflow-clock';
import { toEpochMs } from '../../domain/shared/time';

type Validate<I> = (state: TStreamState, input: unknown, actor: TActor) => I;

/**
 * Domain refusals travel to the caller as non-retryable ApplicationFailures whose type is the domain error code, so
 * the API maps them to HTTP statuses; a plain Error thrown from a handler would instead fail the workflow task.
 */
function asFailure<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (isDomainError(error)) {
      throw ApplicationFailure.create({
        type: error.code,
        message: error.message,
        nonRetryable: true,
        ...(error.details === undefined ? {} : { details: [error.details] }),
      });
    }
    throw error;
  }
}

/**
 * Registers one Update: the validator is the domain command check (a refusal is answered at once and leaves no
 * history), the handler applies the resulting domain event(s) and returns the new state.
 */
function onAction<I>(
  run: StreamRun,
  update: typeof submitScriptUpdate,
  validate: Validate<I>,
  apply: (input: I, actor: TActor) => void,
): void {
  setHandler(
    update,
    ({ actor, input }: ActionArgs) =>
      asFailure(() => {
        apply(validate(run.state, input, actor), actor);
        return run.state;
      }),
    {
      validator: ({ actor, input }: ActionArgs) => {
        asFailure(() => validate(run.state, input, actor));
      },
    },
  );
}

export function registerStreamHandlers(run: StreamRun): void {
  setHandler(streamStateQuery, () => run.state);
  setHandler(metricsBatchSignal, (batch) => {
    run.pendingBatches.push(batch);
  });

  onAction(run, submitScriptUpdate, commands.validateSubmitScript, (input, actor) =>
    run.emit(
      {
        type: 'ScriptSubmitted',
        revision: run.state.script.currentRevision + 1,
        segments: input.segments,
        submittedBy: actor.id,
      },
      actor,
    ),
  );
  onAction(run, decideScriptUpdate, commands.validateDecideScript, (input, actor) =>
    run.emit({ type: 'ScriptDecided', ...input }, actor),
  );
  onAction(run, decideProductUpdate, commands.validateDecideProduct, (input, actor) =>
    run.emit({ type: 'ProductDecided', ...input }, actor),
  );
  onAction(run, signChecklistUpdate, commands.validateSignChecklist, (input, actor) =>
    run.emit({ type: 'ChecklistSigned', items: input.items }, actor),
  );
  onAction(run, recordIncidentUpdate, commands.validateRecordIncident, (input, actor) =>
    run.emit({ type: 'IncidentRecorded', ...input }, actor),
  );
  onAction(run, extendUpdate, commands.validateExtend, (input, actor) =>
    run.emit({ type: 'StreamExtended', ...input }, actor),
  );
  onAction(run, endEarlyUpdate, commands.validateEndEarly, (input, actor) =>
    run.emit({ type: 'StreamEndedEarly', ...input }, actor),
  );
  onAction(run, pauseUpdate, commands.validatePause, (input, actor) =>
    run.emit({ type: 'Paused', ...input }, actor),
  );
  onAction(run, resumeUpdate, commands.validateResume, (_input, actor) => {
    const pausedAt = run.state.schedule.pausedAt!;
    // Computed once and recorded, so replaying the history never recomputes a duration.
    run.emit({ type: 'Resumed', pausedSeconds: Math.max(0, (nowMs() - toEpochMs(pausedAt)) / 1000) }, actor);
  });
  onAction(run, advanceUpdate, commands.validateAdvance, (input, actor) =>
    run.emit({ type: 'AdvancedNow', from: input.from, to: input.to }, actor),
  );
  onAction(
    run,
    rescheduleUpdate,
    (state, input, actor) => commands.validateReschedule(state, input, actor, { now: nowIso() }),
    (input, actor) => run.emit({ type: 'StreamRescheduled', ...input }, actor),
  );
  onAction(run, cancelUpdate, commands.validateCancel, (input, actor) =>
    run.emit({ type: 'Cancelled', ...input }, actor),
  );
  onAction(run, signReviewUpdate, commands.validateSignReview, (input, actor) =>
    run.emit({ type: 'ReviewSignedOff', reportId: input.reportId }, actor),
  );
}
