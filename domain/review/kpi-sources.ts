import type { TMetricName } from '../metrics/metric-kinds';
import type { TMetricSource } from '../stream/events.types';
import type { TKpiName } from './review.types';

/** The metric each KPI is computed from, so the report can name the source of every number. */
export const KPI_METRIC: Record<TKpiName, TMetricName> = {
  avg_viewers: 'viewers',
  peak_concurrent: 'viewers',
  gmv: 'gmv',
  orders: 'orders',
  conversion_rate: 'conversion_rate',
  new_followers: 'new_followers',
  interactions: 'interactions',
  likes: 'likes',
  comments: 'comments',
  product_clicks: 'product_clicks',
  avg_dwell_seconds: 'dwell_seconds',
};

export const SOURCE_LABELS: Record<TMetricSource, { 'zh-CN': string; en: string }> = {
  platform: { 'zh-CN': '平台接口', en: 'platform API' },
  pushed: { 'zh-CN': '推送数据', en: 'pushed' },
  simulated: { 'zh-CN': '模拟数据（非真实）', en: 'simulated (not real)' },
};
