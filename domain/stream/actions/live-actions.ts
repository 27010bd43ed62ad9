import { spec } from '../../engine/input-spec';
import { DomainError } from '../../shared/errors';
import { secondsBetween } from '../../shared/time';
import { INCIDENT_KINDS } from '../events.types';
import { PAUSABLE_PHASES } from '../phases';
import { defineStreamAction, MANAGER, reasonSpec } from './define';

export const signChecklist = defineStreamAction({
  name: 'sign-checklist',
  summary: 'Sign the pre-live checklist (the room operator on the roster, or a manager)',
  input: spec.object({ items: spec.list(spec.text({ max: 64 }), { min: 1, max: 50 }) }),
  phases: ['compliance', 'preheat'],
  who: [{ roster: ['room_operator'] }, MANAGER],
  check(state, input) {
    if (state.checklist.signedAt !== undefined)
      throw new DomainError(
        'ALREADY_DECIDED',
        `The checklist was signed by ${state.checklist.signedBy} at ${state.checklist.signedAt}`,
      );
    const required = state.plan.checklist.map((item) => item.id);
    const unknown = input.items.filter((id) => !required.includes(id));
    if (unknown.length > 0)
      throw new DomainError('INVALID_INPUT', `Unknown checklist items: ${unknown.join(', ')}`);
    const missing = required.filter((id) => !input.items.includes(id));
    if (missing.length > 0)
      throw new DomainError('INVALID_INPUT', `Every item must be confirmed; missing: ${missing.join(', ')}`);
  },
  available: (state) => state.checklist.signedAt === undefined,
  events: (_state, input) => [{ type: 'ChecklistSigned', items: input.items }],
  form: 'checklist',
  settles: ['checklist'],
});

export const recordIncident = defineStreamAction({
  name: 'record-incident',
  summary: 'Record an incident (the room operator, co-host or customer service on the roster, or a manager)',
  input: spec.object({
    kind: spec.oneOf(INCIDENT_KINDS),
    description: reasonSpec,
    steps: spec.withDefault(spec.list(spec.text({ max: 500 }), { max: 20 }), []),
  }),
  phases: ['preheat', 'burst', 'tail'],
  who: [{ roster: ['room_operator', 'co_host', 'customer_service'] }, MANAGER],
  events: (_state, input) => [{ type: 'IncidentRecorded', ...input }],
  form: 'fields',
});

export const extend = defineStreamAction({
  name: 'extend',
  summary: 'Extend the live phase (the tail and the review move with it)',
  input: spec.object({ minutes: spec.int(1, 12 * 60), reason: reasonSpec }),
  phases: ['burst'],
  who: [MANAGER],
  events: (_state, input) => [{ type: 'StreamExtended', ...input }],
  form: 'fields',
  prefill: () => ({ minutes: 30 }),
});

export const endEarly = defineStreamAction({
  name: 'end-early',
  summary: 'End the live phase early',
  input: spec.object({ reason: reasonSpec }),
  phases: ['burst'],
  who: [MANAGER],
  events: (_state, input) => [{ type: 'StreamEndedEarly', ...input }],
  form: 'fields',
  confirm: true,
});

export const pause = defineStreamAction({
  name: 'pause',
  summary: 'Pause: the clocks of the current phase stop (see the pause policy)',
  input: spec.object({ reason: reasonSpec }),
  phases: PAUSABLE_PHASES,
  who: [MANAGER],
  check(state) {
    if (state.schedule.pausedAt !== undefined)
      throw new DomainError('INVALID_STATE', `Paused since ${state.schedule.pausedAt} already; resume first`);
  },
  available: (state) => state.schedule.pausedAt === undefined,
  events: (_state, input) => [{ type: 'Paused', ...input }],
  form: 'fields',
});

export const resume = defineStreamAction({
  name: 'resume',
  summary: 'Resume a paused stream',
  input: spec.object({ reason: spec.optional(spec.text({ max: 2000, multiline: true })) }),
  phases: PAUSABLE_PHASES,
  who: [MANAGER],
  check(state) {
    if (state.schedule.pausedAt === undefined)
      throw new DomainError('INVALID_STATE', 'The stream is not paused');
  },
  available: (state) => state.schedule.pausedAt !== undefined,
  // Computed once from the workflow clock and recorded, so replaying the history never recomputes a duration.
  events: (state, _input, _actor, ctx) => [
    {
      type: 'Resumed',
      pausedSeconds: Math.max(0, secondsBetween(state.schedule.pausedAt ?? ctx.now, ctx.now)),
    },
  ],
  form: 'fields',
});
