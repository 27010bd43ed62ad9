import {
  dedupePoints,
  METRIC_BATCH_MAX_POINTS,
  pointsFromSummary,
  summarizeBatch,
  ZMetricBatchSchema,
  ZMetricPointSchema,
} from '../../../domain/metrics';
import type { TMetricPoint } from '../../../domain/metrics';

const point = (over: Partial<TMetricPoint> = {}): TMetricPoint => ({
  streamId: 's1',
  metric: 'viewers',
  ts: '2024-06-18T20:00:00+08:00',
  value: 100,
  ...over,
});

describe('ZMetricPointSchema', () => {
  it('accepts offsets and Z', () => {
    expect(ZMetricPointSchema.safeParse(point()).success).toBe(true);
    expect(ZMetricPointSchema.safeParse(point({ ts: '2024-06-18T12:00:00.250Z' })).success).toBe(true);
  });

  it('rejects timestamps without an offset, unknown metrics, NaN and negative values', () => {
    expect(ZMetricPointSchema.safeParse(point({ ts: '2024-06-18T20:00:00' })).success).toBe(false);
    expect(ZMetricPointSchema.safeParse({ ...point(), metric: 'vibes' }).success).toBe(false);
    expect(ZMetricPointSchema.safeParse(point({ value: Number.NaN })).success).toBe(false);
    expect(ZMetricPointSchema.safeParse(point({ value: Number.POSITIVE_INFINITY })).success).toBe(false);
    expect(ZMetricPointSchema.safeParse(point({ metric: 'gmv', value: -1 })).success).toBe(false);
  });

  it('keeps rates as fractions and counts as whole numbers', () => {
    expect(ZMetricPointSchema.safeParse(point({ metric: 'conversion_rate', value: 0.034 })).success).toBe(
      true,
    );
    expect(ZMetricPointSchema.safeParse(point({ metric: 'conversion_rate', value: 3.4 })).success).toBe(
      false,
    );
    expect(ZMetricPointSchema.safeParse(point({ metric: 'orders', value: 2.5 })).success).toBe(false);
    expect(ZMetricPointSchema.safeParse(point({ metric: 'gmv', value: 199.9 })).success).toBe(true);
  });
});

describe('ZMetricBatchSchema', () => {
  it('takes 1..5000 points', () => {
    expect(ZMetricBatchSchema.safeParse({ points: [] }).success).toBe(false);
    expect(ZMetricBatchSchema.safeParse({ points: [point()] }).success).toBe(true);
    const full = Array.from({ length: METRIC_BATCH_MAX_POINTS }, () => point());
    expect(ZMetricBatchSchema.safeParse({ points: full }).success).toBe(true);
    expect(ZMetricBatchSchema.safeParse({ points: [...full, point()] }).success).toBe(false);
  });

  it('points at the offending point in the error path', () => {
    const result = ZMetricBatchSchema.safeParse({ points: [point(), point({ value: -3 })] });
    expect(result.error?.issues[0]?.path).toEqual(['points', 1, 'value']);
  });
});

describe('dedupePoints', () => {
  it('keeps one point per (stream, metric, instant), the last one winning, in first-seen order', () => {
    const out = dedupePoints([
      point({ value: 1 }),
      point({ metric: 'likes', value: 5 }),
      // Same instant written in UTC: a duplicate, and the corrected value wins.
      point({ ts: '2024-06-18T12:00:00Z', value: 2 }),
      point({ streamId: 's2', value: 3 }),
    ]);
    expect(out.map((p) => [p.streamId, p.metric, p.value])).toEqual([
      ['s1', 'viewers', 2],
      ['s1', 'likes', 5],
      ['s2', 'viewers', 3],
    ]);
  });
});

describe('summarizeBatch', () => {
  it('reports count, span and the latest reading per stream and metric by timestamp, not arrival', () => {
    const summary = summarizeBatch([
      point({ ts: '2024-06-18T20:02:00+08:00', value: 300 }),
      point({ ts: '2024-06-18T20:00:00+08:00', value: 100 }), // arrives late, is older
      point({ metric: 'gmv', ts: '2024-06-18T12:01:00Z', value: 5000 }),
      point({ streamId: 's2', ts: '2024-06-18T12:05:00Z', value: 7 }),
    ]);
    expect(summary.count).toBe(4);
    expect(summary.from).toBe('2024-06-18T12:00:00.000Z');
    expect(summary.to).toBe('2024-06-18T12:05:00.000Z');
    expect(summary.latest.s1?.viewers?.value).toBe(300);
    expect(summary.latest.s1?.gmv?.value).toBe(5000);
    expect(summary.latest.s2?.viewers?.value).toBe(7);
    expect(
      pointsFromSummary(summary, 's1')
        .map((p) => `${p.metric}=${p.value}`)
        .sort(),
    ).toEqual(['gmv=5000', 'viewers=300']);
  });

  it('handles an empty batch', () => {
    expect(summarizeBatch([])).toEqual({ count: 0, from: null, to: null, latest: {} });
  });
});
