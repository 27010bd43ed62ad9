import { hasAnyRole, sameActorId, type TActor, type TAppRole } from '../shared/actor.types';
import { DomainError } from '../shared/errors';
import { isTerminalPhase, type TStreamPhase } from './phases';
import type { TStreamRole } from './plan.types';
import { isOnRoster } from './roster';
import type { TStreamState } from './state.types';

/** Small assertions shared by the command validators; each throws the DomainError the API maps to a status. */

export function requireRole(actor: TActor, roles: readonly TAppRole[], action: string): void {
  if (!hasAnyRole(actor, roles))
    throw new DomainError(
      'FORBIDDEN_ROLE',
      `${action} needs role ${roles.join(' or ')}; ${actor.id} has ${actor.roles.join(', ') || 'none'}`,
    );
}

/** Role check that also accepts being on the stream's roster in one of the given stream roles. */
export function requireRoleOrRoster(
  state: TStreamState,
  actor: TActor,
  roles: readonly TAppRole[],
  rosterRoles: readonly TStreamRole[],
  action: string,
): void {
  if (rosterRoles.some((role) => isOnRoster(state.plan, role, actor.id))) return;
  if (!hasAnyRole(actor, roles))
    throw new DomainError(
      'FORBIDDEN_ROLE',
      `${action} needs role ${roles.join(' or ')} or a place on the roster as ${rosterRoles.join(' or ')}`,
    );
}

export function requirePhase(state: TStreamState, allowed: readonly TStreamPhase[], action: string): void {
  if (isTerminalPhase(state.phase))
    throw new DomainError(
      'INVALID_PHASE',
      `${action}: the stream is ${state.phase}; nothing changes after that`,
    );
  if (!allowed.includes(state.phase))
    throw new DomainError(
      'INVALID_PHASE',
      `${action} is possible in ${allowed.join(', ')}, not in ${state.phase}`,
    );
}

export function forbidSelfApproval(actor: TActor, submitterId: string | undefined, what: string): void {
  if (submitterId !== undefined && sameActorId(actor.id, submitterId))
    throw new DomainError('SELF_APPROVAL', `${actor.id} submitted ${what} and cannot decide it`);
}

export function requireNotPaused(state: TStreamState, action: string): void {
  if (state.schedule.pausedAt !== undefined)
    throw new DomainError(
      'INVALID_STATE',
      `${action}: the stream is paused since ${state.schedule.pausedAt}; resume first`,
    );
}
