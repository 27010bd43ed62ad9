import type { TActor } from '../shared/actor.types';
import { DomainError } from '../shared/errors';
import { parseInput } from '../shared/parse-input';
import { isBefore } from '../shared/time';
import type { TCommandContext } from './command-context';
import { forbidSelfApproval, requireNotPaused } from './command-guards';
import { ACTION_PERMITS } from './action-permits';
import * as inputs from './commands.types';
import { nextPhase } from './phases';
import { gatesPassed } from './selectors';
import type { TStreamState } from './state.types';

/** Validators for live adjustments, overrides and the review sign-off (see commands.ts). */
export function validateRecordIncident(
  state: TStreamState,
  input: unknown,
  actor: TActor,
): inputs.TRecordIncidentInput {
  const parsed = parseInput(inputs.ZRecordIncidentInputSchema, input, 'incident');
  ACTION_PERMITS['record-incident'](state, actor);
  return parsed;
}

export function validateExtend(state: TStreamState, input: unknown, actor: TActor): inputs.TExtendInput {
  const parsed = parseInput(inputs.ZExtendInputSchema, input, 'extension');
  ACTION_PERMITS.extend(state, actor);
  return parsed;
}

export function validateEndEarly(state: TStreamState, input: unknown, actor: TActor): inputs.TEndEarlyInput {
  const parsed = parseInput(inputs.ZEndEarlyInputSchema, input, 'early end');
  ACTION_PERMITS['end-early'](state, actor);
  return parsed;
}

export function validatePause(state: TStreamState, input: unknown, actor: TActor): inputs.TPauseInput {
  const parsed = parseInput(inputs.ZPauseInputSchema, input, 'pause');
  ACTION_PERMITS.pause(state, actor);
  return parsed;
}

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

export function validateCancel(state: TStreamState, input: unknown, actor: TActor): inputs.TCancelInput {
  const parsed = parseInput(inputs.ZCancelInputSchema, input, 'cancellation');
  ACTION_PERMITS.cancel(state, actor);
  return parsed;
}

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
