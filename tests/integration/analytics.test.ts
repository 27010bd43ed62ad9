import { createAnalyticsActivities } from '../../activities/analytics/analytics-activities';
import { AnalyticsError, createAnalyticsClient } from '../../activities/analytics/client';
import { storeMetricPoints } from '../../activities/analytics/metric-store';
import { parseConfig } from '../../runtime/config';
import { createDb, type Db } from '../../runtime/db';
import { createLogger } from '../../runtime/logger';
import {
  createPlatformSimulator,
  type PlatformSimulator,
} from '../../runtime/platform-simulator/platform-simulator';
import { requireTestEnv } from '../setup/test-env';
import { uniqueId } from './helpers/harness';
import { waitUntil } from './helpers/wait';

describe('analytics client and activities against the platform simulator', () => {
  let db: Db;
  let platform: PlatformSimulator;
  const logger = createLogger({ log: { level: 'warn', format: 'json' } });

  beforeAll(async () => {
    db = createDb(
      parseConfig({
        DATABASE_URL: requireTestEnv('databaseUrl'),
        LIVEOPS_DATA_DIR: requireTestEnv('workDir'),
      }),
    );
    platform = await createPlatformSimulator({
      seed: 7,
      timeline: 'completed',
      endedAt: new Date('2026-11-11T14:00:00Z'),
      token: 'secret-token',
    });
  });
  afterAll(async () => {
    await platform?.close();
    await db?.$disconnect();
  });

  const client = (overrides: { timeoutMs?: number; token?: string } = {}) =>
    createAnalyticsClient({
      baseUrl: platform.url,
      token: 'secret-token',
      timeoutMs: 2_000,
      backoffMs: 20,
      ...overrides,
    });

  it('serves deterministic, validated series with a warm-up, a conversion drop and a sold-out moment', async () => {
    const stats = await client().getStreamStats('stream-a');
    const again = await client().getStreamStats('stream-a');
    expect(again).toEqual(stats);
    expect(stats).toMatchObject({ status: 'ended', final: true, startedAt: '2026-11-11T12:00:00.000Z' });
    const series = (metric: string) =>
      stats.series.find((s) => s.metric === metric)!.points.map((p) => p.value);
    const viewers = series('viewers') as number[];
    expect(viewers).toHaveLength(120);
    expect(viewers[0]!).toBeLessThan(viewers[30]!);
    const conversion = series('conversion_rate') as number[];
    expect(conversion[50]!).toBeLessThan(conversion[40]! * 0.8);
    const orders = series('orders') as number[];
    expect(orders[110]! - orders[90]!).toBeLessThan(orders[60]! - orders[40]!);
    expect(series('dwell_seconds')).toContain(null);
    const snapshot = await client().getLiveSnapshot('stream-a');
    expect(snapshot.metrics.gmv).toBe(stats.totals.gmv);
  });

  it('retries 500s and then succeeds; after the budget a clear "unavailable" error', async () => {
    platform.injectFaults({ count: 2, status: 500 });
    const before = platform.requests();
    await expect(client().getLiveSnapshot('stream-b')).resolves.toMatchObject({ streamId: 'stream-b' });
    expect(platform.requests() - before).toBe(3);

    platform.injectFaults({ count: 3, status: 502 });
    const error = await client()
      .getLiveSnapshot('stream-b')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AnalyticsError);
    expect(error).toMatchObject({ kind: 'unavailable', retryable: true, attempts: 3 });
    expect((error as Error).message).toMatch(/unavailable after 3 attempts \(last: HTTP 502\)/);
  });

  it('times out slow answers and retries them', async () => {
    platform.injectFaults({ count: 3, delayMs: 1_000 });
    const before = platform.requests();
    const error = await client({ timeoutMs: 150 })
      .getLiveSnapshot('stream-c')
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'unavailable' });
    expect((error as Error).message).toMatch(/no answer within 150 ms/);
    // Each attempt took one slow answer, so none is left for the next test: three attempts reached the platform.
    await waitUntil(() => platform.requests() - before >= 3, { what: 'three attempts at the platform' });
    expect(platform.requests() - before).toBe(3);
  });

  it('does not retry a rejected token; the activity turns it into a non-retryable failure', async () => {
    const before = platform.requests();
    const activities = createAnalyticsActivities({ db, logger, analytics: client({ token: 'wrong' }) });
    await expect(activities.pullLiveMetrics({ streamId: 'x' })).rejects.toMatchObject({
      type: 'AnalyticsError',
      nonRetryable: true,
    });
    expect(platform.requests() - before).toBe(1);
  });

  it('an unavailable platform becomes a retryable activity failure', async () => {
    platform.injectFaults({ count: 3, status: 503 });
    const activities = createAnalyticsActivities({ db, logger, analytics: client() });
    await expect(activities.collectFinalStats({ streamId: uniqueId('s') })).rejects.toMatchObject({
      type: 'AnalyticsUnavailable',
      nonRetryable: false,
    });
  });

  it('collectFinalStats stores the series as served, marked simulated; a second run changes no row', async () => {
    const streamId = uniqueId('final');
    const activities = createAnalyticsActivities({ db, logger, analytics: client() });
    const first = await activities.collectFinalStats({ streamId });
    expect(first).toMatchObject({ status: 'ended', final: true, duplicates: 0, skipped: 3 });
    expect(first.inserted).toBe(first.points);
    const rows = await db.metricPoint.findMany({ where: { streamId }, orderBy: { id: 'asc' } });
    const served = await client().getStreamStats(streamId);
    const gmv = served.series.find((s) => s.metric === 'gmv')!.points.filter((p) => p.value !== null);
    expect(rows.filter((r) => r.metric === 'gmv').map((r) => r.value)).toEqual(gmv.map((p) => p.value));
    expect(new Set(rows.map((r) => r.source))).toEqual(new Set(['simulated']));
    const second = await activities.collectFinalStats({ streamId });
    expect(second).toMatchObject({ inserted: 0, duplicates: first.points, corrected: 0 });
    // Same rows (ids and values): nothing deleted and written again, nothing doubled.
    const again = await db.metricPoint.findMany({ where: { streamId }, orderBy: { id: 'asc' } });
    expect(again.map((r) => [r.id, r.value])).toEqual(rows.map((r) => [r.id, r.value]));
  });

  it('pullLiveMetrics stores a reading as it arrives and answers only what is new', async () => {
    const streamId = uniqueId('live');
    const activities = createAnalyticsActivities({ db, logger, analytics: client() });
    const first = await activities.pullLiveMetrics({ streamId });
    expect(first?.source).toBe('simulated');
    expect(first?.summary.count).toBeGreaterThan(0);
    expect(await db.metricPoint.count({ where: { streamId } })).toBe(first?.summary.count);
    // The same reading again (the platform had nothing newer): nothing new, so the workflow hears nothing.
    expect(await activities.pullLiveMetrics({ streamId })).toBeNull();
  });

  it('stops the simulator feed of a stream once an integration pushed numbers for it', async () => {
    const streamId = uniqueId('pushed');
    const activities = createAnalyticsActivities({ db, logger, analytics: client() });
    expect(await activities.pullLiveMetrics({ streamId })).not.toBeNull();
    const simulatedBefore = await db.metricPoint.count({ where: { streamId, source: 'simulated' } });
    await storeMetricPoints(
      db,
      [{ streamId, metric: 'viewers', ts: new Date().toISOString(), value: 1300 }],
      'pushed',
    );
    expect(await activities.pullLiveMetrics({ streamId })).toBeNull();
    const final = await activities.collectFinalStats({ streamId });
    expect(final).toMatchObject({ simulatorIgnored: true, inserted: 0 });
    expect(final.points).toBeGreaterThan(0);
    expect(await db.metricPoint.count({ where: { streamId, source: 'simulated' } })).toBe(simulatedBefore);
  });
});
