import { storeMetricPoints } from '../../activities/analytics/metric-store';
import { createReportActivities, reviewReportId } from '../../activities/reports/stream-review';
import type { TMetricPoint } from '../../domain/metrics';
import { parseConfig } from '../../runtime/config';
import { createDb, type Db } from '../../runtime/db';
import { createLogger } from '../../runtime/logger';
import { requireTestEnv } from '../setup/test-env';
import { uniqueId } from './helpers/harness';

describe('buildStreamReview', () => {
  let db: Db;
  const logger = createLogger({ log: { level: 'warn', format: 'json' } });

  beforeAll(() => {
    db = createDb(
      parseConfig({
        DATABASE_URL: requireTestEnv('databaseUrl'),
        LIVEOPS_DATA_DIR: requireTestEnv('workDir'),
      }),
    );
  });
  afterAll(async () => {
    await db?.$disconnect();
  });

  it('reports exactly the numbers of the series fed in, idempotently, with chart, table and CSV', async () => {
    const streamId = uniqueId('review');
    const start = Date.parse('2026-11-11T12:00:00Z');
    const ts = (m: number) => new Date(start + m * 60_000).toISOString();
    const viewers = [100, 300, 500, 400];
    const conversion = [0.02, 0.04, 0.03, 0.01];
    const gmv = [0, 1000, 2500, 4000];
    const points: TMetricPoint[] = viewers.flatMap((v, m) => [
      { streamId, metric: 'viewers' as const, ts: ts(m), value: v },
      { streamId, metric: 'conversion_rate' as const, ts: ts(m), value: conversion[m]! },
      { streamId, metric: 'gmv' as const, ts: ts(m), value: gmv[m]! },
      { streamId, metric: 'orders' as const, ts: ts(m), value: m * 10 },
    ]);
    await storeMetricPoints(db, points, 'pushed');
    const { buildStreamReview } = createReportActivities({ db, logger });
    const input = {
      streamId,
      title: '双11 <美妆> 专场',
      timeZone: 'Asia/Shanghai',
      targets: { gmv: 5000, viewers: 250, conversionRate: 0.02, peakConcurrent: 0 },
      locale: 'zh-CN' as const,
    };
    const result = await buildStreamReview(input);
    const kpi = (name: string) => result.kpis.find((k) => k.kpi === name)!;
    expect(result.reportId).toBe(reviewReportId(streamId));
    expect(kpi('gmv')).toMatchObject({ actual: 4000, target: 5000, attainmentPct: 80 });
    expect(kpi('avg_viewers')).toMatchObject({ actual: 325, target: 250, attainmentPct: 130 });
    expect(kpi('peak_concurrent')).toMatchObject({ actual: 500, target: undefined });
    expect(kpi('conversion_rate').actual).toBeCloseTo(0.025, 10);
    expect(kpi('orders').actual).toBe(30);
    expect(result.summary).toContain('4,000');

    const report = await db.report.findUniqueOrThrow({ where: { id: result.reportId } });
    expect(report.kind).toBe('stream-review');
    expect(report.html).toContain('<svg');
    expect(report.html).toContain('双11 &lt;美妆&gt; 专场');
    expect(report.html).not.toContain('<美妆>');
    expect(report.html).toContain('80%');
    expect(report.html).toContain('130%');
    const csvLines = report.csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(csvLines[0]).toBe('kind,metric,ts,value,target,attainment_pct');
    expect(csvLines).toContain('kpi,gmv,,4000,5000,80');
    expect(csvLines).toContain(`point,viewers,${ts(2)},500,,`);
    expect(csvLines.filter((l) => l.startsWith('point,'))).toHaveLength(points.length);

    // A late (T+1) correction: building again rewrites the same report with the corrected number.
    await storeMetricPoints(db, [{ streamId, metric: 'gmv', ts: ts(3), value: 4500 }], 'pushed');
    const rebuilt = await buildStreamReview(input);
    expect(rebuilt.reportId).toBe(result.reportId);
    const stored = await db.report.findUniqueOrThrow({ where: { id: result.reportId } });
    expect(JSON.parse(stored.json).kpis.find((k: { kpi: string }) => k.kpi === 'gmv').actual).toBe(4500);
  });

  it('never counts simulated numbers beside real ones, says which source each number came from and where they disagree', async () => {
    const streamId = uniqueId('sources');
    const at = (m: number) => new Date(Date.UTC(2026, 10, 11, 12, m)).toISOString();
    const series = (metric: TMetricPoint['metric'], values: number[]) =>
      values.map((value, m) => ({ streamId, metric, ts: at(m), value }));
    // The simulator served the stream before the integration's first push: a peak and a GMV nobody saw.
    await storeMetricPoints(
      db,
      [
        ...series('gmv', [1200, 2305]),
        ...series('peak_concurrent', [3300, 3300]),
        ...series('likes', [5, 9]),
      ],
      'simulated',
    );
    await storeMetricPoints(
      db,
      [...series('gmv', [9000, 18650]), ...series('viewers', [900, 1300])],
      'pushed',
    );
    await storeMetricPoints(db, series('gmv', [9100, 18700]), 'platform');
    const { buildStreamReview } = createReportActivities({ db, logger });
    const result = await buildStreamReview({
      streamId,
      title: 'sources',
      timeZone: 'Asia/Shanghai',
      targets: { gmv: 20000 },
      locale: 'en',
    });
    const actual = (kpi: string) => result.kpis.find((k) => k.kpi === kpi)!.actual;
    expect(actual('gmv')).toBe(18700);
    expect(actual('peak_concurrent')).toBe(1300);
    expect(actual('likes')).toBeUndefined();
    const report = await db.report.findUniqueOrThrow({ where: { id: result.reportId } });
    const json = JSON.parse(report.json) as {
      sourceOf: Record<string, string>;
      kpiSources: Record<string, string[]>;
      ignoredSources: string[];
      disagreements: unknown[];
    };
    expect(json.sourceOf).toEqual({ gmv: 'platform', viewers: 'pushed' });
    expect(json.kpiSources).toEqual({
      gmv: ['platform'],
      avg_viewers: ['pushed'],
      peak_concurrent: ['pushed'],
    });
    expect(json.ignoredSources).toEqual(['simulated']);
    // Real sources are compared; the simulator's numbers are not evidence of anything.
    expect(json.disagreements).toEqual([
      { metric: 'gmv', used: 'platform', other: 'pushed', usedLast: 18700, otherLast: 18650 },
    ]);
    expect(report.html).toContain('gmv: used platform API (last 18700); pushed said 18650');
    expect(report.html).toContain('Simulator numbers not counted');
    expect(report.html).not.toContain('Note: simulated data');
  });

  it('reports a stream that only the simulator served as simulated, source by source', async () => {
    const streamId = uniqueId('simulated-only');
    const at = new Date(Date.UTC(2026, 10, 11, 12, 0)).toISOString();
    await storeMetricPoints(
      db,
      [
        { streamId, metric: 'viewers', ts: at, value: 800 },
        { streamId, metric: 'peak_concurrent', ts: at, value: 950 },
      ],
      'simulated',
    );
    const { buildStreamReview } = createReportActivities({ db, logger });
    const result = await buildStreamReview({
      streamId,
      title: 'demo',
      timeZone: 'Asia/Shanghai',
      targets: {},
      locale: 'en',
    });
    expect(result.kpis.find((k) => k.kpi === 'peak_concurrent')!.actual).toBe(950);
    const report = await db.report.findUniqueOrThrow({ where: { id: result.reportId } });
    expect(JSON.parse(report.json)).toMatchObject({
      kpiSources: { peak_concurrent: ['simulated'], avg_viewers: ['simulated'] },
      ignoredSources: [],
    });
    expect(report.html).toContain('Note: simulated data');
    expect(report.html).not.toContain('Simulator numbers not counted');
  });

  it('writes an honest empty review when no data has arrived yet (T+1 platforms)', async () => {
    const streamId = uniqueId('review-empty');
    const { buildStreamReview } = createReportActivities({ db, logger });
    const result = await buildStreamReview({
      streamId,
      title: 'late data',
      timeZone: 'Asia/Shanghai',
      targets: {},
      locale: 'en',
    });
    expect(result.summary).toMatch(/No data yet/);
    expect((await db.report.findUniqueOrThrow({ where: { id: result.reportId } })).html).toContain('No data');
  });
});
