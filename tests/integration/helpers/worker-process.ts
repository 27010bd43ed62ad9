/**
 * A real worker in its own process, so a test can SIGKILL it mid-workflow (no graceful shutdown, no drained tasks)
 * and start another one. Configured through the same environment the harness uses.
 */
import fs from 'node:fs';
import { NativeConnection } from '@temporalio/worker';
import { parseConfig } from '../../../runtime/config';
import { createDb } from '../../../runtime/db';
import { createLogger } from '../../../runtime/logger';
import { installTemporalRuntime } from '../../../runtime/temporal-runtime';
import { createWorker } from '../../../workers/create-worker';
import { requireTestEnv } from '../../setup/test-env';

async function main(): Promise<void> {
  const address = requireTestEnv('temporalAddress');
  const config = parseConfig({
    DATABASE_URL: requireTestEnv('databaseUrl'),
    LIVEOPS_DATA_DIR: requireTestEnv('workDir'),
    TEMPORAL_ADDRESS: address,
    LOG_LEVEL: 'warn',
    LOG_FORMAT: 'json',
    ...(process.env.ANALYTICS_BASE_URL ? { ANALYTICS_BASE_URL: process.env.ANALYTICS_BASE_URL } : {}),
    ...(process.env.SMTP_URL ? { SMTP_URL: process.env.SMTP_URL } : {}),
  });
  const logger = createLogger(config, 'liveops-test-worker');
  installTemporalRuntime(logger);
  const worker = await createWorker({
    connection: await NativeConnection.connect({ address }),
    namespace: config.temporal.namespace,
    taskQueue: process.env.TEST_TASK_QUEUE!,
    deps: { db: createDb(config), logger, config },
    workflowBundle: { code: fs.readFileSync(requireTestEnv('workflowBundle'), 'utf8') },
  });
  const running = worker.run();
  process.stdout.write('worker-ready\n');
  await running;
}

void main();
