/**
 * A separate process that runs only the minimal workflow, with the target checkout's Temporal SDK and the SDK's
 * default worker options (cache size included), so its memory per cached workflow is the SDK's own cost.
 * Started by the bench (minimal-worker-process.ts); tells it over IPC when it polls and how many workflows it caches.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type * as TemporalWorker from '@temporalio/worker';
import { MINIMAL_WORKER_ENV, type MinimalWorkerMessage } from './minimal-worker.types';

function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set (the bench sets it)`);
  return value;
}

async function main(): Promise<void> {
  const target = requiredEnv(MINIMAL_WORKER_ENV.target);
  const targetModules = path.join(target, 'node_modules');
  // The SDK the target runs with, not the bench's copy, in case the two checkouts differ.
  const requireFromTarget = createRequire(path.join(target, 'package.json'));
  const { NativeConnection, Worker } = requireFromTarget('@temporalio/worker') as typeof TemporalWorker;
  const worker = await Worker.create({
    connection: await NativeConnection.connect({ address: requiredEnv(MINIMAL_WORKER_ENV.address) }),
    namespace: 'default',
    taskQueue: requiredEnv(MINIMAL_WORKER_ENV.taskQueue),
    workflowsPath: path.join(__dirname, 'minimal-workflow.ts'),
    bundlerOptions: {
      webpackConfigHook: (config) => ({
        ...config,
        resolve: {
          ...config.resolve,
          // After the SDK's own overrides, before the usual lookup (which starts beside this file, in the bench).
          modules: [
            ...(config.resolve?.modules ?? []).filter((dir) => dir !== 'node_modules'),
            targetModules,
            'node_modules',
          ],
        },
      }),
    },
  });
  process.on('message', (message: unknown) => {
    if ((message as Partial<MinimalWorkerMessage>)?.kind !== 'minimal-status-request') return;
    process.send?.({
      kind: 'minimal-status',
      cachedWorkflows: worker.getStatus().numCachedWorkflows,
    } satisfies MinimalWorkerMessage);
  });
  const running = worker.run();
  process.send?.({ kind: 'minimal-ready' } satisfies MinimalWorkerMessage);
  await running; // the SDK's own SIGINT/SIGTERM handling shuts the worker down and resolves this
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error('minimal worker failed:', error);
  process.exit(1);
});
