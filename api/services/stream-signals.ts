import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { TBatchSummary } from '../../domain/metrics';
import type { Logger } from '../../runtime/logger';
import { metricsBatchSignal } from '../../workflows/stream/messages';

/**
 * Tells a stream workflow about one ingested batch (one signal per batch per stream, never per point). The points are
 * already stored, so a stream that has no running workflow (finished, or unknown id) loses nothing: the review reads
 * the stored series.
 */
export async function signalMetricsBatch(
  temporal: Client,
  logger: Logger,
  streamId: string,
  summary: TBatchSummary,
): Promise<void> {
  try {
    await temporal.workflow.getHandle(streamId).signal(metricsBatchSignal, { summary, source: 'pushed' });
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) {
      logger.info({ streamId }, 'metrics stored for a stream with no running workflow');
      return;
    }
    throw error;
  }
}
