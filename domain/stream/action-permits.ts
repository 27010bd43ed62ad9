import { sameActorId, type TActor } from '../shared/actor.types';
import { isDomainError } from '../shared/errors';
import { ACTIVE_PHASES, GATE_PHASES } from './command-context';
import { requireNotPaused, requirePhase, requireRole, requireRoleOrRoster } from './command-guards';
import { PRE_LIVE_PHASES } from './phases';
import type { TStreamState } from './state.types';

/** Every human action on a stream, by the name the API and the web UI use in URLs. */
export const STREAM_ACTION_NAMES = [
  'submit-script',
  'decide-script',
  'decide-product',
  'sign-checklist',
  'record-incident',
  'extend',
  'end-early',
  'pause',
  'resume',
  'advance',
  'reschedule',
  'cancel',
  'sign-review',
] as const;
export type TStreamActionName = (typeof STREAM_ACTION_NAMES)[number];

type Permit = (state: TStreamState, actor: TActor) => void;

const managerIn =
  (phases: Parameters<typeof requirePhase>[1], action: string): Permit =>
  (state, actor) => {
    requireRole(actor, ['manager'], action);
    requirePhase(state, phases, action);
  };

/**
 * The part of each action's validation that does not depend on its input: who may act, and in which phases. The
 * command validators run these first (after parsing), and the web UI asks the same functions which buttons to show,
 * so the two cannot drift apart. Throws the DomainError the validator would.
 */
export const ACTION_PERMITS: Record<TStreamActionName, Permit> = {
  'submit-script': (state, actor) => {
    const current = state.script.revisions.at(-1);
    const isAuthor =
      sameActorId(actor.id, state.plan.owner) ||
      (current !== undefined && sameActorId(actor.id, current.submittedBy));
    if (!isAuthor) requireRole(actor, ['operator'], 'Submitting a script');
    requirePhase(state, PRE_LIVE_PHASES, 'Submitting a script');
  },
  'decide-script': (state, actor) => {
    requireRole(actor, ['reviewer'], 'Deciding a script');
    requirePhase(state, GATE_PHASES, 'Deciding a script');
  },
  'decide-product': (state, actor) => {
    requireRole(actor, ['reviewer'], 'Deciding a product');
    requirePhase(state, GATE_PHASES, 'Deciding a product');
  },
  'sign-checklist': (state, actor) => {
    requireRoleOrRoster(state, actor, ['manager'], ['room_operator'], 'Signing the checklist');
    requirePhase(state, ['compliance', 'preheat'], 'Signing the checklist');
  },
  'record-incident': (state, actor) => {
    requireRoleOrRoster(
      state,
      actor,
      ['operator', 'manager'],
      ['room_operator', 'co_host', 'customer_service'],
      'Recording an incident',
    );
    requirePhase(state, ['preheat', 'burst', 'tail'], 'Recording an incident');
  },
  extend: managerIn(['burst'], 'Extending the stream'),
  'end-early': managerIn(['burst'], 'Ending the stream early'),
  pause: (state, actor) => {
    managerIn(ACTIVE_PHASES, 'Pausing')(state, actor);
    requireNotPaused(state, 'Pausing');
  },
  resume: managerIn(ACTIVE_PHASES, 'Resuming'),
  advance: managerIn(['compliance', 'preheat', 'burst', 'tail'], 'Advancing the phase'),
  reschedule: managerIn(PRE_LIVE_PHASES, 'Rescheduling'),
  // Once live, a stream ends (end-early) rather than being cancelled: its sales and incidents still need a review.
  cancel: managerIn(PRE_LIVE_PHASES, 'Cancelling'),
  'sign-review': managerIn(['review'], 'Signing the review off'),
};

/** The actions this person may take on the stream now, as far as role and phase go (inputs are checked on submit). */
export function permittedActions(state: TStreamState, actor: TActor): TStreamActionName[] {
  return STREAM_ACTION_NAMES.filter((name) => {
    try {
      ACTION_PERMITS[name](state, actor);
      return true;
    } catch (error) {
      if (isDomainError(error)) return false;
      throw error;
    }
  });
}
