import fs from 'node:fs';
import path from 'node:path';

export const DEFAULT_DATA_DIR = '.data';

export interface DatabaseConnection {
  url: string;
  authToken?: string;
}

/**
 * The libSQL URL the app, the migrations and the tests use. A bare path or `file:` URL is resolved against the
 * working directory so that the Prisma CLI and the app agree on which file they open.
 */
export function resolveDatabaseUrl(env: NodeJS.ProcessEnv): DatabaseConnection {
  const raw =
    env.DATABASE_URL?.trim() || `file:${path.join(env.LIVEOPS_DATA_DIR ?? DEFAULT_DATA_DIR, 'liveops.db')}`;
  const authToken = env.DATABASE_AUTH_TOKEN?.trim() || undefined;
  if (/^(libsql|https?|wss?):/.test(raw)) return { url: raw, authToken };
  const filePath = raw.replace(/^file:/, '');
  return { url: `file:${path.resolve(filePath)}`, authToken };
}

/** libSQL cannot create a database file in a folder that does not exist yet (it fails with an opaque error). */
export function ensureDatabaseDirectory(connection: DatabaseConnection): void {
  if (!connection.url.startsWith('file:')) return;
  fs.mkdirSync(path.dirname(connection.url.slice('file:'.length)), { recursive: true });
}
