/**
 * Application roles (who may press which button). Stream roles such as host or room operator live on each plan's
 * roster instead, because the same person is a host in one stream and a room operator in the next.
 */
export const APP_ROLES = ['operator', 'reviewer', 'manager', 'auditor', 'admin'] as const;
export type TAppRole = (typeof APP_ROLES)[number];

export interface TActor {
  /** Email or user id; compared case-insensitively because people type emails in any case. */
  id: string;
  name?: string;
  roles: TAppRole[];
}

/** Timers, scans and other machine events are attributed to this actor, so every timeline entry has a "who". */
export const SYSTEM_ACTOR_ID = 'system';
export const SYSTEM_ACTOR: TActor = Object.freeze({ id: SYSTEM_ACTOR_ID, roles: [] }) as TActor;

export function normalizeActorId(id: string): string {
  return id.trim().toLowerCase();
}

export function sameActorId(a: string, b: string): boolean {
  return normalizeActorId(a) === normalizeActorId(b);
}

/** Admin passes every role check (it is the break-glass role); segregation-of-duty checks still apply to admins. */
export function hasAnyRole(actor: TActor, roles: readonly TAppRole[]): boolean {
  return actor.roles.includes('admin') || actor.roles.some((role) => roles.includes(role));
}
