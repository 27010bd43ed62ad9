// Plain values (no schema library): workflow code imports this file.

/**
 * How each metric behaves over time decides how it may be aggregated:
 * - gauge: an instantaneous reading (concurrent viewers now, the platform's current conversion rate); per minute we keep
 *   the last reading, over a stream we average or take the max.
 * - counter: cumulative since the stream started (GMV so far, orders so far), as the analytics APIs deliver them; the
 *   stream total is the last value, never the sum of readings.
 */
export const METRIC_KINDS = {
  viewers: 'gauge',
  peak_concurrent: 'gauge',
  dwell_seconds: 'gauge',
  conversion_rate: 'gauge',
  click_through_rate: 'gauge',
  interactions: 'counter',
  likes: 'counter',
  comments: 'counter',
  shares: 'counter',
  new_followers: 'counter',
  product_clicks: 'counter',
  orders: 'counter',
  gmv: 'counter',
} as const;

export type TMetricName = keyof typeof METRIC_KINDS;
export type TMetricKind = (typeof METRIC_KINDS)[TMetricName];
