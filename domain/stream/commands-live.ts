import type { z } from 'zod';
import type { TActor } from '../shared/actor.types';
import { DomainError } from '../shared/errors';
import { parseInput } from '../shared/parse-input';
import { isBefore } from '../shared/time';
import type { TCommandContext } from './command-context';
import { forbidSelfApproval, requireNotPaused } from './command-guards';
import { ACTION_PERMITS, type TStreamActionName } from './action-permits';
import * as inputs from './commands.types';
import { nextPhase } from './phases';
import { gatesPassed } from './selectors';
import type { TStreamState } from './state.types';

/**
 * A validator for an action whose only checks are its input schema and its permit (role and phase): parse, then
 * permit, in the same order as the validators with more to check.
 */
function permittedWith<S extends z.ZodType>(action: TStreamActionName, schema: S, what: string) {
  return (state: TStreamState, input: unknown, actor: TActor): z.output<S> => {
    const parsed = parseInput(schema, input, what);
    ACTION_PERMITS[action](state, actor);
    return parsed;
  };
}

/** Validators for live adjustments, overrides and the review sign-off (see commands.ts). */
export const validateRecordIncident = permittedWith(
  'record-incident',
  inputs.ZRecordIncidentInputSchema,
  'incident',
);

export const validateExtend = permittedWith('extend', inputs.ZExtendInputSchema, 'extension');

export const validateEndEarly = permittedWith('end-early', inputs.ZEndEarlyInputSchema, 'early end');

export const validatePause = permittedWith('pause', inputs.ZPauseInputSchema, 'pause');

export function validateResume(state: TStreamState, input: unknown, actor: TActor): inputs.TResumeInput {
  const parsed = parseInput(inputs.ZResumeInputSchema, input, 'resume');
  ACTION_PERMITS.resume(state, actor);
  if (state.schedule.pausedAt === undefined)
    throw new DomainError('INVALID_STATE', 'The stream is not paused');
  return parsed;
}

export function validateAdvance(state: TStreamState, input: unknown, actor: TActor): inputs.TAdvanceInput {
  const parsed = parseInput(inputs.ZAdvanceInputSchema, input, 'phase override');
  ACTION_PERMITS.advance(state, actor);
  if (parsed.from !== state.phase)
    throw new DomainError('STALE_REVISION', `The stream is in ${state.phase} now, not ${parsed.from}`);
  if (parsed.to !== nextPhase(parsed.from))
    throw new DomainError(
      'INVALID_PHASE',
      `${parsed.from} can only advance to ${nextPhase(parsed.from) ?? 'nothing'}`,
    );
  requireNotPaused(state, 'Advancing the phase');
  // A manager may move the clock, never skip compliance: nothing unapproved is announced or goes on air.
  if ((parsed.to === 'preheat' || parsed.to === 'burst') && !gatesPassed(state))
    throw new DomainError('INVALID_STATE', 'The compliance gates have not passed');
  return parsed;
}

export function validateReschedule(
  state: TStreamState,
  input: unknown,
  actor: TActor,
  context: TCommandContext = {},
): inputs.TRescheduleInput {
  const parsed = parseInput(inputs.ZRescheduleInputSchema, input, 'reschedule');
  ACTION_PERMITS.reschedule(state, actor);
  if (context.now !== undefined && !isBefore(context.now, parsed.scheduledStart))
    throw new DomainError('INVALID_INPUT', `The new start ${parsed.scheduledStart} is not in the future`);
  return parsed;
}

export const validateCancel = permittedWith('cancel', inputs.ZCancelInputSchema, 'cancellation');

export function validateSignReview(
  state: TStreamState,
  input: unknown,
  actor: TActor,
): inputs.TSignReviewInput {
  const parsed = parseInput(inputs.ZSignReviewInputSchema, input, 'review sign-off');
  ACTION_PERMITS['sign-review'](state, actor);
  const { reportId, reportedBy, signedOffBy } = state.review;
  if (reportId === undefined) throw new DomainError('INVALID_STATE', 'No review report yet');
  if (signedOffBy !== undefined)
    throw new DomainError('ALREADY_DECIDED', `The review was signed off by ${signedOffBy}`);
  if (parsed.reportId !== reportId)
    throw new DomainError('STALE_REVISION', `Report ${parsed.reportId} was superseded by ${reportId}`);
  forbidSelfApproval(actor, reportedBy, `review report ${reportId}`);
  return parsed;
}
