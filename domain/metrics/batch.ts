import type { TBatchSummary, TMetricPoint } from './metric.types';

/** Epoch ms of a point's ISO timestamp; two spellings of one instant (+08:00 vs Z) must collide when deduping. */
export function pointTimeMs(point: Pick<TMetricPoint, 'ts'>): number {
  const ms = Date.parse(point.ts);
  if (Number.isNaN(ms)) throw new RangeError(`invalid metric timestamp: ${point.ts}`);
  return ms;
}

/**
 * Removes duplicate readings of the same (streamId, metric, instant). The last one in input order wins, because
 * platforms re-send corrected values. Output keeps the position of each key's first occurrence, so it is stable.
 */
export function dedupePoints(points: readonly TMetricPoint[]): TMetricPoint[] {
  const indexByKey = new Map<string, number>();
  const out: TMetricPoint[] = [];
  for (const point of points) {
    const key = `${point.streamId}\u0000${point.metric}\u0000${pointTimeMs(point)}`;
    const existing = indexByKey.get(key);
    if (existing === undefined) {
      indexByKey.set(key, out.length);
      out.push(point);
    } else {
      out[existing] = point;
    }
  }
  return out;
}

/**
 * Condenses a batch into what a workflow needs: size, time span and the latest reading per stream and metric. "Latest"
 * is by timestamp, not arrival order, so a late point inside the batch cannot overwrite a newer reading; on equal
 * timestamps the later point in the batch wins, as in dedupePoints.
 */
export function summarizeBatch(points: readonly TMetricPoint[]): TBatchSummary {
  let fromMs = Number.POSITIVE_INFINITY;
  let toMs = Number.NEGATIVE_INFINITY;
  const latest: TBatchSummary['latest'] = {};
  for (const point of points) {
    const tsMs = pointTimeMs(point);
    fromMs = Math.min(fromMs, tsMs);
    toMs = Math.max(toMs, tsMs);
    const perStream = (latest[point.streamId] ??= {});
    const current = perStream[point.metric];
    if (!current || tsMs >= current.tsMs)
      perStream[point.metric] = { value: point.value, ts: point.ts, tsMs };
  }
  return {
    count: points.length,
    from: points.length ? new Date(fromMs).toISOString() : null,
    to: points.length ? new Date(toMs).toISOString() : null,
    latest,
  };
}

/** The latest readings of one stream from a batch summary, as points for evaluateMetricRules. */
export function pointsFromSummary(summary: TBatchSummary, streamId: string): TMetricPoint[] {
  const latest = summary.latest[streamId] ?? {};
  return Object.entries(latest).flatMap(([metric, reading]) =>
    reading
      ? [{ streamId, metric: metric as TMetricPoint['metric'], ts: reading.ts, value: reading.value }]
      : [],
  );
}
