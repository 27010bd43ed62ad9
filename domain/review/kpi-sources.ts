import type { TMetricName } from '../metrics/metric-kinds';
import { SOURCE_PRECEDENCE } from '../metrics/metric-sources';
import type { TMetricSource } from '../stream/events.types';
import type { TKpiName } from './review.types';

/**
 * The metrics each KPI is computed from (kpi-aggregates.ts), so the report can name the source of every number: the
 * first alternative that has numbers is the one used, and all metrics of it count (the peak is the highest of viewers
 * and peak readings; interactions fall back to likes + comments + shares when no interaction count came).
 */
export const KPI_METRICS: Record<TKpiName, ReadonlyArray<readonly TMetricName[]>> = {
  avg_viewers: [['viewers']],
  peak_concurrent: [['viewers', 'peak_concurrent']],
  gmv: [['gmv']],
  orders: [['orders']],
  conversion_rate: [['conversion_rate']],
  new_followers: [['new_followers']],
  interactions: [['interactions'], ['likes', 'comments', 'shares']],
  likes: [['likes']],
  comments: [['comments']],
  product_clicks: [['product_clicks']],
  avg_dwell_seconds: [['dwell_seconds']],
};

/** The sources a KPI's number was computed from, most trusted first (empty: no number). */
export function kpiSources(
  kpi: TKpiName,
  sourceOf: Partial<Record<TMetricName, TMetricSource>>,
): TMetricSource[] {
  for (const metrics of KPI_METRICS[kpi]) {
    const used = new Set(metrics.map((metric) => sourceOf[metric]));
    const sources = SOURCE_PRECEDENCE.filter((source) => used.has(source));
    if (sources.length > 0) return sources;
  }
  return [];
}

export const SOURCE_LABELS: Record<TMetricSource, { 'zh-CN': string; en: string }> = {
  platform: { 'zh-CN': '平台接口', en: 'platform API' },
  pushed: { 'zh-CN': '推送数据', en: 'pushed' },
  simulated: { 'zh-CN': '模拟数据（非真实）', en: 'simulated (not real)' },
};
