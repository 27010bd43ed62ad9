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
  /** Points per stream in the batch (as sent), for the answer. */
  streams: Array<{ streamId: string; points: number }>;
  /**
   * One summary per stream of the points that changed what is stored (new or corrected): the caller signals each such
   * stream's workflow once. A re-sent batch changes nothing and signals nobody, so it is never counted twice.
   */
  changed: Array<{ streamId: string; summary: TBatchSummary }>;
}

/**
 * Validates a pushed metric batch with the domain schema (a DomainError INVALID_INPUT with the zod issues when it is
 * malformed) and stores its points deduplicated by (stream, metric, timestamp).
 */
export async function ingestMetricBatch(db: Db, batch: unknown): Promise<IngestionResult> {
  const { points } = parseInput(ZMetricBatchSchema, batch, 'metric batch');
  const stored = await storeMetricPoints(db, points, 'pushed');
  return {
    accepted: stored.inserted,
    duplicates: stored.duplicates,
    corrected: stored.corrected,
    streams: [...byStream(points)].map(([streamId, list]) => ({ streamId, points: list.length })),
    changed: [...byStream(stored.changed)].map(([streamId, list]) => ({
      streamId,
      summary: summarizeBatch(list),
    })),
  };
}

function byStream(points: readonly TMetricPoint[]): Map<string, TMetricPoint[]> {
  const out = new Map<string, TMetricPoint[]>();
  for (const point of points) out.set(point.streamId, [...(out.get(point.streamId) ?? []), point]);
  return out;
}
