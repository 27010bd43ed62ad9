import {
  assertTransition,
  nextPhaseFor,
  type TTransition,
  type TTransitionTable,
} from '../engine/transitions';
import type { TStreamEvent, TStreamEventType } from './events.types';
import type { TStreamPhase } from './phases';

const stay = (...from: TStreamPhase[]): TTransition<TStreamPhase> => ({ from, to: 'stay' });
const move = (from: TStreamPhase[], to: TStreamPhase): TTransition<TStreamPhase> => ({ from, to });

const LIVE_OR_BEFORE: TStreamPhase[] = [
  'draft',
  'compliance',
  'preheat',
  'burst',
  'tail',
  'review',
  'blocked',
];
/** Machine facts (metric feeds, alerts about them) may still arrive while a cancelled stream says goodbye. */
const ANY_BUT_COMPLETED: TStreamPhase[] = [...LIVE_OR_BEFORE, 'cancelled'];

/**
 * Every phase change of a stream, and where every other event may happen. The reducer refuses anything not listed,
 * so a timer or activity result that arrives after a person cancelled or advanced the stream cannot undo their action:
 * the loops ask `canApplyStreamEvent` first and simply drop what the human action made moot.
 */
export const STREAM_TRANSITIONS: TTransitionTable<TStreamPhase, TStreamEventType> = {
  StreamPlanned: [],
  // A new revision opens the gates from draft; in preheat it sends the stream back to compliance, because nothing
  // unreviewed may go on air (the products' approvals stand: only the script is decided again).
  ScriptSubmitted: [move(['draft', 'preheat'], 'compliance'), stay('compliance', 'blocked')],
  ScriptScanned: [stay('compliance', 'blocked')],
  ScriptDecided: [stay('compliance', 'blocked')],
  ProductsChecked: [stay('compliance')],
  ProductDecided: [stay('compliance', 'blocked')],
  // A person changing the lineup in preheat sends the stream back to compliance: the gates are judged again (the
  // script may pitch the dropped product; an added one needs its documents checked and a decision).
  ProductDropped: [move(['preheat'], 'compliance'), stay('draft', 'compliance', 'blocked')],
  ProductAdded: [move(['preheat'], 'compliance'), stay('draft', 'compliance', 'blocked')],
  // A replaced document lets a blocked stream try its gates again (the cutoff still holds).
  DocumentReplaced: [move(['preheat', 'blocked'], 'compliance'), stay('draft', 'compliance')],
  ReviewerAssigned: [stay('draft', 'compliance', 'preheat', 'blocked')],
  ReminderSent: [stay(...LIVE_OR_BEFORE)],
  ApprovalEscalated: [stay('compliance', 'preheat', 'blocked', 'review')],
  StreamBlocked: [move(['compliance'], 'blocked')],
  // A new start means documents are checked again against the new end, and the checklist signed again for it.
  StreamRescheduled: [move(['blocked', 'preheat'], 'compliance'), stay('draft', 'compliance')],
  PhaseEntered: [
    move(['compliance'], 'preheat'),
    move(['preheat'], 'burst'),
    move(['burst'], 'tail'),
    move(['tail'], 'review'),
  ],
  ChecklistSigned: [stay('compliance', 'preheat')],
  ChecklistEscalated: [stay('preheat')],
  MetricsReceived: [stay(...ANY_BUT_COMPLETED)],
  AlertRaised: [stay(...ANY_BUT_COMPLETED)],
  IncidentRecorded: [stay('preheat', 'burst', 'tail')],
  StreamExtended: [stay('burst')],
  StreamEndedEarly: [move(['burst'], 'tail')],
  Paused: [stay('compliance', 'preheat', 'burst', 'tail', 'review')],
  Resumed: [stay('compliance', 'preheat', 'burst', 'tail', 'review')],
  AdvancedNow: [
    move(['compliance'], 'preheat'),
    move(['preheat'], 'burst'),
    move(['burst'], 'tail'),
    move(['tail'], 'review'),
  ],
  // Once live, a stream ends (end-early) rather than being cancelled: its sales and incidents still need a review.
  Cancelled: [move(['draft', 'compliance', 'preheat', 'blocked'], 'cancelled')],
  ReviewReported: [stay('review')],
  ReviewFailed: [stay('review')],
  ReviewRetryRequested: [stay('review')],
  ReviewSignedOff: [move(['review'], 'completed')],
  ContinuedAsNew: [stay(...LIVE_OR_BEFORE)],
};

/** The destination an event names itself (PhaseEntered, AdvancedNow); others follow the table. */
function targetOf(event: TStreamEvent): string | undefined {
  if (event.type === 'PhaseEntered') return event.phase;
  if (event.type === 'AdvancedNow') return event.to;
  return undefined;
}

/** The phase after the event; throws INVALID_PHASE for a transition the table does not have. */
export function streamPhaseAfter(phase: TStreamPhase, event: TStreamEvent): TStreamPhase {
  return assertTransition(STREAM_TRANSITIONS, targetOf, phase, event);
}

export function canApplyStreamEvent(
  phase: TStreamPhase,
  event: Pick<TStreamEvent, 'type'> & object,
): boolean {
  return nextPhaseFor(STREAM_TRANSITIONS, targetOf, phase, event as TStreamEvent) !== undefined;
}
