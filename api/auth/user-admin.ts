import type { Db } from '../../runtime/db';
import { AppError } from '../http/api-error';
import { hashPassword } from './passwords';
import { toUser } from './users';
import type { TUpdateUserInput, TUser } from './users.types';

async function userRow(db: Db, id: string) {
  const row = await db.user.findUnique({ where: { id } });
  if (row === null) throw new AppError('NOT_FOUND', `No user ${id}`);
  return row;
}

/**
 * Roles, name or disabled. Disabling ends the person's sessions at once (their tokens stop working with it); an admin
 * cannot disable themselves or take their own admin role, so an installation never locks out its last way in by a slip.
 */
export async function updateUser(
  db: Db,
  callerEmail: string,
  id: string,
  input: TUpdateUserInput,
): Promise<TUser> {
  const row = await userRow(db, id);
  const self = row.email === callerEmail.toLowerCase();
  if (self && input.disabled === true) throw new AppError('CONFLICT', 'You cannot disable yourself');
  if (self && input.roles !== undefined && !input.roles.includes('admin'))
    throw new AppError('CONFLICT', 'You cannot take your own admin role');
  const updated = await db.$transaction(async (tx) => {
    const user = await tx.user.update({
      where: { id },
      data: {
        ...(input.name === undefined ? {} : { name: input.name }),
        ...(input.roles === undefined ? {} : { roles: [...new Set(input.roles)].join(',') }),
        ...(input.disabled === undefined ? {} : { disabled: input.disabled }),
      },
    });
    if (input.disabled === true) await tx.session.deleteMany({ where: { userId: id } });
    return user;
  });
  return toUser(updated);
}

/** A new password (the old one stops working, and so do the person's open sessions). */
export async function resetPassword(db: Db, id: string, password: string): Promise<TUser> {
  await userRow(db, id);
  const passwordHash = await hashPassword(password);
  const updated = await db.$transaction(async (tx) => {
    const user = await tx.user.update({ where: { id }, data: { passwordHash } });
    await tx.session.deleteMany({ where: { userId: id } });
    return user;
  });
  return toUser(updated);
}
