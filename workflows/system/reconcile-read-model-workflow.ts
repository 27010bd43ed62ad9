import { proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../../activities';
import type { ReconcileResult } from '../../activities/reconcile/closed-workflows';

const { reconcileClosedWorkflows } = proxyActivities<Activities>({
  startToCloseTimeout: '5 minutes',
  // The next scheduled pass retries anyway: a few attempts, then give way to it.
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumAttempts: 3 },
});

/**
 * One pass of the read-model reconciler (activities/reconcile): workflows that closed outside liveops are marked so,
 * and a terminated campaign's streams stopped. A Temporal Schedule runs it every minute (workers/system-schedules.ts).
 */
export async function reconcileReadModelWorkflow(): Promise<ReconcileResult> {
  return reconcileClosedWorkflows();
}
