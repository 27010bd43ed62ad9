import { spec } from '../../engine/input-spec';
import { DomainError } from '../../shared/errors';
import { secondsBetween } from '../../shared/time';
import { CAMPAIGN_PAUSABLE_PHASES, CAMPAIGN_PHASES, type TCampaignPhase } from '../phases';
import type { TCampaignState } from '../state.types';
import { shiftUnstarted } from '../shift';
import { isStartedBeforeLive, roomClash } from '../streams';
import { defineCampaignAction, MANAGER, reasonSpec } from './define';

const NEXT: Partial<Record<TCampaignPhase, 'preheat' | 'burst' | 'tail' | 'review'>> = {
  scheduled: 'preheat',
  preheat: 'burst',
  burst: 'tail',
  tail: 'review',
};

export const pause = defineCampaignAction({
  name: 'pause',
  summary: "Pause: the campaign's clocks stop; on resume its windows and unstarted streams move by the pause",
  input: spec.object({ reason: reasonSpec }),
  phases: CAMPAIGN_PAUSABLE_PHASES,
  who: [MANAGER],
  check(state) {
    if (state.pause.pausedAt !== undefined)
      throw new DomainError('INVALID_STATE', `Paused since ${state.pause.pausedAt}`);
  },
  available: (state) => state.pause.pausedAt === undefined,
  events: (_state, input) => [{ type: 'Paused', reason: input.reason }],
  form: 'fields',
});

export const resume = defineCampaignAction({
  name: 'resume',
  summary: 'Resume a paused campaign',
  input: spec.object({}),
  phases: CAMPAIGN_PAUSABLE_PHASES,
  who: [MANAGER],
  check(state, _input, _actor, ctx) {
    const from = state.pause.pausedAt;
    if (from === undefined) throw new DomainError('INVALID_STATE', 'The campaign is not paused');
    // Streams not started yet move by the pause, started ones stay: a moved slot may now meet one in its room.
    const clash = roomClash(shiftUnstarted(state.streams, pausedSecondsUntil(state, ctx.now), from));
    if (clash !== undefined)
      throw new DomainError(
        'INVALID_STATE',
        `Resuming moves stream ${clash.slot.key} by the pause onto ${clash.other.key} in room ${clash.slot.room}: take one out (cancel-stream) first`,
      );
  },
  available: (state) => state.pause.pausedAt !== undefined,
  events: (state, _input, _actor, ctx) => [
    { type: 'Resumed', pausedSeconds: pausedSecondsUntil(state, ctx.now) },
  ],
  form: 'confirm',
});

export const advance = defineCampaignAction({
  name: 'advance',
  summary: 'Override: open the next window now instead of at its time',
  input: spec.object({ from: spec.oneOf(CAMPAIGN_PHASES), reason: reasonSpec }),
  phases: ['scheduled', 'preheat', 'burst', 'tail'],
  who: [MANAGER],
  check(state, input) {
    if (input.from !== state.phase)
      throw new DomainError('STALE_REVISION', `The campaign is in ${state.phase} now, not ${input.from}`);
    if (state.pause.pausedAt !== undefined)
      throw new DomainError('INVALID_STATE', 'The campaign is paused; resume first');
  },
  available: (state) => state.pause.pausedAt === undefined,
  events: (state, input) => [
    { type: 'AdvancedNow', from: state.phase, to: NEXT[state.phase]!, reason: input.reason },
  ],
  form: 'fields',
  prefill: (state) => ({ from: state.phase }),
  hiddenFields: ['from'],
  confirm: true,
});

export const cancel = defineCampaignAction({
  name: 'cancel',
  summary:
    'Cancel the campaign: streams not on air are cancelled, live ones end early (their reviews stand), the team is told',
  input: spec.object({ reason: reasonSpec }),
  phases: ['approval', 'scheduled', 'preheat', 'burst', 'blocked'],
  who: [MANAGER],
  events: (_state, input) => [{ type: 'CampaignCancelled', reason: input.reason }],
  form: 'fields',
  confirm: true,
});

/** How long the open pause has lasted at `now`, in whole seconds: what a resume moves everything ahead by. */
function pausedSecondsUntil(state: TCampaignState, now: string): number {
  return Math.max(0, Math.round(secondsBetween(state.pause.pausedAt!, now)));
}

/**
 * Streams that the ROI rule would hold: not on air yet and still going to happen (not started, or started and before
 * their live). One past its live (tail, review) has happened: there is nothing left of it to hold.
 */
export function remainingStreamKeys(state: TCampaignState): string[] {
  return state.streamOrder.filter((key) => {
    const s = state.streams[key]!;
    return s.status === 'planned' || (isStartedBeforeLive(s) && !s.pausedByCampaign);
  });
}

export const confirmContinue = defineCampaignAction({
  name: 'confirm-continue',
  summary: 'ROI is under the floor: continue as planned, or pause the streams not on air yet',
  input: spec.object({ decision: spec.oneOf(['continue', 'pause_remaining']), reason: reasonSpec }),
  phases: ['burst'],
  who: [MANAGER],
  check(state) {
    if (state.steering.confirmation === undefined)
      throw new DomainError('INVALID_STATE', 'Nothing to confirm: ROI is not under the floor');
  },
  available: (state) => state.steering.confirmation !== undefined,
  events: (state, input) => [
    { type: 'ContinueDecided', decision: input.decision, reason: input.reason, timedOut: false },
    ...(input.decision === 'pause_remaining'
      ? [{ type: 'StreamsHeld' as const, keys: remainingStreamKeys(state), reason: input.reason }]
      : []),
  ],
  form: 'fields',
  settles: ['continue_confirmation'],
});

export const releaseStreams = defineCampaignAction({
  name: 'release-streams',
  summary: 'Release the held streams: unstarted ones start as planned, paused ones resume',
  input: spec.object({}),
  phases: ['scheduled', 'preheat', 'burst', 'tail'],
  who: [MANAGER],
  check(state) {
    if (heldKeys(state).length === 0) throw new DomainError('INVALID_STATE', 'No stream is held');
  },
  available: (state) => heldKeys(state).length > 0,
  events: (state) => [{ type: 'StreamsReleased', keys: heldKeys(state) }],
  form: 'confirm',
});

function heldKeys(state: TCampaignState): string[] {
  return state.streamOrder.filter(
    (key) => state.streams[key]!.status === 'held' || state.streams[key]!.pausedByCampaign,
  );
}

export const retryReview = defineCampaignAction({
  name: 'retry-review',
  summary: 'Build the review report again after it failed',
  input: spec.object({}),
  phases: ['review'],
  who: [MANAGER],
  check(state) {
    if (state.review.failedAt === undefined)
      throw new DomainError('INVALID_STATE', 'The review report has not failed');
  },
  available: (state) => state.review.failedAt !== undefined,
  events: () => [{ type: 'ReviewRetryRequested' }],
  form: 'confirm',
  settles: ['review_retry'],
});

export const signReview = defineCampaignAction({
  name: 'sign-review',
  summary: 'Sign the campaign review (复盘) off: the campaign completes',
  input: spec.object({
    reportId: spec.text({ max: 200 }),
    note: spec.optional(spec.text({ max: 2000, multiline: true })),
  }),
  phases: ['review'],
  who: [MANAGER],
  check(state, input) {
    if (state.review.reportId === undefined)
      throw new DomainError('INVALID_STATE', 'The review report is not ready');
    if (input.reportId !== state.review.reportId)
      throw new DomainError('STALE_REVISION', `The current report is ${state.review.reportId}`);
  },
  available: (state) => state.review.reportId !== undefined,
  events: (_state, input) => [{ type: 'ReviewSignedOff', ...input }],
  form: 'fields',
  prefill: (state) => ({ reportId: state.review.reportId }),
  hiddenFields: ['reportId'],
  settles: ['review_signoff'],
});
