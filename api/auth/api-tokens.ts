import type { TActor } from '../../domain/shared/actor.types';
import type { Db } from '../../runtime/db';
import { AppError } from '../http/api-error';
import { randomSecret, sha256 } from './secrets';
import { findUser } from './users';
import type { TCreateTokenInput } from './users.types';

const TOKEN_PREFIX = 'lo_';
/** Writing lastUsedAt on every request would make each API call a database write. */
const LAST_USED_RESOLUTION_MS = 60_000;

type TokenRow = {
  id: string;
  name: string;
  prefix: string;
  userId: string;
  createdBy: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
  user: { email: string };
};

function toToken(row: TokenRow) {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    userId: row.userId,
    userEmail: row.user.email,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

/** A new token for a user; the plain token is in this result only. */
export async function createApiToken(db: Db, creator: TActor, input: TCreateTokenInput) {
  const user = await findUser(db, input.user ?? creator.id);
  if (!user) throw new AppError('NOT_FOUND', `No user ${input.user ?? creator.id}`);
  const token = randomSecret(TOKEN_PREFIX);
  const row = await db.apiToken.create({
    data: {
      userId: user.id,
      name: input.name,
      tokenHash: sha256(token),
      prefix: token.slice(0, TOKEN_PREFIX.length + 6),
      createdBy: creator.id,
      expiresAt:
        input.expiresInDays === undefined ? null : new Date(Date.now() + input.expiresInDays * 86_400_000),
    },
    include: { user: { select: { email: true } } },
  });
  return { ...toToken(row), token };
}

export async function listApiTokens(db: Db) {
  const rows = await db.apiToken.findMany({
    orderBy: { createdAt: 'desc' },
    take: 1000,
    include: { user: { select: { email: true } } },
  });
  return rows.map(toToken);
}

/** Revoked, not deleted: the token's name and owner stay readable for the audit trail. */
export async function revokeApiToken(db: Db, id: string) {
  const row = await db.apiToken.findUnique({ where: { id }, include: { user: { select: { email: true } } } });
  if (!row) throw new AppError('NOT_FOUND', `No token ${id}`);
  if (row.revokedAt) return toToken(row);
  const revoked = await db.apiToken.update({
    where: { id },
    data: { revokedAt: new Date() },
    include: { user: { select: { email: true } } },
  });
  return toToken(revoked);
}

/** The user behind a bearer token, or undefined when it is unknown, revoked, expired or its user is disabled. */
export async function userForToken(db: Db, token: string) {
  if (!token.startsWith(TOKEN_PREFIX)) return undefined;
  const row = await db.apiToken.findUnique({ where: { tokenHash: sha256(token) }, include: { user: true } });
  const now = Date.now();
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt.getTime() <= now) || row.user.disabled)
    return undefined;
  if (!row.lastUsedAt || now - row.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date(now) } });
  }
  return row.user;
}
