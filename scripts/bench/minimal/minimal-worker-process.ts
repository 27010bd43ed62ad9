import path from 'node:path';
import { inheritedEnvWithoutAppSettings } from '../app/app-instance';
import { onCleanup } from '../infra/cleanup';
import { startNodeChild, type MeasuredChild } from '../infra/child-process';
import { MINIMAL_WORKER_ENV, type MinimalWorkerMessage } from './minimal-worker.types';

const READY_TIMEOUT_MS = 3 * 60_000;
const STATUS_TIMEOUT_MS = 10_000;

export const MINIMAL_TASK_QUEUE = 'bench-minimal';
export const MINIMAL_WORKFLOW_TYPE = 'minimalWorkflow';

export interface MinimalWorker {
  process: MeasuredChild;
  taskQueue: string;
  /** How many workflows the SDK holds in its cache right now (the worker's own count). */
  cachedWorkflows(): Promise<number>;
}

/** Starts the minimal workflow's worker in its own process, on its own task queue of the app's Temporal server. */
export async function startMinimalWorker(options: {
  target: string;
  temporalAddress: string;
  workDir: string;
}): Promise<MinimalWorker> {
  const child = startNodeChild({
    name: 'minimal worker',
    cwd: options.target,
    script: path.join(__dirname, 'minimal-worker.ts'),
    logFile: path.join(options.workDir, 'minimal-worker.log'),
    env: {
      ...inheritedEnvWithoutAppSettings(),
      [MINIMAL_WORKER_ENV.target]: options.target,
      [MINIMAL_WORKER_ENV.address]: options.temporalAddress,
      [MINIMAL_WORKER_ENV.taskQueue]: MINIMAL_TASK_QUEUE,
    },
  });
  onCleanup('minimal worker', () => child.stop());

  const listeners = new Set<(message: MinimalWorkerMessage) => void>();
  child.onMessage((message) => listeners.forEach((listener) => listener(message as MinimalWorkerMessage)));
  const next = <K extends MinimalWorkerMessage['kind']>(kind: K, timeoutMs: number) =>
    new Promise<Extract<MinimalWorkerMessage, { kind: K }>>((resolve, reject) => {
      const timer = setTimeout(() => {
        listeners.delete(listener);
        reject(new Error(`minimal worker: no ${kind} within ${timeoutMs} ms:\n${child.logTail()}`));
      }, timeoutMs);
      const listener = (message: MinimalWorkerMessage) => {
        if (message.kind !== kind) return;
        clearTimeout(timer);
        listeners.delete(listener);
        resolve(message as Extract<MinimalWorkerMessage, { kind: K }>);
      };
      listeners.add(listener);
    });

  // Resolve-only promises: whichever loses the race must not become an unhandled rejection later.
  const ready = next('minimal-ready', READY_TIMEOUT_MS).then(
    () => undefined,
    (error: unknown) => error as Error,
  );
  const exitedEarly = child.exited.then(
    (code) => new Error(`minimal worker exited (${code}):\n${child.logTail()}`),
  );
  const failure = await Promise.race([ready, exitedEarly]);
  if (failure) throw failure;
  return {
    process: child,
    taskQueue: MINIMAL_TASK_QUEUE,
    async cachedWorkflows() {
      const status = next('minimal-status', STATUS_TIMEOUT_MS);
      child.send({ kind: 'minimal-status-request' } satisfies MinimalWorkerMessage);
      return (await status).cachedWorkflows;
    },
  };
}
