import { ApplicationFailure } from '@temporalio/common';
import {
  summarizeBatch,
  ZMetricPointSchema,
  type TBatchSummary,
  type TMetricPoint,
} from '../../domain/metrics';
import type { TMetricSource } from '../../domain/stream/events.types';
import type { Db } from '../../runtime/db';
import type { Logger } from '../../runtime/logger';
import { AnalyticsError, type AnalyticsClient } from './client';
import { hasRealMetrics, storeMetricPoints, type StoreResult } from './metric-store';

export interface CollectFinalStatsResult extends Omit<StoreResult, 'changed'> {
  streamId: string;
  status: 'scheduled' | 'live' | 'ended';
  /** False for T+1 platforms until the numbers settle: the workflow may collect again later. */
  final: boolean;
  /** Points of the platform series that were usable (nulls and invalid readings are skipped, not fatal). */
  points: number;
  skipped: number;
  /** The simulator answered for a stream that has real numbers: nothing of it was stored. */
  simulatorIgnored: boolean;
}

/**
 * Turns client errors into Temporal failures: an unavailable platform is retried by Temporal with the activity's
 * retry policy (after which the workflow raises an alert); a 404, a rejected token or a malformed body is not.
 */
function toFailure(error: unknown): unknown {
  if (!(error instanceof AnalyticsError)) return error;
  return ApplicationFailure.create({
    type: `Analytics${error.kind === 'unavailable' ? 'Unavailable' : error.kind === 'not_found' ? 'NotFound' : 'Error'}`,
    message: error.message,
    nonRetryable: !error.retryable,
    details: [{ kind: error.kind, status: error.status ?? null, attempts: error.attempts ?? null }],
  });
}

export function createAnalyticsActivities({
  db,
  logger,
  analytics,
}: {
  db: Db;
  logger: Logger;
  analytics?: AnalyticsClient;
}) {
  function client(): AnalyticsClient {
    if (analytics) return analytics;
    throw ApplicationFailure.create({
      type: 'AnalyticsNotConfigured',
      message: 'no analytics client: set ANALYTICS_BASE_URL or run the embedded platform simulator',
      nonRetryable: true,
    });
  }

  /**
   * The simulator stands in for a stream only while nothing real arrived for it: once an integration pushed a batch (or
   * the platform answered), its generated numbers are not stored, so no view of the stream can mix them in.
   */
  const simulatorFeedStopped = async (simulated: boolean | undefined, streamId: string) =>
    simulated === true && (await hasRealMetrics(db, streamId));

  return {
    /**
     * Real-time numbers of a live stream, stored as they arrive (the stream page charts them during the live), and
     * answered as a batch of the points that were new, so a repeated reading is never counted twice.
     */
    async pullLiveMetrics({
      streamId,
    }: {
      streamId: string;
    }): Promise<{ summary: TBatchSummary; source: TMetricSource } | null> {
      let snapshot;
      try {
        snapshot = await client().getLiveSnapshot(streamId);
      } catch (error) {
        throw toFailure(error);
      }
      if (await simulatorFeedStopped(snapshot.simulated, streamId)) return null;
      const source: TMetricSource = snapshot.simulated ? 'simulated' : 'platform';
      const points = Object.entries(snapshot.metrics).flatMap(([metric, value]) => {
        const parsed = ZMetricPointSchema.safeParse({ streamId, metric, ts: snapshot.asOf, value });
        return value === null || !parsed.success ? [] : [parsed.data];
      });
      const stored = await storeMetricPoints(db, points, source);
      return stored.changed.length === 0 ? null : { summary: summarizeBatch(stored.changed), source };
    },

    /**
     * Final stats of a stream, stored as MetricPoint rows (deduplicated) so the review reads one place whether the
     * numbers were pushed during the stream or pulled afterwards. Safe to run again: a repeat stores nothing new.
     */
    async collectFinalStats({ streamId }: { streamId: string }): Promise<CollectFinalStatsResult> {
      let stats;
      try {
        stats = await client().getStreamStats(streamId);
      } catch (error) {
        throw toFailure(error);
      }
      const simulatorIgnored = await simulatorFeedStopped(stats.simulated, streamId);
      const points: TMetricPoint[] = [];
      let skipped = 0;
      for (const series of stats.series) {
        for (const reading of series.points) {
          const parsed = ZMetricPointSchema.safeParse({
            streamId,
            metric: series.metric,
            ts: reading.ts,
            value: reading.value,
          });
          if (parsed.success) points.push(parsed.data);
          else skipped++;
        }
      }
      const { changed: _changed, ...stored } = await storeMetricPoints(
        db,
        simulatorIgnored ? [] : points,
        stats.simulated ? 'simulated' : 'platform',
      );
      logger.info(
        { streamId, status: stats.status, final: stats.final, ...stored, skipped, simulatorIgnored },
        'final stream stats collected',
      );
      return {
        streamId,
        status: stats.status,
        final: stats.final,
        points: points.length,
        skipped,
        simulatorIgnored,
        ...stored,
      };
    },
  };
}
