import { APP_ROLES, type TActor, type TAppRole } from '../../domain/shared/actor.types';
import type { Config } from '../../runtime/config';
import type { Db } from '../../runtime/db';
import type { Logger } from '../../runtime/logger';
import { DomainError, isDomainError } from '../../domain/shared/errors';
import { hashPassword, randomPassword } from './passwords';
import type { TCreateUserInput, TUser } from './users.types';

type UserRow = {
  id: string;
  email: string;
  name: string;
  roles: string;
  passwordHash: string | null;
  disabled: boolean;
  createdAt: Date;
};

export function parseRoles(stored: string): TAppRole[] {
  return stored
    .split(',')
    .filter((role): role is TAppRole => (APP_ROLES as readonly string[]).includes(role));
}

export function actorOf(user: Pick<UserRow, 'email' | 'name' | 'roles'>): TActor {
  return { id: user.email, name: user.name, roles: parseRoles(user.roles) };
}

export function toUser(row: UserRow): TUser {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    roles: parseRoles(row.roles),
    hasPassword: row.passwordHash !== null,
    disabled: row.disabled,
    createdAt: row.createdAt.toISOString(),
  };
}

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown }).code === 'P2002';
}

export async function createUser(db: Db, input: TCreateUserInput): Promise<TUser> {
  try {
    const row = await db.user.create({
      data: {
        email: input.email.toLowerCase(),
        name: input.name,
        roles: [...new Set(input.roles)].join(','),
        passwordHash: input.password === undefined ? null : await hashPassword(input.password),
      },
    });
    return toUser(row);
  } catch (error) {
    if (isUniqueViolation(error))
      throw new DomainError('ALREADY_EXISTS', `A user with email ${input.email} exists`);
    throw error;
  }
}

export async function listUsers(db: Db): Promise<TUser[]> {
  const rows = await db.user.findMany({ orderBy: { createdAt: 'asc' }, take: 1000 });
  return rows.map(toUser);
}

export async function findUser(db: Db, idOrEmail: string) {
  return db.user.findFirst({ where: { OR: [{ id: idOrEmail }, { email: idOrEmail.toLowerCase() }] } });
}

const DEFAULT_ADMIN_EMAIL = 'admin@localhost';

/**
 * The first admin, on a database without users: from LIVEOPS_ADMIN_EMAIL / LIVEOPS_ADMIN_PASSWORD, or admin@localhost
 * with a random password written to the log this once, so `npm start` needs no configuration.
 */
export async function ensureFirstAdmin(
  db: Db,
  config: Pick<Config, 'auth'>,
  logger: Logger,
): Promise<TUser | undefined> {
  if ((await db.user.count()) > 0) return undefined;
  const email = config.auth.adminEmail ?? DEFAULT_ADMIN_EMAIL;
  const generated = config.auth.adminPassword === undefined;
  const password = config.auth.adminPassword ?? randomPassword();
  try {
    const user = await createUser(db, { email, name: 'Administrator', roles: ['admin'], password });
    if (generated)
      logger.warn(
        `first admin created: sign in as ${email} with password ${password} (shown once; set LIVEOPS_ADMIN_PASSWORD or create your own admin)`,
      );
    else logger.info({ email }, 'first admin created from LIVEOPS_ADMIN_EMAIL / LIVEOPS_ADMIN_PASSWORD');
    return user;
  } catch (error) {
    // Another API instance created it at the same moment.
    if (isDomainError(error) && error.code === 'ALREADY_EXISTS') return undefined;
    throw error;
  }
}
