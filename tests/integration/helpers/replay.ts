import type { Client } from '@temporalio/client';
import { Worker } from '@temporalio/worker';
import fs from 'node:fs';
import { requireTestEnv } from '../../setup/test-env';

/**
 * Replays every run of each workflow (continue-as-new included) against the current workflow code; throws on any
 * non-determinism. Returns how many runs were replayed.
 */
export async function replayAllRuns(client: Client, workflowIds: string[]): Promise<number> {
  const bundle = { code: fs.readFileSync(requireTestEnv('workflowBundle'), 'utf8') };
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
