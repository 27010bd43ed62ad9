import type { Client } from '@temporalio/client';
import { bundleWorkflowCode, Worker } from '@temporalio/worker';
import fs from 'node:fs';
import { requireTestEnv } from '../../setup/test-env';

const bundles = new Map<string, Promise<{ code: string }>>();

/** The run's shared bundle, or one with workflow interceptor modules bundled in (built once per set). */
function bundleFor(interceptorModules: readonly string[]): Promise<{ code: string }> {
  if (interceptorModules.length === 0)
    return Promise.resolve({ code: fs.readFileSync(requireTestEnv('workflowBundle'), 'utf8') });
  const key = interceptorModules.join('|');
  if (!bundles.has(key))
    bundles.set(
      key,
      bundleWorkflowCode({
        workflowsPath: require.resolve('../../../workflows'),
        workflowInterceptorModules: [...interceptorModules],
        logger: {
          log: () => undefined,
          trace: () => undefined,
          debug: () => undefined,
          info: () => undefined,
          warn: () => undefined,
          error: console.error,
        },
      }),
    );
  return bundles.get(key)!;
}

/**
 * Replays every run of each workflow (continue-as-new included) against the current workflow code; throws on any
 * non-determinism. Histories made by a worker with workflow interceptors replay with the same interceptors.
 * Returns how many runs were replayed.
 */
export async function replayAllRuns(
  client: Client,
  workflowIds: string[],
  options: { interceptorModules?: readonly string[] } = {},
): Promise<number> {
  const bundle = await bundleFor(options.interceptorModules ?? []);
  let runs = 0;
  for (const workflowId of workflowIds) {
    const { executions } = await client.workflowService.listWorkflowExecutions({
      namespace: 'default',
      query: `WorkflowId = '${workflowId}'`,
    });
    for (const execution of executions ?? []) {
      const history = await client.workflow.getHandle(workflowId, execution.execution!.runId!).fetchHistory();
      await Worker.runReplayHistory({ workflowBundle: bundle }, history, workflowId);
      runs += 1;
    }
  }
  return runs;
}
