import type { TActor } from '../../domain/shared/actor.types';
import type { TTeamMember, TTeamRoster } from '../../domain/stream/plan.types';
import type { Db } from '../../runtime/db';
import { parseRoles } from '../auth/users';

/** A roster role holds at most this many people (the plan schema's bound). */
const MAX_PER_ROLE = 50;

/**
 * The people of this installation for the sample plan's roster, so that a stream made from the sample can really be
 * taken through its gates: the reviewers and managers are the users holding those roles (newest first), the room
 * operator is whoever creates it. Reviews stay with the roster (a reviewer elsewhere cannot decide), so a sample
 * whose reviewers were fictitious would be a stream nobody here may approve.
 */
export async function sampleTeamFrom(db: Db, creator: TActor): Promise<Partial<TTeamRoster>> {
  const users = await db.user.findMany({
    where: { disabled: false },
    orderBy: { createdAt: 'desc' },
    select: { email: true, name: true, roles: true },
    take: 500,
  });
  const holding = (role: 'reviewer' | 'manager'): TTeamMember[] =>
    users
      .filter((user) => parseRoles(user.roles).includes(role) && user.email !== creator.id.toLowerCase())
      .slice(0, MAX_PER_ROLE)
      .map((user) => ({ id: user.email, name: user.name.slice(0, 100), email: user.email }));
  const creatorMember = {
    id: creator.id,
    name: (creator.name ?? creator.id).slice(0, 100),
    ...(creator.id.includes('@') ? { email: creator.id } : {}),
  };
  return { reviewer: holding('reviewer'), manager: holding('manager'), room_operator: [creatorMember] };
}
