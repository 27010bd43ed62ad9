import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { requireTestEnv } from '../../setup/test-env';

const run = promisify(execFile);

/** The audit CLI (`npm run -s audit -- ...`) on the run's dev server and database: its exit code and output. */
export async function auditCli(...args: string[]): Promise<{ code: number; output: string }> {
  try {
    const { stdout } = await run('npx', ['tsx', 'scripts/audit.ts', ...args], {
      maxBuffer: 10_000_000,
      // The CLI reads the server's own settings.
      env: {
        ...process.env,
        TEMPORAL_ADDRESS: requireTestEnv('temporalAddress'),
        DATABASE_URL: requireTestEnv('databaseUrl'),
        LOG_LEVEL: 'warn',
      },
    });
    return { code: 0, output: stdout };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: failed.stdout + failed.stderr };
  }
}
