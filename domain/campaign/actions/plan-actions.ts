import { spec } from '../../engine/input-spec';
import { sameActorId } from '../../shared/actor.types';
import { DomainError } from '../../shared/errors';
import { isBefore, secondsBetween } from '../../shared/time';
import { CAMPAIGN_BEFORE_PREHEAT } from '../phases';
import { isAllowedApprover, namedApprovers } from '../team';
import { defineCampaignAction, MANAGER, reasonSpec } from './define';

const amount = () => spec.optional(spec.number(0, 1e12));

export const decidePlan = defineCampaignAction({
  name: 'decide-plan',
  summary: "Approve or reject the plan's goals and budget (a manager, never the one who submitted it)",
  input: spec.object({
    revision: spec.int(1, 1000),
    decision: spec.oneOf(['approved', 'rejected']),
    reason: spec.withDefault(spec.text({ min: 0, max: 2000, multiline: true }), ''),
  }),
  phases: ['approval'],
  who: [MANAGER],
  check(state, input, actor) {
    if (sameActorId(actor.id, state.submittedBy))
      throw new DomainError('SELF_APPROVAL', `${actor.id} submitted this plan and cannot decide it`);
    if (!isAllowedApprover(state, actor))
      throw new DomainError(
        'FORBIDDEN_ROLE',
        `This plan names its approvers: ${namedApprovers(state).join(', ')}`,
      );
    if (state.approval !== undefined)
      throw new DomainError(
        'ALREADY_DECIDED',
        `Revision ${state.planRevision} was ${state.approval.decision}; revise it first`,
      );
    if (input.revision !== state.planRevision)
      throw new DomainError(
        'STALE_REVISION',
        `The plan is at revision ${state.planRevision}, not ${input.revision}`,
      );
    if (input.decision === 'rejected' && input.reason.length === 0)
      throw new DomainError('INVALID_INPUT', 'A rejection needs a reason the owner can act on', {
        issues: [{ path: ['reason'], message: 'Required for a rejection', code: 'too_small' }],
      });
  },
  // A manager the plan does not name is refused (FORBIDDEN_ROLE), so is never offered the button either.
  available: (state, actor) =>
    state.approval === undefined &&
    !sameActorId(actor.id, state.submittedBy) &&
    isAllowedApprover(state, actor),
  events: (_state, input) => [{ type: 'PlanDecided', ...input }],
  form: 'fields',
  prefill: (state) => ({ revision: state.planRevision }),
  hiddenFields: ['revision'],
  settles: ['plan_approval'],
});

export const revisePlan = defineCampaignAction({
  name: 'revise-plan',
  summary: 'Revise goals and budget (the owner or a manager): a new revision goes to approval',
  // Flat, so a form shows one field per goal: the event carries them as the plan's goals.
  input: spec.object({
    gmv: amount(),
    orders: amount(),
    newFollowers: amount(),
    participants: amount(),
    roiFloor: amount(),
    budget: spec.number(0, 1e12),
    reason: reasonSpec,
  }),
  phases: ['approval', 'blocked'],
  who: [{ owner: true }, MANAGER],
  events(state, input) {
    const goals: Record<string, number> = {};
    for (const key of ['gmv', 'orders', 'newFollowers', 'participants', 'roiFloor'] as const) {
      const value = input[key];
      if (value !== undefined) goals[key] = value;
    }
    return [
      {
        type: 'PlanRevised',
        revision: state.planRevision + 1,
        goals,
        budget: input.budget,
        reason: input.reason,
      },
    ];
  },
  form: 'fields',
  prefill: (state) => ({ ...state.plan.goals, budget: state.plan.budget }),
  settles: ['plan_revision'],
});

export const reschedule = defineCampaignAction({
  name: 'reschedule',
  summary: 'Move the whole campaign (before preheat): every window and every stream move by the same amount',
  input: spec.object({ preheatStart: spec.instant(), reason: reasonSpec }),
  phases: CAMPAIGN_BEFORE_PREHEAT,
  who: [MANAGER],
  check(state, input, _actor, ctx) {
    if (!isBefore(ctx.now, input.preheatStart))
      throw new DomainError(
        'INVALID_INPUT',
        `The new preheat start ${input.preheatStart} is not in the future`,
        {
          issues: [{ path: ['preheatStart'], message: 'Not in the future', code: 'too_small' }],
        },
      );
    if (Object.values(state.streams).some((s) => s.status === 'started'))
      throw new DomainError('INVALID_STATE', 'Streams of this campaign have started; move them one by one');
  },
  events: (state, input) => [
    {
      type: 'CampaignRescheduled',
      shiftSeconds: Math.round(secondsBetween(state.windows.preheatStart, input.preheatStart)),
      reason: input.reason,
    },
  ],
  form: 'fields',
  prefill: (state) => ({ preheatStart: state.windows.preheatStart }),
  settles: ['blocked'],
});
