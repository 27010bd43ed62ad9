import type { TLocalizedText } from '../metrics/metric-rules.types';
import type { TKpiName } from './review.types';

export const KPI_LABELS: Record<TKpiName, TLocalizedText> = {
  avg_viewers: { 'zh-CN': '平均在线人数', en: 'average viewers' },
  peak_concurrent: { 'zh-CN': '在线峰值', en: 'peak concurrent viewers' },
  gmv: { 'zh-CN': 'GMV', en: 'GMV' },
  orders: { 'zh-CN': '订单数', en: 'orders' },
  conversion_rate: { 'zh-CN': '转化率', en: 'conversion rate' },
  new_followers: { 'zh-CN': '涨粉', en: 'new followers' },
  interactions: { 'zh-CN': '互动次数', en: 'interactions' },
  likes: { 'zh-CN': '点赞', en: 'likes' },
  comments: { 'zh-CN': '评论', en: 'comments' },
  product_clicks: { 'zh-CN': '商品点击', en: 'product clicks' },
  avg_dwell_seconds: { 'zh-CN': '平均停留时长', en: 'average dwell time' },
};

// Currency is left out on purpose: streams run on platforms in different currencies and the amount is what is compared.
const integerFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const amountFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** A KPI value for people: rates as percentages, durations in seconds, counts with grouping. */
export function formatKpiValue(kpi: TKpiName, value: number): string {
  if (kpi === 'conversion_rate') return `${(value * 100).toFixed(2)}%`;
  if (kpi === 'avg_dwell_seconds') return `${Math.round(value)} s`;
  if (kpi === 'gmv') return amountFormat.format(value);
  return integerFormat.format(value);
}
