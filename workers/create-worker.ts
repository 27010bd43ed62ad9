import { Client } from '@temporalio/client';
import { type NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import { createActivities, type Activities, type ActivityDeps } from '../activities';

export interface CreateWorkerOptions {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  deps: ActivityDeps;
  /** Pre-built bundle (tests build it once per run); otherwise the workflows folder is bundled at start. */
  workflowBundle?: WorkerOptions['workflowBundle'];
  workflowsPath?: string;
  /** Tests only, with `workflowsPath`: workflow interceptor modules bundled in (fault injection at Temporal's edge). */
  workflowInterceptorModules?: string[];
  /** Tests only: wraps the real activities (slow one down, make one fail for a while). */
  wrapActivities?: (activities: Activities) => Activities;
  /** Workflows kept in memory; each cached stream costs its state plus the workflow code's module instances. */
  maxCachedWorkflows?: number;
}

export async function createWorker(options: CreateWorkerOptions): Promise<Worker> {
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue,
    activities: (options.wrapActivities ?? ((a: Activities) => a))(
      createActivities({
        // Activities that start or steer other workflows (a campaign's children, a schedule's stream) use the
        // worker's own connection: no second connection to configure.
        temporal: new Client({ connection: options.connection, namespace: options.namespace }),
        ...options.deps,
      }),
    ),
    ...(options.maxCachedWorkflows === undefined ? {} : { maxCachedWorkflows: options.maxCachedWorkflows }),
    ...(options.workflowBundle
      ? { workflowBundle: options.workflowBundle }
      : { workflowsPath: options.workflowsPath ?? require.resolve('../workflows') }),
    ...(options.workflowInterceptorModules === undefined
      ? {}
      : { interceptors: { workflowModules: options.workflowInterceptorModules } }),
  });
}
