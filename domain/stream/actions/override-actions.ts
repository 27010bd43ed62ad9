import { spec } from '../../engine/input-spec';
import { DomainError } from '../../shared/errors';
import { isBefore } from '../../shared/time';
import { nextPhase, STREAM_PHASES } from '../phases';
import { gatesPassed } from '../selectors';
import { defineStreamAction, forbidSelfApproval, MANAGER, reasonSpec } from './define';

export const advance = defineStreamAction({
  name: 'advance',
  summary: 'Override: move to the next phase now (never past the compliance gates)',
  input: spec.object({ from: spec.oneOf(STREAM_PHASES), to: spec.oneOf(STREAM_PHASES), reason: reasonSpec }),
  phases: ['compliance', 'preheat', 'burst', 'tail'],
  who: [MANAGER],
  check(state, input) {
    if (input.from !== state.phase)
      throw new DomainError('STALE_REVISION', `The stream is in ${state.phase} now, not ${input.from}`);
    if (input.to !== nextPhase(input.from))
      throw new DomainError(
        'INVALID_PHASE',
        `${input.from} can only advance to ${nextPhase(input.from) ?? 'nothing'}`,
      );
    if (state.schedule.pausedAt !== undefined)
      throw new DomainError('INVALID_STATE', 'Advancing the phase: the stream is paused; resume first');
    // A manager may move the clock, never skip compliance: nothing unapproved is announced or goes on air.
    if ((input.to === 'preheat' || input.to === 'burst') && !gatesPassed(state))
      throw new DomainError('INVALID_STATE', 'The compliance gates have not passed');
  },
  available: (state) => state.schedule.pausedAt === undefined,
  events: (_state, input) => [{ type: 'AdvancedNow', from: input.from, to: input.to, reason: input.reason }],
  form: 'fields',
  prefill: (state) => ({ from: state.phase, to: nextPhase(state.phase) }),
  hiddenFields: ['from', 'to'],
  confirm: true,
});

export const reschedule = defineStreamAction({
  name: 'reschedule',
  summary: 'Move the scheduled start (before going live): documents and the checklist are checked again',
  input: spec.object({ scheduledStart: spec.instant(), reason: reasonSpec }),
  phases: ['draft', 'compliance', 'preheat', 'blocked'],
  who: [MANAGER],
  check(_state, input, _actor, ctx) {
    if (!isBefore(ctx.now, input.scheduledStart))
      throw new DomainError('INVALID_INPUT', `The new start ${input.scheduledStart} is not in the future`);
  },
  events: (_state, input) => [{ type: 'StreamRescheduled', ...input }],
  form: 'fields',
  prefill: (state) => ({ scheduledStart: state.schedule.scheduledStart }),
  settles: ['blocked'],
});

export const cancel = defineStreamAction({
  name: 'cancel',
  summary: 'Cancel the stream (before going live; once live, end it early instead)',
  input: spec.object({ reason: reasonSpec }),
  phases: ['draft', 'compliance', 'preheat', 'blocked'],
  who: [MANAGER],
  events: (_state, input) => [{ type: 'Cancelled', ...input }],
  form: 'fields',
  confirm: true,
  settles: ['blocked'],
});

export const retryReview = defineStreamAction({
  name: 'retry-review',
  summary: 'Build the review report again after it failed',
  input: spec.object({}),
  phases: ['review'],
  who: [MANAGER],
  check(state) {
    if (state.review.failedAt === undefined)
      throw new DomainError('INVALID_STATE', 'The review report has not failed: nothing to retry');
  },
  available: (state) => state.review.failedAt !== undefined,
  events: () => [{ type: 'ReviewRetryRequested' }],
  form: 'fields',
  settles: ['review_retry'],
});

export const signReview = defineStreamAction({
  name: 'sign-review',
  summary: 'Sign the review (复盘) off',
  input: spec.object({ reportId: spec.text({ max: 200 }) }),
  phases: ['review'],
  who: [MANAGER],
  check(state, input, actor) {
    const { reportId, reportedBy, signedOffBy } = state.review;
    if (reportId === undefined) throw new DomainError('INVALID_STATE', 'No review report yet');
    if (signedOffBy !== undefined)
      throw new DomainError('ALREADY_DECIDED', `The review was signed off by ${signedOffBy}`);
    if (input.reportId !== reportId)
      throw new DomainError('STALE_REVISION', `Report ${input.reportId} was superseded by ${reportId}`);
    forbidSelfApproval(actor, reportedBy, `review report ${reportId}`);
  },
  available: (state) => state.review.reportId !== undefined && state.review.signedOffAt === undefined,
  events: (_state, input) => [{ type: 'ReviewSignedOff', reportId: input.reportId }],
  form: 'fields',
  prefill: (state) => ({ reportId: state.review.reportId }),
  hiddenFields: ['reportId'],
  settles: ['review_signoff'],
});
