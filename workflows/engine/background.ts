import { CancellationScope } from '@temporalio/workflow';

/**
 * Starts work that runs beside the phase loops (shipping events, delivering messages, commanding streams) out of reach
 * of a Temporal cancellation: it may be kicked from a handler, which runs in the workflow's root scope, and a
 * cancellation request must not fail what the workflow still owes (the read model, the team's messages, its streams'
 * stop commands). The workflow ends only once these are drained (WorkflowRun.drainBeforeEnd).
 */
export function inBackground<T>(work: () => Promise<T>): Promise<T> {
  return CancellationScope.nonCancellable(work);
}
