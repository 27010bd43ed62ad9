import { addSeconds, earlierOf, isBefore, secondsBetween } from '../shared/time';
import type { TStreamPlan } from '../stream/plan.types';
import { CAMPAIGN_STARTING_PHASES, type TCampaignPhase } from './phases';
import type { TCampaignState, TCampaignStream } from './state.types';

/**
 * How long before its slot a stream's workflow starts: time for its gates (an approval SLA) before its preheat or its
 * gate cutoff, whichever comes first, so a campaign's stream is never blocked because it was started late.
 */
export function childLeadSeconds(plan: TStreamPlan): number {
  const timing = plan.timing;
  return Math.max(timing.preheatLeadSeconds, timing.gateCutoffBeforeStartSeconds) + timing.approvalSlaSeconds;
}

export function childStartAt(stream: TCampaignStream): string {
  return addSeconds(stream.plan.scheduledStart, -childLeadSeconds(stream.plan));
}

/** Seconds the campaign was paused in `phases` after `since` (an open pause counted up to `now`). */
export function pausedSecondsSince(
  state: TCampaignState,
  since: string,
  phases: readonly TCampaignPhase[],
  now?: string,
): number {
  return state.pause.pauses
    .filter((p) => phases.includes(p.phase) && !isBefore(p.from, since))
    .reduce((total, p) => {
      if (p.seconds !== undefined) return total + p.seconds;
      return now !== undefined && isBefore(p.from, now) ? total + secondsBetween(p.from, now) : total;
    }, 0);
}

/** The plan's approval is due SLA after it was submitted (pauses in approval move it), never after preheat start. */
export function approvalDueAt(state: TCampaignState, now?: string): string {
  const paused = pausedSecondsSince(state, state.submittedAt, ['approval'], now);
  return earlierOf(
    addSeconds(state.submittedAt, state.plan.timing.approvalSlaSeconds + paused),
    state.windows.preheatStart,
  );
}

/** When the current phase's window closes and the next one opens. */
export function windowBoundary(
  state: TCampaignState,
): { phase: 'preheat' | 'burst' | 'tail' | 'review'; at: string } | undefined {
  switch (state.phase) {
    case 'scheduled':
      return { phase: 'preheat', at: state.windows.preheatStart };
    case 'preheat':
      return { phase: 'burst', at: state.windows.burstStart };
    case 'burst':
      return { phase: 'tail', at: state.windows.burstEnd };
    case 'tail':
      return { phase: 'review', at: state.windows.tailEnd };
    default:
      return undefined;
  }
}

export function signoffDueAt(state: TCampaignState, now?: string): string | undefined {
  const reportedAt = state.review.reportedAt;
  if (reportedAt === undefined) return undefined;
  return addSeconds(
    reportedAt,
    state.plan.timing.reviewSignoffSlaSeconds + pausedSecondsSince(state, reportedAt, ['review'], now),
  );
}

/** The next unstarted stream's start time, while the campaign starts streams. */
export function nextChildStart(state: TCampaignState): { key: string; at: string } | undefined {
  if (!CAMPAIGN_STARTING_PHASES.includes(state.phase)) return undefined;
  return Object.values(state.streams)
    .filter((s) => s.status === 'planned')
    .map((s) => ({ key: s.key, at: childStartAt(s) }))
    .reduce<{ key: string; at: string } | undefined>(
      (best, next) => (best === undefined || isBefore(next.at, best.at) ? next : best),
      undefined,
    );
}

export type TCampaignDeadlineKind =
  'approval_due' | 'preheat' | 'burst' | 'tail' | 'review' | 'confirmation_due' | 'signoff_due';

/** What happens next and when, for the read model's columns and the board's countdowns. */
export function campaignNextDeadline(
  state: TCampaignState,
  now?: string,
): { kind: TCampaignDeadlineKind; at: string } | undefined {
  if (state.phase === 'approval') return { kind: 'approval_due', at: approvalDueAt(state, now) };
  if (state.steering.confirmation !== undefined)
    return { kind: 'confirmation_due', at: state.steering.confirmation.dueAt };
  const boundary = windowBoundary(state);
  if (boundary !== undefined) return { kind: boundary.phase, at: boundary.at };
  if (state.phase === 'review') {
    const due = signoffDueAt(state, now);
    return due === undefined ? undefined : { kind: 'signoff_due', at: due };
  }
  return undefined;
}
