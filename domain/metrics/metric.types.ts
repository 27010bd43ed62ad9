import { z } from 'zod';

import { METRIC_KINDS, type TMetricName } from './metric-kinds';

export { METRIC_KINDS, type TMetricKind, type TMetricName } from './metric-kinds';

export const ZMetricNameSchema = z.enum(Object.keys(METRIC_KINDS) as [TMetricName, ...TMetricName[]]);

/** Rates are fractions (0.034 = 3.4 %), not percentages: one convention everywhere, converted only for display. */
const RATE_METRICS: ReadonlySet<TMetricName> = new Set(['conversion_rate', 'click_through_rate']);

/** Everything except GMV counts something; a fractional viewer count is an upstream bug worth rejecting early. */
const INTEGER_METRICS: ReadonlySet<TMetricName> = new Set([
  'viewers',
  'peak_concurrent',
  'interactions',
  'likes',
  'comments',
  'shares',
  'new_followers',
  'product_clicks',
  'orders',
]);

export const ZMetricPointSchema = z
  .object({
    streamId: z.string().min(1).max(128),
    metric: ZMetricNameSchema,
    // An offset is required: a bare local time from a platform in another zone would silently shift by hours.
    ts: z.iso.datetime({ offset: true }),
    // z.number() already rejects NaN; every metric here is a count, amount, duration or rate, so none can be negative.
    value: z.number().finite().nonnegative(),
  })
  .superRefine((point, ctx) => {
    if (RATE_METRICS.has(point.metric) && point.value > 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['value'],
        message: `${point.metric} is a fraction between 0 and 1`,
      });
    }
    if (INTEGER_METRICS.has(point.metric) && !Number.isInteger(point.value)) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: `${point.metric} must be a whole number` });
    }
  });
export type TMetricPoint = z.infer<typeof ZMetricPointSchema>;

export const METRIC_BATCH_MAX_POINTS = 5000;

/** Body of the HTTP ingestion endpoint. */
export const ZMetricBatchSchema = z.object({
  points: z.array(ZMetricPointSchema).min(1).max(METRIC_BATCH_MAX_POINTS),
});
export type TMetricBatch = z.infer<typeof ZMetricBatchSchema>;

export interface TLatestReading {
  value: number;
  /** ISO timestamp as received (offset preserved). */
  ts: string;
  tsMs: number;
}

/** What a workflow receives per ingested batch (signals carry this, never one message per point). */
export interface TBatchSummary {
  count: number;
  /** Earliest and latest point timestamps (ISO, normalised to UTC); null for an empty batch. */
  from: string | null;
  to: string | null;
  /** Latest reading per stream and metric: a batch may mix streams. */
  latest: Record<string, Partial<Record<TMetricName, TLatestReading>>>;
}
