import { defineAction, type TAnyActionDef } from '../../engine/action';
import { spec } from '../../engine/input-spec';
import { sameActorId, type TActor } from '../../shared/actor.types';
import { DomainError } from '../../shared/errors';
import type { TStreamEventDraft } from '../events.types';
import type { TStreamPhase } from '../phases';
import { SCRIPT_BOUNDS, SEGMENT_KINDS } from '../plan.constants';
import type { TStreamRole } from '../plan.types';
import type { TStreamState } from '../state.types';

/** Declares one stream action; see domain/engine/action.ts for what an entry holds and what is built from it. */
export const defineStreamAction = defineAction<TStreamState, TStreamPhase, TStreamRole, TStreamEventDraft>();
export type TStreamActionDef = TAnyActionDef<TStreamState, TStreamPhase, TStreamRole, TStreamEventDraft>;

/** Why someone acted: it goes into the timeline and the audit log. */
export const reasonSpec = spec.text({ max: 2000, multiline: true });

/** One segment of a script revision, within the bounds the plan's script has too. */
export const segmentSpec = spec.object({
  id: spec.text({ max: SCRIPT_BOUNDS.keyMax }),
  kind: spec.oneOf(SEGMENT_KINDS),
  productSku: spec.optional(spec.text({ max: SCRIPT_BOUNDS.keyMax })),
  text: spec.text({ min: 0, max: SCRIPT_BOUNDS.textMax, multiline: true }),
  plannedMinutes: spec.number(SCRIPT_BOUNDS.plannedMinutes.min, SCRIPT_BOUNDS.plannedMinutes.max),
});

export function forbidSelfApproval(actor: TActor, submitterId: string | undefined, what: string): void {
  if (submitterId !== undefined && sameActorId(actor.id, submitterId))
    throw new DomainError('SELF_APPROVAL', `${actor.id} submitted ${what} and cannot decide it`);
}

export function currentRevision(state: TStreamState) {
  return state.script.revisions.find((r) => r.revision === state.script.currentRevision);
}

export const MANAGER = { appRole: 'manager' } as const;
