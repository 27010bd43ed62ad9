import { assignReviewer, decideProduct, decideScript, submitScript } from './gate-actions';
import { endEarly, extend, pause, recordIncident, resume, signChecklist } from './live-actions';
import { addProduct, dropProduct, replaceDocument } from './lineup-actions';
import { advance, cancel, reschedule, retryReview, signReview } from './override-actions';
import { assertPermitted, availableActions, validateAction, type TActionContext } from '../../engine/action';
import { hasAnyRole, type TActor, type TAppRole } from '../../shared/actor.types';
import { DomainError } from '../../shared/errors';
import type { TStreamState } from '../state.types';
import { STREAM_ACCESS } from '../team';
import type { TStreamActionDef } from './define';

/**
 * Every human action on a stream, in the order the UI lists them. The workflow registers one Update per entry, the
 * API one route, the web UI one form; nothing else names an action by hand.
 */
export const STREAM_ACTIONS = [
  submitScript,
  decideScript,
  decideProduct,
  assignReviewer,
  replaceDocument,
  addProduct,
  dropProduct,
  signChecklist,
  recordIncident,
  extend,
  endEarly,
  pause,
  resume,
  advance,
  reschedule,
  cancel,
  retryReview,
  signReview,
] as const satisfies readonly TStreamActionDef[];

export type TStreamActionName = (typeof STREAM_ACTIONS)[number]['name'];

export function streamAction(name: string): TStreamActionDef | undefined {
  return STREAM_ACTIONS.find((def) => def.name === name);
}

export { type TStreamActionDef } from './define';

/** Who may start a stream (the workflow does not judge its own start: the API asks this before starting it). */
export const CREATE_STREAM_ROLES: readonly TAppRole[] = ['operator', 'manager'];

export function assertMayCreateStream(actor: TActor): void {
  if (!hasAnyRole(actor, CREATE_STREAM_ROLES))
    throw new DomainError(
      'FORBIDDEN_ROLE',
      `Creating a stream is for role ${CREATE_STREAM_ROLES.join(' or ')}`,
    );
}

/** The Update validator of a stream action: who and when, the input, then the action's own rules. */
export function validateStreamAction(
  def: TStreamActionDef,
  state: TStreamState,
  input: unknown,
  actor: TActor,
  ctx: TActionContext,
): unknown {
  return validateAction(def, STREAM_ACCESS, state, input, actor, ctx);
}

export function assertStreamPermit(def: TStreamActionDef, state: TStreamState, actor: TActor): void {
  assertPermitted(def, STREAM_ACCESS, state, actor);
}

/** The buttons this person sees on this stream now (API-only actions have no button). */
export function streamActionsFor(state: TStreamState, actor: TActor): TStreamActionDef[] {
  return availableActions(STREAM_ACTIONS, STREAM_ACCESS, state, actor).filter((def) => def.form !== 'none');
}
