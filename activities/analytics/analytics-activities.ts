import { ApplicationFailure } from '@temporalio/common';
import { ZMetricPointSchema, type TMetricPoint } from '../../domain/metrics';
import type { Db } from '../../runtime/db';
import type { Logger } from '../../runtime/logger';
import type { TLiveSnapshot } from './analytics.types';
import { AnalyticsError, type AnalyticsClient } from './client';
import { storeMetricPoints, type StoreResult } from './metric-store';

export interface CollectFinalStatsResult extends StoreResult {
  streamId: string;
  status: 'scheduled' | 'live' | 'ended';
  /** False for T+1 platforms until the numbers settle: the workflow may collect again later. */
  final: boolean;
  /** Points of the platform series that were usable (nulls and invalid readings are skipped, not fatal). */
  points: number;
  skipped: number;
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

  return {
    /** Real-time numbers of a live stream, for dashboards and metric rules that poll instead of being pushed to. */
    async fetchLiveSnapshot({ streamId }: { streamId: string }): Promise<TLiveSnapshot> {
      try {
        return await client().getLiveSnapshot(streamId);
      } catch (error) {
        throw toFailure(error);
      }
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
      const stored = await storeMetricPoints(db, points);
      logger.info(
        { streamId, status: stats.status, final: stats.final, ...stored, skipped },
        'final stream stats collected',
      );
      return {
        streamId,
        status: stats.status,
        final: stats.final,
        points: points.length,
        skipped,
        ...stored,
      };
    },
  };
}
