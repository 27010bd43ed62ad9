import { ActivityFailure, log, proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../../../activities';
import type { TMetricsBatchSignal } from '../messages';

/** How often a live stream's numbers are pulled from the analytics platform (pushed batches arrive on their own). */
export const LIVE_POLL_SECONDS = 60;

const { pullLiveMetrics } = proxyActivities<Activities>({
  startToCloseTimeout: '20 seconds',
  // A snapshot is only worth having now: a few quick tries, then the next poll.
  retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumAttempts: 3 },
});

/**
 * Pulls the platform's real-time numbers. The activity stores them (so the stream page charts them as they arrive)
 * and answers only the points it had not stored before, as the same batch shape pushed batches have. Missing numbers
 * are normal; an unavailable platform yields nothing and the no-data rule speaks.
 */
export async function pullLiveSnapshot(streamId: string): Promise<TMetricsBatchSignal | undefined> {
  try {
    return (await pullLiveMetrics({ streamId })) ?? undefined;
  } catch (error) {
    if (!(error instanceof ActivityFailure)) throw error;
    log.warn('live snapshot unavailable', { streamId, cause: error.cause?.message });
    return undefined;
  }
}
