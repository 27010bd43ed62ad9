import { Client } from '@temporalio/client';
import type { Worker } from '@temporalio/worker';
import type { ActivityDeps } from '../activities';
import { createApp } from '../api/app';
import { ensureFirstAdmin } from '../api/auth/users';
import { createWorker } from '../workers/create-worker';
import { ensureSystemSchedules } from '../workers/system-schedules';
import type { Config } from './config';
import { createDb, type Db } from './db';
import { closeServer, listen, type ShutdownSequence } from './lifecycle';
import type { Logger } from './logger';
import { ensureSearchAttributes } from './search-attributes';
import { connectClient, connectWorker } from './temporal-connection';

/** The pieces every entry point (start, worker, api) shares, each registered with the shutdown sequence. */
export async function openDb(config: Config, shutdown: ShutdownSequence): Promise<Db> {
  const db = createDb(config);
  shutdown.add('database', () => db.$disconnect());
  return db;
}

export async function openClient(
  config: Config,
  address: string,
  shutdown: ShutdownSequence,
  logger: Logger,
) {
  const client = await connectClient(config.temporal, address);
  shutdown.add('temporal client', () => client.connection.close());
  await ensureSearchAttributes(client, config.temporal.namespace, logger);
  return client;
}

export async function runWorker(
  config: Config,
  address: string,
  deps: Omit<ActivityDeps, 'config'>,
  shutdown: ShutdownSequence,
): Promise<Worker> {
  const connection = await connectWorker(config.temporal, address);
  shutdown.add('worker connection', () => connection.close());
  const worker = await createWorker({
    connection,
    namespace: config.temporal.namespace,
    taskQueue: config.temporal.taskQueue,
    deps: { ...deps, config },
    maxCachedWorkflows: config.workflowCacheSize,
  });
  await ensureSystemSchedules(
    new Client({ connection, namespace: config.temporal.namespace }),
    config.temporal.taskQueue,
    deps.logger,
  );
  const running = worker.run();
  running.catch((error: unknown) => {
    deps.logger.fatal({ err: error }, 'worker stopped with an error');
    void shutdown.stop('worker failure').then(() => process.exit(1));
  });
  // Drains in-flight tasks before the connection closes.
  shutdown.add('worker', async () => {
    if (worker.getState() === 'RUNNING') worker.shutdown();
    await running.catch(() => undefined);
  });
  deps.logger.info(
    { taskQueue: config.temporal.taskQueue, namespace: config.temporal.namespace },
    'worker running',
  );
  return worker;
}

export async function runApi(
  config: Config,
  deps: { temporal: Client; db: Db; logger: Logger },
  shutdown: ShutdownSequence,
): Promise<string> {
  await ensureFirstAdminWhenReady(config, deps.db, deps.logger);
  const server = await listen(createApp({ config, ...deps }), config.http.port, config.http.host);
  shutdown.add('http server', () => closeServer(server));
  const url = `http://${config.http.host === '0.0.0.0' ? 'localhost' : config.http.host}:${config.http.port}`;
  deps.logger.info({ url }, 'API listening');
  return url;
}

/**
 * The first admin on an empty user table. `npm run api` may start before the worker has migrated the database, so a
 * missing table is waited for (briefly) rather than fatal.
 */
async function ensureFirstAdminWhenReady(config: Config, db: Db, logger: Logger): Promise<void> {
  const attempts = 12;
  for (let attempt = 1; ; attempt += 1) {
    try {
      await ensureFirstAdmin(db, config, logger);
      return;
    } catch (error) {
      if (attempt >= attempts) throw error;
      logger.warn(
        { err: error, attempt },
        'users table not ready (database not migrated yet?); retrying in 5 s',
      );
      await new Promise((resolve) => setTimeout(resolve, 5_000));
    }
  }
}

/** Where the worker and API find Temporal when no dev server is embedded and no address is configured. */
export function defaultTemporalAddress(config: Config): string {
  return config.temporal.address ?? `127.0.0.1:${config.devServer.port}`;
}
