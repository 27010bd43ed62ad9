import {
  assertTransition,
  nextPhaseFor,
  type TTransition,
  type TTransitionTable,
} from '../engine/transitions';
import type { TCampaignEvent, TCampaignEventDraft, TCampaignEventType } from './events.types';
import type { TCampaignPhase } from './phases';

const stay = (...from: TCampaignPhase[]): TTransition<TCampaignPhase> => ({ from, to: 'stay' });
const move = (from: TCampaignPhase[], to: TCampaignPhase): TTransition<TCampaignPhase> => ({ from, to });

const OPEN: TCampaignPhase[] = ['approval', 'scheduled', 'preheat', 'burst', 'tail', 'review', 'blocked'];
/** While the campaign's streams may still be on: they report and can be steered. */
const WITH_CHILDREN: TCampaignPhase[] = ['scheduled', 'preheat', 'burst', 'tail', 'review', 'cancelled'];

/**
 * Every phase change of a campaign, and where every other event may happen. The reducer refuses anything not listed,
 * so a window timer that fires a moment after a manager cancelled or advanced the campaign changes nothing; loops ask
 * `canApplyCampaignEvent` before emitting what a timer or an activity produced.
 */
export const CAMPAIGN_TRANSITIONS: TTransitionTable<TCampaignPhase, TCampaignEventType> = {
  CampaignPlanned: [],
  PlanRevised: [stay('approval', 'blocked')],
  // Approved: on the calendar. A blocked campaign is rescheduled first (its preheat start has passed).
  PlanDecided: [move(['approval'], 'scheduled'), stay('approval')],
  ReminderSent: [stay(...OPEN)],
  ApprovalEscalated: [stay('approval', 'blocked', 'burst', 'review')],
  CampaignBlocked: [move(['approval'], 'blocked')],
  // A moved campaign needs its approval again only if it never had one.
  CampaignRescheduled: [move(['blocked'], 'approval'), stay('approval', 'scheduled')],
  PhaseEntered: [
    move(['scheduled'], 'preheat'),
    move(['preheat'], 'burst'),
    move(['burst'], 'tail'),
    move(['tail'], 'review'),
  ],
  AdvancedNow: [
    move(['scheduled'], 'preheat'),
    move(['preheat'], 'burst'),
    move(['burst'], 'tail'),
    move(['tail'], 'review'),
  ],
  BurstExtended: [stay('burst')],
  StreamAdded: [stay('approval', 'scheduled', 'preheat', 'burst', 'blocked')],
  StreamDropped: [stay('approval', 'scheduled', 'preheat', 'burst', 'blocked')],
  // A start in flight when the campaign moved on (cancelled, the burst over) still happened: it is recorded, and the
  // stream is stopped as the campaign now requires (child-commands.ts).
  ChildStarted: [stay('scheduled', 'preheat', 'burst', 'tail', 'review', 'cancelled')],
  ChildStartFailed: [stay('scheduled', 'preheat', 'burst', 'tail')],
  ChildPhaseChanged: [stay(...WITH_CHILDREN)],
  ChildFailed: [stay(...WITH_CHILDREN)],
  ChildCommandFailed: [stay(...WITH_CHILDREN)],
  UnairedStreamsStopped: [stay('tail')],
  StreamsHeld: [stay('scheduled', 'preheat', 'burst')],
  StreamsReleased: [stay('scheduled', 'preheat', 'burst', 'tail')],
  Paused: [stay('approval', 'scheduled', 'preheat', 'burst', 'tail', 'review')],
  Resumed: [stay('approval', 'scheduled', 'preheat', 'burst', 'tail', 'review')],
  // Cancelling during the burst stops what is left; streams already on air end early and keep their own reviews. A
  // cancellation through Temporal (an operator) may come later still: it is recorded rather than lost.
  CampaignCancelled: [
    move(['approval', 'scheduled', 'preheat', 'burst', 'tail', 'review', 'blocked'], 'cancelled'),
  ],
  KpisRolledUp: [stay('preheat', 'burst', 'tail', 'review')],
  AlertRaised: [stay(...OPEN)],
  ContinueConfirmationRequested: [stay('burst')],
  ContinueDecided: [stay('burst')],
  ReviewReported: [stay('review')],
  ReviewFailed: [stay('review')],
  ReviewRetryRequested: [stay('review')],
  ReviewSignedOff: [move(['review'], 'completed')],
  ContinuedAsNew: [stay(...OPEN)],
};

const targetOf = (event: { type: string; phase?: unknown; to?: unknown; decision?: unknown }) => {
  if (event.type === 'PhaseEntered') return event.phase as string;
  if (event.type === 'AdvancedNow') return event.to as string;
  if (event.type === 'PlanDecided') return event.decision === 'approved' ? 'scheduled' : 'stay';
  return undefined;
};

/** The phase after `event` (refusing what the table does not allow), for the reducer. */
export function campaignPhaseAfter(phase: TCampaignPhase, event: TCampaignEvent): TCampaignPhase {
  return assertTransition(CAMPAIGN_TRANSITIONS, targetOf, phase, event);
}

export function canApplyCampaignEvent(phase: TCampaignPhase, draft: TCampaignEventDraft): boolean {
  return nextPhaseFor(CAMPAIGN_TRANSITIONS, targetOf, phase, draft) !== undefined;
}
