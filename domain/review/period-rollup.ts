import type { TKpiName, TKpiTotals } from './review.types';

/**
 * How one KPI of many streams adds up to a period's number (日报 / 周报 / 月报):
 * - counters (GMV, orders, followers, interactions, likes, comments, clicks) are summed: each stream's total is its own;
 * - the peak is the highest of the streams' peaks;
 * - per-stream averages and rates (viewers, dwell time, conversion) are averaged over the streams that reported them:
 *   the platforms give no unique-viewer counts to weight them by, and a stream without the number is left out rather
 *   than counted as zero.
 */
const ROLLUP: Record<TKpiName, 'sum' | 'max' | 'mean'> = {
  avg_viewers: 'mean',
  peak_concurrent: 'max',
  gmv: 'sum',
  orders: 'sum',
  conversion_rate: 'mean',
  new_followers: 'sum',
  interactions: 'sum',
  likes: 'sum',
  comments: 'sum',
  product_clicks: 'sum',
  avg_dwell_seconds: 'mean',
};

/** The numbers a period report leads with, in this order (a mail shows the first six; the CSV has every KPI). */
export const PERIOD_HEADLINE_KPIS: readonly TKpiName[] = [
  'gmv',
  'orders',
  'avg_viewers',
  'peak_concurrent',
  'conversion_rate',
  'new_followers',
  'interactions',
  'product_clicks',
];

export function rollupKpis(streams: readonly TKpiTotals[]): TKpiTotals {
  const out: TKpiTotals = {};
  for (const [kpi, how] of Object.entries(ROLLUP) as Array<[TKpiName, 'sum' | 'max' | 'mean']>) {
    const values = streams.map((totals) => totals[kpi]).filter((v): v is number => v !== undefined);
    if (values.length === 0) continue;
    const sum = values.reduce((a, b) => a + b, 0);
    out[kpi] = how === 'sum' ? sum : how === 'max' ? Math.max(...values) : sum / values.length;
  }
  return out;
}

/** This period against the one before, in percent (120 = a fifth more); undefined without both numbers. */
export function periodChangePct(
  current: number | undefined,
  previous: number | undefined,
): number | undefined {
  if (current === undefined || previous === undefined || previous <= 0) return undefined;
  return (current / previous) * 100;
}
