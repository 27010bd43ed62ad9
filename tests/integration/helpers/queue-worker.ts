import fs from 'node:fs';
import { NativeConnection } from '@temporalio/worker';
import type { Db } from '../../../runtime/db';
import { createWorker } from '../../../workers/create-worker';
import { requireTestEnv } from '../../setup/test-env';
import type { Harness } from './harness';

export interface QueueWorker {
  /** Stops polling (an outage of the worker); what it was running waits on the server for the next worker. */
  stop(): Promise<void>;
}

/**
 * Another real worker of the harness (same database, config and workflow bundle) on a task queue of the test's
 * choosing, so a test can stop it and start a new one whenever it wants an outage.
 */
export async function startQueueWorker(
  harness: Harness,
  taskQueue: string,
  options: { workerDb?: (db: Db) => Db } = {},
): Promise<QueueWorker> {
  const connection = await NativeConnection.connect({ address: requireTestEnv('temporalAddress') });
  const worker = await createWorker({
    connection,
    namespace: harness.config.temporal.namespace,
    taskQueue,
    deps: {
      db: options.workerDb ? options.workerDb(harness.db) : harness.db,
      logger: harness.logger,
      config: harness.config,
    },
    workflowBundle: { code: fs.readFileSync(requireTestEnv('workflowBundle'), 'utf8') },
  });
  const running = worker.run();
  return {
    async stop() {
      worker.shutdown();
      await running;
      await connection.close();
    },
  };
}
