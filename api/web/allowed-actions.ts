import { hasAnyRole, sameActorId, type TActor } from '../../domain/shared/actor.types';
import { permittedActions, type TStreamActionName } from '../../domain/stream/action-permits';
import type { TStreamState } from '../../domain/stream/state.types';
import type { StreamActionName } from '../../workflows/stream/messages';
import { STREAM_ACTION_ROUTES } from '../routes/stream-actions';

/**
 * Which action buttons to show this person now: the API's role gate, then the domain's own role and phase permits
 * (the same functions the workflow validators run, so buttons and refusals cannot drift apart), then whether there is
 * anything to act on. Inputs are still validated on submit; a refusal is shown as such.
 */
export function allowedActions(state: TStreamState, actor: TActor): StreamActionName[] {
  return permittedActions(state, actor).filter(
    (action) => mayCallAction(actor, action) && hasSomethingToActOn(state, actor, action),
  );
}

/** The API's role gate for the action (the same table the JSON API enforces), before the workflow's own checks. */
export function mayCallAction(actor: TActor, action: StreamActionName): boolean {
  return hasAnyRole(actor, STREAM_ACTION_ROUTES[action].roles);
}

/** Presentation only: hide buttons whose action is allowed but has no object right now. */
function hasSomethingToActOn(state: TStreamState, actor: TActor, action: TStreamActionName): boolean {
  const current = state.script.revisions.find((r) => r.revision === state.script.currentRevision);
  const paused = state.schedule.pausedAt !== undefined;
  switch (action) {
    case 'decide-script':
      return (
        current !== undefined &&
        current.decision === undefined &&
        current.findings !== undefined &&
        !sameActorId(actor.id, current.submittedBy)
      );
    case 'decide-product':
      return (
        !sameActorId(actor.id, state.plan.owner) &&
        Object.values(state.products).some(
          (p) => !p.dropped && p.decision === undefined && p.problems !== undefined,
        )
      );
    case 'sign-checklist':
      return state.checklist.signedAt === undefined;
    case 'pause':
      return !paused;
    case 'resume':
      return paused;
    case 'advance':
      return !paused;
    case 'sign-review':
      return state.review.reportId !== undefined && state.review.signedOffAt === undefined;
    default:
      return true;
  }
}
