import { sameActorId } from '../shared/actor.types';
import type { TStreamPlan, TStreamRole, TTeamMember } from './plan.types';

/** A roster member is the actor if either their id or their email matches (people log in with either). */
export function isMember(member: TTeamMember, actorId: string): boolean {
  return (
    sameActorId(member.id, actorId) || (member.email !== undefined && sameActorId(member.email, actorId))
  );
}

export function isOnRoster(plan: TStreamPlan, role: TStreamRole, actorId: string): boolean {
  return plan.team[role].some((member) => isMember(member, actorId));
}

/** Member ids for a role, optionally leaving someone out (a submitter is never asked to approve their own work). */
export function rosterIds(plan: TStreamPlan, role: TStreamRole, excludeActorId?: string): string[] {
  return plan.team[role]
    .filter((member) => excludeActorId === undefined || !isMember(member, excludeActorId))
    .map((member) => member.id);
}
