import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, type Worker } from '@temporalio/worker';
import type { Activities, ActivityDeps } from '../../../activities';
import { parseConfig, type Config } from '../../../runtime/config';
import { createDb, type Db } from '../../../runtime/db';
import { createLogger, type Logger } from '../../../runtime/logger';
import { installTemporalRuntime } from '../../../runtime/temporal-runtime';
import { createWorker } from '../../../workers/create-worker';
import { requireTestEnv } from '../../setup/test-env';
import { closableRetries } from './closable-retries';

export interface Harness {
  config: Config;
  client: Client;
  db: Db;
  logger: Logger;
  /** A task queue of this test file's own, so tests never pick up each other's tasks. */
  taskQueue: string;
  worker: Worker;
  close(): Promise<void>;
}

export function uniqueId(prefix: string): string {
  return `${prefix}-${randomUUID()}`;
}

/**
 * The real thing against the run's shared dev server and database: a client, and a worker with the real activities
 * (built from the same factory production uses), polling a unique task queue.
 */
export async function createHarness(
  options: {
    workflowsPath?: string;
    /** Workflow interceptor modules bundled with the real workflows (bundles them for this harness: ~10 s). */
    workflowInterceptorModules?: string[];
    /** Another dev server than the run's shared one (e.g. one started with special dynamic config). */
    temporalAddress?: string;
    /** Extra environment for parseConfig (e.g. SMTP_URL pointing at a test SMTP server). */
    env?: Record<string, string>;
    /** Replaces activity dependencies (transports, analytics client). */
    deps?: Partial<Omit<ActivityDeps, 'db' | 'logger'>>;
    /** Wraps the real activities of the worker (slow one down, see what it was asked). */
    wrapActivities?: (activities: Activities) => Activities;
    /** Wraps the database the worker's activities use (e.g. an outage switch); the harness's own `db` stays real. */
    workerDb?: (db: Db) => Db;
  } = {},
): Promise<Harness> {
  const address = options.temporalAddress ?? requireTestEnv('temporalAddress');
  const config = parseConfig({
    DATABASE_URL: requireTestEnv('databaseUrl'),
    LIVEOPS_DATA_DIR: requireTestEnv('workDir'),
    TEMPORAL_ADDRESS: address,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    LOG_FORMAT: 'json',
    ...options.env,
  });
  const logger = createLogger(config, 'liveops-test');
  installTemporalRuntime(logger);
  const db = createDb(config);
  const retries = closableRetries();
  const client = new Client({
    connection: await Connection.connect({ address, interceptors: [retries.interceptor] }),
    namespace: config.temporal.namespace,
  });
  const connection = await NativeConnection.connect({ address });
  const taskQueue = uniqueId('test-queue');
  const worker = await createWorker({
    connection,
    namespace: config.temporal.namespace,
    taskQueue,
    deps: { db: options.workerDb ? options.workerDb(db) : db, logger, config, ...options.deps },
    ...(options.wrapActivities ? { wrapActivities: options.wrapActivities } : {}),
    ...(options.workflowsPath || options.workflowInterceptorModules
      ? {
          workflowsPath: options.workflowsPath ?? require.resolve('../../../workflows'),
          ...(options.workflowInterceptorModules
            ? { workflowInterceptorModules: options.workflowInterceptorModules }
            : {}),
        }
      : { workflowBundle: { code: fs.readFileSync(requireTestEnv('workflowBundle'), 'utf8') } }),
  });
  const running = worker.run();
  return {
    config,
    client,
    db,
    logger,
    taskQueue,
    worker,
    async close() {
      worker.shutdown();
      await running;
      await connection.close();
      retries.stop();
      await retries.settled();
      await client.connection.close();
      await db.$disconnect();
    },
  };
}
