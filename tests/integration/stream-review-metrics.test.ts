import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ingestMetricBatch } from '../../api/services/metrics-ingestion';
import { signalMetricsBatch } from '../../api/services/stream-signals';
import type { TMetricPoint } from '../../domain/metrics';
import { replayAllRuns } from './helpers/replay';
import { createHarness, type Harness } from './helpers/harness';
import { act, passGates, people, startStream, stateOf, waitForPhase, waitForState } from './helpers/streams';

jest.setTimeout(180_000);

/**
 * The analytics platform as it often is right after a stream: it knows the stream but has no final numbers yet (T+1).
 * A real HTTP server speaking the platform contract, so the review is built from what was pushed during the live.
 */
function startEmptyPlatform(): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    const [, , , streamId = '', resource] = req.url!.split('/');
    res.setHeader('content-type', 'application/json');
    const body =
      resource === 'snapshot'
        ? { streamId, status: 'live', asOf: new Date().toISOString(), metrics: {} }
        : { streamId, status: 'ended', final: false, startedAt: null, endedAt: null, totals: {}, series: [] };
    res.end(JSON.stringify(body));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        close: () => new Promise((done) => server.close(() => done())),
      }),
    ),
  );
}

describe('review numbers and live alerts without platform data', () => {
  let harness: Harness;
  let platform: { url: string; close: () => Promise<void> };

  beforeAll(async () => {
    platform = await startEmptyPlatform();
    harness = await createHarness({ env: { ANALYTICS_BASE_URL: platform.url } });
  });

  afterAll(async () => {
    await harness?.close();
    await platform?.close();
  });

  it('match the metrics fed in during the live', async () => {
    const handle = await startStream(harness, { startInSeconds: 10 });
    await passGates(handle);
    await waitForPhase(handle, 'burst', 30_000);

    const streamId = handle.workflowId;
    const minute = 60_000;
    const base = Math.floor(Date.now() / minute) * minute;
    const viewers = [1200, 2600, 3100, 2400];
    const gmv = [1800, 5200, 9900, 12600];
    const orders = [20, 58, 111, 140];
    const points: TMetricPoint[] = viewers.flatMap((_, i) => {
      const ts = new Date(base + i * minute).toISOString();
      return [
        { streamId, metric: 'viewers' as const, ts, value: viewers[i]! },
        { streamId, metric: 'gmv' as const, ts, value: gmv[i]! },
        { streamId, metric: 'orders' as const, ts, value: orders[i]! },
      ];
    });
    // Exactly what POST /api/metrics does: store (deduplicated), then one signal per stream for what changed.
    const first = await ingestMetricBatch(harness.db, { points });
    const again = await ingestMetricBatch(harness.db, { points });
    expect(first.accepted).toBe(points.length);
    expect(again.duplicates).toBe(points.length);
    expect(again.changed).toEqual([]);
    for (const { streamId: id, summary } of first.changed) {
      await signalMetricsBatch(harness.client, harness.logger, id, summary);
    }
    const live = await waitForState(handle, (s) => s.metrics.batches === 1);
    expect(live.metrics.points).toBe(points.length);
    expect(live.metrics.latest).toMatchObject({
      viewers: viewers.at(-1),
      gmv: gmv.at(-1),
      orders: orders.at(-1),
    });

    await act(handle, 'end-early', people.manager, { reason: 'sold out' });
    const review = await waitForState(
      handle,
      (s) => s.phase === 'review' && s.review.reportId !== undefined,
      60_000,
    );
    const report = await harness.db.report.findUniqueOrThrow({ where: { id: review.review.reportId! } });
    const json = JSON.parse(report.json) as { kpis: Array<{ kpi: string; actual: number | null }> };
    const actual = Object.fromEntries(json.kpis.map((k) => [k.kpi, k.actual]));
    expect(actual.gmv).toBe(Math.max(...gmv));
    expect(actual.orders).toBe(orders.at(-1));
    expect(actual.peak_concurrent).toBe(Math.max(...viewers));
    expect(actual.avg_viewers).toBeCloseTo(viewers.reduce((a, b) => a + b, 0) / viewers.length, 5);
    expect(report.csv).toContain(String(gmv.at(-1)));

    await act(handle, 'sign-review', people.manager, { reportId: review.review.reportId });
    expect((await stateOf(handle)).phase).toBe('completed');
    expect(await replayAllRuns(harness.client, [handle.workflowId])).toBeGreaterThanOrEqual(1);
  });
  it('alerts the room operator and co-host, never the host, when the live feed goes silent', async () => {
    const handle = await startStream(harness, {
      startInSeconds: 8,
      timing: { metricNoDataSeconds: 10 },
      edit: (plan) => ({ ...plan, plannedDurationMinutes: 5 }),
    });
    await passGates(handle);
    await waitForPhase(handle, 'burst', 30_000);
    const alerted = await waitForState(
      handle,
      (s) => s.alerts.recent.some((a) => a.ruleId === 'no_data'),
      40_000,
    );
    const alert = alerted.alerts.recent.find((a) => a.ruleId === 'no_data')!;
    expect([...alert.notified].sort()).toEqual(['cohost@example.com', 'ops@example.com']);
    const rows = await harness.db.notification.findMany({
      where: { workflowId: handle.workflowId, template: 'metric_alert' },
    });
    expect(rows.length).toBeGreaterThan(0);
    expect(
      rows.some((r) => r.recipient.includes('host@example.com') && !r.recipient.includes('cohost')),
    ).toBe(false);
    await act(handle, 'end-early', people.manager, { reason: 'feed lost' });
    expect(await replayAllRuns(harness.client, [handle.workflowId])).toBeGreaterThanOrEqual(1);
    await handle.terminate('test finished');
  });
});
