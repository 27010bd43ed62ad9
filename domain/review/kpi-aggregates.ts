import { pointTimeMs } from '../metrics/batch';
import type { TMetricName, TMetricPoint } from '../metrics/metric.types';
import type { TKpiName, TKpiTotals, TSeriesFacts } from './review.types';

const MINUTE_MS = 60_000;

interface TTimedValue {
  tsMs: number;
  value: number;
}

function byMetric(points: readonly TMetricPoint[]): Map<TMetricName, TTimedValue[]> {
  const out = new Map<TMetricName, TTimedValue[]>();
  points.forEach((point) => {
    const list = out.get(point.metric) ?? [];
    list.push({ tsMs: pointTimeMs(point), value: point.value });
    out.set(point.metric, list);
  });
  // Stable sort: on equal timestamps the later input (a corrected re-send) stays last and wins.
  for (const list of out.values()) list.sort((a, b) => a.tsMs - b.tsMs);
  return out;
}

/** One reading per observed minute (its latest), ascending. */
export function perMinute(values: readonly TTimedValue[]): Array<{ minute: number; value: number }> {
  const latest = new Map<number, number>();
  for (const v of values) latest.set(Math.floor(v.tsMs / MINUTE_MS), v.value);
  return [...latest.entries()].sort((a, b) => a[0] - b[0]).map(([minute, value]) => ({ minute, value }));
}

const mean = (xs: readonly number[]): number | undefined =>
  xs.length ? xs.reduce((sum, x) => sum + x, 0) / xs.length : undefined;

/**
 * Gauges are averaged per minute, not per reading: a platform that reports every 5 s during the busy hour and every
 * minute otherwise would otherwise drag the average towards the busy hour.
 */
const minuteMean = (values: readonly TTimedValue[] | undefined): number | undefined =>
  values ? mean(perMinute(values).map((m) => m.value)) : undefined;

/**
 * Counters are cumulative since the stream started, so the total is the latest reading. We deliberately do not sum
 * increments: a refund or a platform correction lowers the counter, and treating that as a reset would double-count.
 */
const latestValue = (values: readonly TTimedValue[] | undefined): number | undefined => values?.at(-1)?.value;

export function totalsFromSeries(points: readonly TMetricPoint[]): TKpiTotals {
  const series = byMetric(points);
  const peakCandidates = [...(series.get('viewers') ?? []), ...(series.get('peak_concurrent') ?? [])];
  const totals: Partial<Record<TKpiName, number | undefined>> = {
    avg_viewers: minuteMean(series.get('viewers')),
    peak_concurrent: peakCandidates.length ? Math.max(...peakCandidates.map((v) => v.value)) : undefined,
    gmv: latestValue(series.get('gmv')),
    orders: latestValue(series.get('orders')),
    conversion_rate: minuteMean(series.get('conversion_rate')),
    new_followers: latestValue(series.get('new_followers')),
    interactions: latestValue(series.get('interactions')),
    likes: latestValue(series.get('likes')),
    comments: latestValue(series.get('comments')),
    product_clicks: latestValue(series.get('product_clicks')),
    avg_dwell_seconds: minuteMean(series.get('dwell_seconds')),
  };
  // Some platforms report likes and comments but no combined interaction count; their sum is the honest stand-in.
  if (totals.interactions === undefined && (totals.likes !== undefined || totals.comments !== undefined)) {
    totals.interactions =
      (totals.likes ?? 0) + (totals.comments ?? 0) + (latestValue(series.get('shares')) ?? 0);
  }
  const out: TKpiTotals = {};
  for (const [kpi, value] of Object.entries(totals)) if (value !== undefined) out[kpi as TKpiName] = value;
  return out;
}

export function seriesFacts(points: readonly TMetricPoint[], streamStartMs?: number): TSeriesFacts {
  const viewers = perMinute(byMetric(points).get('viewers') ?? []);
  const firstTs = points.length ? Math.min(...points.map(pointTimeMs)) : undefined;
  const startMinute = Math.floor((streamStartMs ?? firstTs ?? 0) / MINUTE_MS);
  let steepest: { minute: number; drop: number } | undefined;
  for (let i = 1; i < viewers.length; i += 1) {
    const drop = viewers[i - 1]!.value - viewers[i]!.value;
    if (drop > 0 && (!steepest || drop > steepest.drop)) steepest = { minute: viewers[i - 1]!.minute, drop };
  }
  let peak: { minute: number; value: number } | undefined;
  for (const m of viewers) if (!peak || m.value > peak.value) peak = m;
  return {
    steepestViewerDropMinute: steepest ? steepest.minute - startMinute : undefined,
    peakViewersMinute: peak ? peak.minute - startMinute : undefined,
  };
}
