import { computeStreamKpis, totalsFromSeries } from '../../../domain/review';
import type { TMetricName, TMetricPoint } from '../../../domain/metrics';

const T0 = Date.parse('2024-11-11T12:00:00Z');
const MIN = 60_000;
const pt = (metric: TMetricName, ms: number, value: number): TMetricPoint => ({
  streamId: 's1',
  metric,
  ts: new Date(ms).toISOString(),
  value,
});

describe('totalsFromSeries', () => {
  it('takes the latest cumulative value for counters, by timestamp, not the sum or the last in input order', () => {
    const totals = totalsFromSeries([
      pt('gmv', T0 + 2 * MIN, 3000),
      pt('gmv', T0 + 1 * MIN, 1000),
      pt('gmv', T0 + 3 * MIN, 2900), // a refund lowered the counter: still the latest truth
      pt('gmv', T0 + 0 * MIN, 0),
      pt('orders', T0 + 3 * MIN, 12),
    ]);
    expect(totals.gmv).toBe(2900);
    expect(totals.orders).toBe(12);
  });

  it('averages gauges per minute, so dense sampling in one minute does not dominate', () => {
    const points = [
      ...Array.from({ length: 12 }, (_, i) => pt('viewers', T0 + i * 5000, 1000)), // 12 readings in minute 0
      pt('viewers', T0 + 1 * MIN, 200),
      pt('viewers', T0 + 2 * MIN, 300),
    ];
    expect(totalsFromSeries(points).avg_viewers).toBe(500);
  });

  it('takes peak concurrent as the max over viewer and peak readings', () => {
    const totals = totalsFromSeries([
      pt('viewers', T0, 800),
      pt('viewers', T0 + MIN, 1500),
      pt('peak_concurrent', T0, 1200),
    ]);
    expect(totals.peak_concurrent).toBe(1500);
  });

  it('derives interactions from likes, comments and shares only when the platform gives no interaction count', () => {
    const parts = [pt('likes', T0, 100), pt('comments', T0, 20), pt('shares', T0, 5)];
    expect(totalsFromSeries(parts).interactions).toBe(125);
    expect(totalsFromSeries([...parts, pt('interactions', T0, 400)]).interactions).toBe(400);
  });
});

describe('computeStreamKpis', () => {
  it('reports attainment against targets and leaves it undefined without a target', () => {
    const result = computeStreamKpis(
      { kind: 'totals', totals: { gmv: 56_000, orders: 300, avg_viewers: 900 } },
      { gmv: 50_000, orders: 400 },
    );
    const byKpi = Object.fromEntries(result.kpis.map((k) => [k.kpi, k]));
    expect(byKpi.gmv?.attainmentPct).toBeCloseTo(112, 10);
    expect(byKpi.orders?.attainmentPct).toBeCloseTo(75, 10);
    expect(byKpi.avg_viewers).toEqual({
      kpi: 'avg_viewers',
      actual: 900,
      target: undefined,
      attainmentPct: undefined,
    });
    expect(byKpi.likes?.actual).toBeUndefined();
    expect(result.highlights.map((h) => h.kpi)).toEqual(['gmv']);
    expect(result.highlights[0]?.text.en).toBe('GMV reached 112% of target (56,000 / 50,000)');
    expect(result.shortfalls.map((s) => s.kpi)).toEqual(['orders']);
    expect(result.shortfalls[0]?.text['zh-CN']).toContain('订单数仅达成 75%');
  });

  it('orders shortfalls worst first', () => {
    const result = computeStreamKpis(
      { kind: 'totals', totals: { gmv: 10, orders: 5, new_followers: 9 } },
      { gmv: 20, orders: 20, new_followers: 10 },
    );
    expect(result.shortfalls.map((s) => s.kpi)).toEqual(['orders', 'gmv', 'new_followers']);
  });

  it('suggests a try-on and lucky bag at the minute viewers dropped most when interaction is low', () => {
    const viewers = [500, 800, 1000, 950, 400, 380, 390];
    const points = [
      ...viewers.map((v, i) => pt('viewers', T0 + i * MIN + 10_000, v)),
      pt('interactions', T0 + 6 * MIN, 300),
    ];
    const result = computeStreamKpis({ kind: 'series', points, streamStartMs: T0 }, { interactions: 1000 });
    expect(result.facts.steepestViewerDropMinute).toBe(3); // 950 at minute 3 -> 400 at minute 4
    const suggestion = result.suggestions.find((s) => s.id === 'boost_interaction');
    expect(suggestion?.text.en).toContain('live try-on');
    expect(suggestion?.text.en).toContain('at minute 3');
    expect(suggestion?.text['zh-CN']).toContain('第 3 分钟');
  });

  it('suggests tightening the pitch and a flash sale only when conversion is far below target', () => {
    const run = (conversion_rate: number) =>
      computeStreamKpis(
        { kind: 'totals', totals: { conversion_rate } },
        { conversion_rate: 0.05 },
      ).suggestions.map((s) => s.id);
    expect(run(0.03)).toEqual(['fix_conversion']);
    expect(run(0.04)).toEqual([]);
  });

  it('flags a peak far above average viewers', () => {
    const ids = (peak: number) =>
      computeStreamKpis(
        { kind: 'totals', totals: { avg_viewers: 1000, peak_concurrent: peak } },
        {},
      ).suggestions.map((s) => s.id);
    expect(ids(2500)).toEqual(['retain_peak_traffic']);
    expect(ids(1500)).toEqual([]);
  });

  it('tells a traffic problem from an order-value problem when GMV falls short', () => {
    const traffic = computeStreamKpis(
      { kind: 'totals', totals: { gmv: 30_000, conversion_rate: 0.06, avg_viewers: 500 } },
      { gmv: 50_000, conversion_rate: 0.05, avg_viewers: 1000 },
    );
    expect(traffic.suggestions.map((s) => s.id)).toEqual(['bring_traffic']);
    const orderValue = computeStreamKpis(
      { kind: 'totals', totals: { gmv: 30_000, orders: 500 } },
      { gmv: 50_000, orders: 400 },
    );
    expect(orderValue.suggestions.map((s) => s.id)).toEqual(['raise_order_value']);
  });
});
