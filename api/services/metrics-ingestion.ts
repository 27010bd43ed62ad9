import {
  ZMetricBatchSchema,
  summarizeBatch,
  type TBatchSummary,
  type TMetricPoint,
} from '../../domain/metrics';
import { parseInput } from '../../domain/shared/parse-input';
import { storeMetricPoints } from '../../activities/analytics/metric-store';
import type { Db } from '../../runtime/db';

export interface IngestionResult {
  /** Points stored for the first time. */
  accepted: number;
  /** Points already stored (or repeated within the batch): accepted idempotently, nothing stored twice. */
  duplicates: number;
  /** Of the duplicates, those whose value changed (a platform re-sent a corrected number): the newest value wins. */
  corrected: number;
  /** One summary per stream in the batch: the caller signals each stream's workflow once per batch. */
  streams: Array<{ streamId: string; summary: TBatchSummary }>;
}

/**
 * Validates a pushed metric batch with the domain schema (a DomainError INVALID_INPUT with the zod issues when it is
 * malformed) and stores its points deduplicated by (stream, metric, timestamp).
 */
export async function ingestMetricBatch(db: Db, batch: unknown): Promise<IngestionResult> {
  const { points } = parseInput(ZMetricBatchSchema, batch, 'metric batch');
  const stored = await storeMetricPoints(db, points);
  const byStream = new Map<string, TMetricPoint[]>();
  for (const point of points) {
    const list = byStream.get(point.streamId) ?? [];
    list.push(point);
    byStream.set(point.streamId, list);
  }
  return {
    accepted: stored.inserted,
    duplicates: stored.duplicates,
    corrected: stored.corrected,
    streams: [...byStream].map(([streamId, streamPoints]) => ({
      streamId,
      summary: summarizeBatch(streamPoints),
    })),
  };
}
