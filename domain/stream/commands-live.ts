import type { TActor } from '../shared/actor.types';
import { DomainError } from '../shared/errors';
import { parseInput } from '../shared/parse-input';
import { isBefore } from '../shared/time';
import { ACTIVE_PHASES, type TCommandContext } from './command-context';
import {
  forbidSelfApproval,
  requireNotPaused,
  requirePhase,
  requireRole,
  requireRoleOrRoster,
} from './command-guards';
import * as inputs from './commands.types';
import { nextPhase, PRE_LIVE_PHASES } from './phases';
import { gatesPassed } from './selectors';
import type { TStreamState } from './state.types';

/** Validators for live adjustments, overrides and the review sign-off (see commands.ts). */
export function validateRecordIncident(
  state: TStreamState,
  input: unknown,
  actor: TActor,
): inputs.TRecordIncidentInput {
  const parsed = parseInput(inputs.ZRecordIncidentInputSchema, input, 'incident');
  requireRoleOrRoster(
    state,
    actor,
    ['operator', 'manager'],
    ['room_operator', 'co_host', 'customer_service'],
    'Recording an incident',
  );
  requirePhase(state, ['preheat', 'burst', 'tail'], 'Recording an incident');
  return parsed;
}

export function validateExtend(state: TStreamState, input: unknown, actor: TActor): inputs.TExtendInput {
  const parsed = parseInput(inputs.ZExtendInputSchema, input, 'extension');
  requireRole(actor, ['manager'], 'Extending the stream');
  requirePhase(state, ['burst'], 'Extending the stream');
  return parsed;
}

export function validateEndEarly(state: TStreamState, input: unknown, actor: TActor): inputs.TEndEarlyInput {
  const parsed = parseInput(inputs.ZEndEarlyInputSchema, input, 'early end');
  requireRole(actor, ['manager'], 'Ending the stream early');
  requirePhase(state, ['burst'], 'Ending the stream early');
  return parsed;
}

export function validatePause(state: TStreamState, input: unknown, actor: TActor): inputs.TPauseInput {
  const parsed = parseInput(inputs.ZPauseInputSchema, input, 'pause');
  requireRole(actor, ['manager'], 'Pausing');
  requirePhase(state, ACTIVE_PHASES, 'Pausing');
  requireNotPaused(state, 'Pausing');
  return parsed;
}

export function validateResume(state: TStreamState, input: unknown, actor: TActor): inputs.TResumeInput {
  const parsed = parseInput(inputs.ZResumeInputSchema, input, 'resume');
  requireRole(actor, ['manager'], 'Resuming');
  requirePhase(state, ACTIVE_PHASES, 'Resuming');
  if (state.schedule.pausedAt === undefined)
    throw new DomainError('INVALID_STATE', 'The stream is not paused');
  return parsed;
}

export function validateAdvance(state: TStreamState, input: unknown, actor: TActor): inputs.TAdvanceInput {
  const parsed = parseInput(inputs.ZAdvanceInputSchema, input, 'phase override');
  requireRole(actor, ['manager'], 'Advancing the phase');
  requirePhase(state, ['compliance', 'preheat', 'burst', 'tail'], 'Advancing the phase');
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
  requireRole(actor, ['manager'], 'Rescheduling');
  requirePhase(state, PRE_LIVE_PHASES, 'Rescheduling');
  if (context.now !== undefined && !isBefore(context.now, parsed.scheduledStart))
    throw new DomainError('INVALID_INPUT', `The new start ${parsed.scheduledStart} is not in the future`);
  return parsed;
}

export function validateCancel(state: TStreamState, input: unknown, actor: TActor): inputs.TCancelInput {
  const parsed = parseInput(inputs.ZCancelInputSchema, input, 'cancellation');
  requireRole(actor, ['manager'], 'Cancelling');
  // Once live, a stream ends (endEarly) rather than being cancelled: its sales and incidents still need a review.
  requirePhase(state, PRE_LIVE_PHASES, 'Cancelling');
  return parsed;
}

export function validateSignReview(
  state: TStreamState,
  input: unknown,
  actor: TActor,
): inputs.TSignReviewInput {
  const parsed = parseInput(inputs.ZSignReviewInputSchema, input, 'review sign-off');
  requireRole(actor, ['manager'], 'Signing the review off');
  requirePhase(state, ['review'], 'Signing the review off');
  const { reportId, reportedBy, signedOffBy } = state.review;
  if (reportId === undefined) throw new DomainError('INVALID_STATE', 'No review report yet');
  if (signedOffBy !== undefined)
    throw new DomainError('ALREADY_DECIDED', `The review was signed off by ${signedOffBy}`);
  if (parsed.reportId !== reportId)
    throw new DomainError('STALE_REVISION', `Report ${parsed.reportId} was superseded by ${reportId}`);
  forbidSelfApproval(actor, reportedBy, `review report ${reportId}`);
  return parsed;
}
