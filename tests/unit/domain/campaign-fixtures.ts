import { campaignAction, validateCampaignAction } from '../../../domain/campaign/actions';
import type { TCampaignEvent, TCampaignEventDraft } from '../../../domain/campaign/events.types';
import { parseCampaignPlan } from '../../../domain/campaign/plan.schema';
import { applyCampaignEvent, initialCampaignState } from '../../../domain/campaign/reducer';
import type { TCampaignState } from '../../../domain/campaign/state.types';
import type { TActor } from '../../../domain/shared/actor.types';
import { isDomainError } from '../../../domain/shared/errors';
import { buildSamplePlan } from '../../../domain/stream/sample-plan';

export const planner: TActor = { id: 'planner@example.com', roles: ['operator'] };
export const manager: TActor = { id: 'manager@example.com', roles: ['manager'] };
export const director: TActor = { id: 'director@example.com', roles: ['manager'] };
export const auditor: TActor = { id: 'audit@example.com', roles: ['auditor'] };

export const T0 = '2027-06-01T00:00:00.000Z';
export const at = (minutes: number) => new Date(Date.parse(T0) + minutes * 60_000).toISOString();

/** 品牌日: three streams in the burst (two in room A), goals with an ROI floor, the manager on the team. */
export function plan() {
  const stream = (start: string) => ({
    ...buildSamplePlan({ scheduledStart: start, owner: planner.id }),
    plannedDurationMinutes: 60,
  });
  return parseCampaignPlan({
    name: '品牌日',
    owner: planner.id,
    goals: { gmv: 1000, orders: 10, roiFloor: 2 },
    budget: 500,
    windows: { preheatStart: at(60), burstStart: at(120), burstEnd: at(600), tailEnd: at(700) },
    streams: [
      { key: 'a', room: 'A', plan: stream(at(130)) },
      { key: 'b', room: 'A', plan: stream(at(300)) },
      { key: 'c', room: 'B', plan: stream(at(400)) },
    ],
    team: { manager: [{ id: manager.id, name: '经理' }] },
  });
}

/** Minutes after T0 of the last event applied: the clock the fixtures' events and attempts run on. */
let clock = 0;

export function apply(
  state: TCampaignState,
  draft: TCampaignEventDraft,
  actor: TActor = manager,
  minute?: number,
) {
  clock = minute ?? clock + 1;
  return applyCampaignEvent(state, { ...draft, at: at(clock), actor } as TCampaignEvent);
}

/** The Update validator's answer for `action` (undefined: accepted), and the events it would apply. */
export function attempt(state: TCampaignState, name: string, input: unknown, actor: TActor, minute = clock) {
  const def = campaignAction(name)!;
  const ctx = { now: at(minute) };
  try {
    const parsed = validateCampaignAction(def, state, input, actor, ctx);
    return { events: def.events(state, parsed, actor, ctx), code: undefined };
  } catch (error) {
    if (isDomainError(error)) return { events: [], code: error.code };
    throw error;
  }
}

export function approved(): TCampaignState {
  clock = 0;
  let state = initialCampaignState('c1', plan(), T0, planner);
  state = apply(state, { type: 'PlanDecided', revision: 1, decision: 'approved', reason: '' }, director);
  return state;
}

/** In the burst: stream a on air, b started and in its preheat, c not started. */
export function live(): TCampaignState {
  let state = approved();
  state = apply(state, { type: 'PhaseEntered', phase: 'preheat' }, manager, 60);
  state = apply(state, { type: 'ChildStarted', key: 'a', workflowId: 'c1--a' });
  state = apply(state, { type: 'ChildStarted', key: 'b', workflowId: 'c1--b' });
  state = apply(state, { type: 'PhaseEntered', phase: 'burst' }, manager, 120);
  state = apply(state, { type: 'ChildPhaseChanged', key: 'a', phase: 'burst' }, manager, 130);
  state = apply(state, { type: 'ChildPhaseChanged', key: 'b', phase: 'preheat' }, manager, 131);
  return state;
}
