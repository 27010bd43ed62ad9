import type { TAccessModel } from '../engine/action';
import { sameActorId, type TActor } from '../shared/actor.types';
import { STREAM_ROLES } from '../stream/plan.constants';
import type { TStreamRole } from '../stream/plan.types';
import { isMember } from '../stream/roster';
import { isCampaignTerminal, type TCampaignPhase } from './phases';
import type { TCampaignState } from './state.types';

/** Member ids of the campaign's team in `roles`, without `exclude` (a submitter is never asked to approve). */
export function campaignTeamIds(
  state: TCampaignState,
  roles: readonly TStreamRole[],
  exclude?: string,
): string[] {
  const ids = roles
    .flatMap((role) => state.plan.team[role])
    .filter((m) => exclude === undefined || !isMember(m, exclude));
  return [...new Set(ids.map((m) => m.id))];
}

/** Who may approve the plan by name: the plan's approvers, else nobody by name (any manager may). */
export function namedApprovers(state: TCampaignState): string[] {
  return state.plan.approvers.filter((id) => !sameActorId(id, state.submittedBy));
}

/** Whether the plan's approver list lets this person decide it: no list, on the list, or admin (break-glass). */
export function isAllowedApprover(state: TCampaignState, actor: TActor): boolean {
  const named = namedApprovers(state);
  return named.length === 0 || named.some((id) => sameActorId(id, actor.id)) || actor.roles.includes('admin');
}

/** Who someone is on one campaign: its owner, its team roles, and the campaign's phase. */
export const CAMPAIGN_ACCESS: TAccessModel<TCampaignState, TCampaignPhase, TStreamRole> = {
  phaseOf: (state) => state.phase,
  isTerminal: (state) => isCampaignTerminal(state.phase),
  isOwner: (state, actor: TActor) => sameActorId(state.plan.owner, actor.id),
  rosterRolesOf: (state, actor: TActor) =>
    STREAM_ROLES.filter((role) => state.plan.team[role].some((member) => isMember(member, actor.id))),
};
