import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Config } from './config';
import { databaseConnection } from './db';
import type { Logger } from './logger';

const run = promisify(execFile);
const PROJECT_ROOT = path.resolve(__dirname, '..');

/**
 * Applies committed migrations with Prisma's own `migrate deploy` (JS schema engine through the libSQL adapter, see
 * prisma.config.ts), so the app and the CLI share one migration history.
 */
export async function applyMigrations(
  config: Pick<Config, 'database' | 'dataDir'>,
  logger: Logger,
): Promise<void> {
  const connection = databaseConnection(config);
  const prismaCli = require.resolve('prisma/build/index.js');
  const started = Date.now();
  try {
    const { stdout } = await run(process.execPath, [prismaCli, 'migrate', 'deploy'], {
      cwd: PROJECT_ROOT,
      env: {
        ...process.env,
        DATABASE_URL: connection.url,
        DATABASE_AUTH_TOKEN: connection.authToken ?? '',
        PRISMA_HIDE_UPDATE_MESSAGE: '1',
      },
      timeout: 120_000,
    });
    const applied = /(\d+) migrations? found/.exec(stdout)?.[1];
    logger.info(
      { database: redactUrl(connection.url), migrations: applied, ms: Date.now() - started },
      'database migrated',
    );
  } catch (error) {
    const err = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`prisma migrate deploy failed: ${(err.stderr || err.stdout || err.message).trim()}`);
  }
}

function redactUrl(url: string): string {
  return url.replace(/\/\/[^@/]*@/, '//***@');
}
