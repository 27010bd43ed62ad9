import { ActivityFailure, log, proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../../../activities';
import {
  summarizeBatch,
  ZMetricPointSchema,
  type TBatchSummary,
  type TMetricPoint,
} from '../../../domain/metrics';

/** How often a live stream's numbers are pulled from the analytics platform (pushed batches arrive on their own). */
export const LIVE_POLL_SECONDS = 60;

const { fetchLiveSnapshot } = proxyActivities<Activities>({
  startToCloseTimeout: '20 seconds',
  // A snapshot is only worth having now: a few quick tries, then the next poll.
  retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumAttempts: 3 },
});

/**
 * Pulls the platform's real-time numbers and returns them as a batch summary, the same shape pushed batches have, so
 * both feed one path. Missing numbers are normal; an unavailable platform yields nothing and the no-data rule speaks.
 */
export async function pullLiveSnapshot(streamId: string): Promise<TBatchSummary | undefined> {
  try {
    const snapshot = await fetchLiveSnapshot({ streamId });
    const points = Object.entries(snapshot.metrics).flatMap(([metric, value]) => {
      const parsed = ZMetricPointSchema.safeParse({ streamId, metric, ts: snapshot.asOf, value });
      return value === null || !parsed.success ? [] : [parsed.data as TMetricPoint];
    });
    return points.length === 0 ? undefined : summarizeBatch(points);
  } catch (error) {
    if (!(error instanceof ActivityFailure)) throw error;
    log.warn('live snapshot unavailable', { streamId, cause: error.cause?.message });
    return undefined;
  }
}
