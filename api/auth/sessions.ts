import type { Db } from '../../runtime/db';
import { randomSecret, sha256 } from './secrets';

/** Browser sessions: the cookie holds a random secret; the table holds its sha256 and the session's CSRF token. */
export async function createSession(db: Db, userId: string, ttlHours: number) {
  const cookieValue = randomSecret();
  const expiresAt = new Date(Date.now() + ttlHours * 3_600_000);
  const session = await db.session.create({
    data: { id: sha256(cookieValue), userId, csrfToken: randomSecret(), expiresAt },
  });
  return { cookieValue, session };
}

export async function findSession(db: Db, cookieValue: string) {
  const session = await db.session.findUnique({
    where: { id: sha256(cookieValue) },
    include: { user: true },
  });
  if (!session) return undefined;
  if (session.expiresAt.getTime() <= Date.now() || session.user.disabled) {
    await db.session.deleteMany({ where: { id: session.id } });
    return undefined;
  }
  return session;
}

export async function endSession(db: Db, cookieValue: string): Promise<void> {
  await db.session.deleteMany({ where: { id: sha256(cookieValue) } });
}
