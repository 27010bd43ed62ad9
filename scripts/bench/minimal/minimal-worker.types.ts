/** The environment and IPC messages shared by the bench and the minimal worker process. */

export const MINIMAL_WORKER_ENV = {
  target: 'BENCH_TARGET_DIR',
  address: 'BENCH_TEMPORAL_ADDRESS',
  taskQueue: 'BENCH_MINIMAL_TASK_QUEUE',
} as const;

export type MinimalWorkerMessage =
  | { kind: 'minimal-ready' }
  | { kind: 'minimal-status-request' }
  | { kind: 'minimal-status'; cachedWorkflows: number };
