import type { TActor } from '../shared/actor.types';
import { sameActorId } from '../shared/actor.types';
import type { TAccessModel } from '../engine/action';
import { isTerminalPhase, type TStreamPhase } from './phases';
import { STREAM_ROLES } from './plan.constants';
import type { TStreamRole, TTeamMember, TTeamRoster } from './plan.types';
import { isMember } from './roster';
import type { TStreamState } from './state.types';

/** The plan's roster plus the reviewers a manager assigned to this stream since. */
export function streamTeam(state: TStreamState): TTeamRoster {
  if (state.assignedReviewers.length === 0) return state.plan.team;
  const planned = state.plan.team.reviewer;
  const extra = state.assignedReviewers.filter((m) => !planned.some((p) => sameActorId(p.id, m.id)));
  return { ...state.plan.team, reviewer: [...planned, ...extra] };
}

/** Member ids for a role, optionally leaving someone out (a submitter is never asked to approve their own work). */
export function teamIds(state: TStreamState, role: TStreamRole, excludeActorId?: string): string[] {
  const members = streamTeam(state)[role];
  return members
    .filter((member) => excludeActorId === undefined || !isMember(member, excludeActorId))
    .map((member) => member.id);
}

export function teamMember(state: TStreamState, actorId: string): TTeamMember | undefined {
  const team = streamTeam(state);
  return STREAM_ROLES.flatMap((role) => team[role]).find((member) => isMember(member, actorId));
}

/** Who someone is on one stream: owner, roster roles (assigned reviewers included), and the stream's phase. */
export const STREAM_ACCESS: TAccessModel<TStreamState, TStreamPhase, TStreamRole> = {
  phaseOf: (state) => state.phase,
  isTerminal: (state) => isTerminalPhase(state.phase),
  isOwner: (state, actor: TActor) => sameActorId(state.plan.owner, actor.id),
  rosterRolesOf: (state, actor: TActor) => {
    const team = streamTeam(state);
    return STREAM_ROLES.filter((role) => team[role].some((member) => isMember(member, actor.id)));
  },
};
