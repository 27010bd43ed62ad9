import { hasAnyRole, sameActorId, type TActor } from '../../domain/shared/actor.types';
import { ACTIVE_PHASES, GATE_PHASES } from '../../domain/stream/command-context';
import { PRE_LIVE_PHASES, type TStreamPhase } from '../../domain/stream/phases';
import { isOnRoster } from '../../domain/stream/roster';
import type { TStreamState } from '../../domain/stream/state.types';
import type { StreamActionName } from '../../workflows/stream/messages';
import { STREAM_ACTION_ROUTES } from '../routes/stream-actions';

const within = (state: TStreamState, phases: readonly TStreamPhase[]) => phases.includes(state.phase);

/**
 * Which action buttons to show this person now. It mirrors the role and phase checks of the domain validators so
 * nobody is offered a button that can only fail; the validators remain the authority (a refusal is still shown).
 */
export function allowedActions(state: TStreamState, actor: TActor): StreamActionName[] {
  return candidateActions(state, actor).filter((action) => mayCallAction(actor, action));
}

/** The API's role gate for the action (the same table the JSON API enforces), before the workflow's own checks. */
export function mayCallAction(actor: TActor, action: StreamActionName): boolean {
  return hasAnyRole(actor, STREAM_ACTION_ROUTES[action].roles);
}

function candidateActions(state: TStreamState, actor: TActor): StreamActionName[] {
  const manager = hasAnyRole(actor, ['manager']);
  const reviewer = hasAnyRole(actor, ['reviewer']);
  const paused = state.schedule.pausedAt !== undefined;
  const current = state.script.revisions.find((r) => r.revision === state.script.currentRevision);
  const allowed: StreamActionName[] = [];
  const isAuthor =
    sameActorId(actor.id, state.plan.owner) ||
    (current !== undefined && sameActorId(actor.id, current.submittedBy));

  if ((isAuthor || hasAnyRole(actor, ['operator'])) && within(state, PRE_LIVE_PHASES))
    allowed.push('submit-script');
  if (
    reviewer &&
    within(state, GATE_PHASES) &&
    current !== undefined &&
    current.decision === undefined &&
    current.findings !== undefined &&
    !sameActorId(actor.id, current.submittedBy)
  )
    allowed.push('decide-script');
  if (
    reviewer &&
    within(state, GATE_PHASES) &&
    !sameActorId(actor.id, state.plan.owner) &&
    Object.values(state.products).some(
      (p) => !p.dropped && p.decision === undefined && p.problems !== undefined,
    )
  )
    allowed.push('decide-product');
  if (
    (manager || isOnRoster(state.plan, 'room_operator', actor.id)) &&
    within(state, ['compliance', 'preheat']) &&
    state.checklist.signedAt === undefined
  )
    allowed.push('sign-checklist');
  if (
    (hasAnyRole(actor, ['operator', 'manager']) ||
      (['room_operator', 'co_host', 'customer_service'] as const).some((role) =>
        isOnRoster(state.plan, role, actor.id),
      )) &&
    within(state, ['preheat', 'burst', 'tail'])
  )
    allowed.push('record-incident');
  if (manager) {
    if (within(state, ['burst'])) allowed.push('extend', 'end-early');
    if (within(state, ACTIVE_PHASES)) allowed.push(paused ? 'resume' : 'pause');
    if (within(state, ['compliance', 'preheat', 'burst', 'tail']) && !paused) allowed.push('advance');
    if (within(state, PRE_LIVE_PHASES)) allowed.push('reschedule', 'cancel');
    if (
      within(state, ['review']) &&
      state.review.reportId !== undefined &&
      state.review.signedOffAt === undefined
    )
      allowed.push('sign-review');
  }
  return allowed;
}
