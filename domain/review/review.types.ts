import { z } from 'zod';
import { ZMetricPointSchema } from '../metrics/metric.types';
import type { TLocalizedText } from '../metrics/metric-rules.types';

/**
 * Stream KPIs and the aggregate behind each (see kpi-aggregates.ts for the why):
 * - avg_viewers, avg_dwell_seconds, conversion_rate: mean of per-minute readings (each minute's latest), so uneven
 *   sampling does not skew the mean;
 * - peak_concurrent: max over viewers and peak_concurrent readings;
 * - gmv, orders, new_followers, interactions, likes, comments, product_clicks: the latest cumulative value.
 */
export const KPI_NAMES = [
  'avg_viewers',
  'peak_concurrent',
  'gmv',
  'orders',
  'conversion_rate',
  'new_followers',
  'interactions',
  'likes',
  'comments',
  'product_clicks',
  'avg_dwell_seconds',
] as const;
export const ZKpiNameSchema = z.enum(KPI_NAMES);
export type TKpiName = z.infer<typeof ZKpiNameSchema>;

export const ZKpiTotalsSchema = z.partialRecord(ZKpiNameSchema, z.number().finite().nonnegative());
export type TKpiTotals = z.infer<typeof ZKpiTotalsSchema>;

/** Targets must be positive: attainment against a zero target is meaningless. */
export const ZKpiTargetsSchema = z.partialRecord(ZKpiNameSchema, z.number().finite().positive());
export type TKpiTargets = z.infer<typeof ZKpiTargetsSchema>;

export const ZStreamKpiSourceSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('series'),
    points: z.array(ZMetricPointSchema),
    /** Minute 0 for "at minute X" suggestions; defaults to the first point. */
    streamStartMs: z.number().optional(),
  }),
  /** Platforms with T+1 data deliver end-of-stream totals only. */
  z.object({ kind: z.literal('totals'), totals: ZKpiTotalsSchema }),
]);
export type TStreamKpiSource = z.infer<typeof ZStreamKpiSourceSchema>;

export interface TKpiResult {
  kpi: TKpiName;
  actual: number | undefined;
  target: number | undefined;
  /** actual / target * 100; undefined when there is no target or no actual. */
  attainmentPct: number | undefined;
}

export interface TKpiNote {
  kpi: TKpiName;
  text: TLocalizedText;
}

export interface TReviewSuggestion {
  id:
    | 'boost_interaction'
    | 'fix_conversion'
    | 'retain_peak_traffic'
    | 'grow_followers'
    | 'bring_traffic'
    | 'raise_order_value';
  text: TLocalizedText;
}

/** Facts only a time series can give; absent for totals-only input. */
export interface TSeriesFacts {
  /** Minute (from stream start) where viewers fell the most from one observed minute to the next. */
  steepestViewerDropMinute: number | undefined;
  /** Minute (from stream start) with the most viewers. */
  peakViewersMinute: number | undefined;
}

export interface TStreamKpis {
  kpis: TKpiResult[];
  highlights: TKpiNote[];
  shortfalls: TKpiNote[];
  suggestions: TReviewSuggestion[];
  facts: TSeriesFacts;
}
