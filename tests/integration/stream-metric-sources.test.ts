import { ingestMetricBatch } from '../../api/services/metrics-ingestion';
import { signalMetricsBatch } from '../../api/services/stream-signals';
import type { TMetricPoint } from '../../domain/metrics';
import {
  createPlatformSimulator,
  type PlatformSimulator,
} from '../../runtime/platform-simulator/platform-simulator';
import { replayAllRuns } from './helpers/replay';
import { createHarness, type Harness } from './helpers/harness';
import { act, passGates, people, startStream, waitForPhase, waitForState } from './helpers/streams';

jest.setTimeout(180_000);

interface StoredReview {
  kpis: Array<{ kpi: string; actual?: number }>;
  sourceOf: Record<string, string>;
  kpiSources: Record<string, string[]>;
  ignoredSources: string[];
}

/**
 * What `npm start` runs without ANALYTICS_BASE_URL: the platform simulator as "the platform". A stream that an
 * integration pushes numbers for must be judged on those numbers alone, whatever the simulator says about it.
 */
describe('a stream with pushed numbers and the platform simulator running', () => {
  let harness: Harness;
  let simulator: PlatformSimulator;

  beforeAll(async () => {
    // An hour of simulated stream a real minute: its viewers climb into the thousands while the test runs.
    simulator = await createPlatformSimulator({ timeline: 'live', speed: 60 });
    harness = await createHarness({ env: { ANALYTICS_BASE_URL: simulator.url } });
  });
  afterAll(async () => {
    await harness?.close();
    await simulator?.close();
  });

  it('counts only the pushed numbers once a batch was pushed, and the review names the source of each', async () => {
    const handle = await startStream(harness, { startInSeconds: 8 });
    const streamId = handle.workflowId;
    await passGates(handle);
    await waitForPhase(handle, 'burst', 30_000);
    // Before anything is pushed the simulator serves the stream (the first pull on air).
    await waitForState(handle, (s) => s.metrics.sources.viewers === 'simulated', 30_000);

    const minute = 60_000;
    const base = Math.floor(Date.now() / minute) * minute;
    const viewers = [900, 1300, 1100];
    const gmv = [2000, 5200, 8800];
    const points: TMetricPoint[] = viewers.flatMap((value, i) => {
      const ts = new Date(base + i * minute).toISOString();
      return [
        { streamId, metric: 'viewers' as const, ts, value },
        { streamId, metric: 'gmv' as const, ts, value: gmv[i]! },
      ];
    });
    const pushed = await ingestMetricBatch(harness.db, { points });
    for (const { streamId: id, summary } of pushed.changed)
      await signalMetricsBatch(harness.client, harness.logger, id, summary);
    await waitForState(handle, (s) => s.metrics.sources.viewers === 'pushed');
    const pushedAt = new Date();

    await act(handle, 'end-early', people.manager, { reason: 'sold out' });
    const review = await waitForState(
      handle,
      (s) => s.phase === 'review' && s.review.reportId !== undefined,
      90_000,
    );
    // The simulator kept generating for this stream, far above what was pushed ...
    const simulatedPeak = (await fetch(`${simulator.url}/v1/streams/${streamId}/stats`).then((r) =>
      r.json(),
    )) as { totals: { peak_concurrent: number } };
    expect(simulatedPeak.totals.peak_concurrent).toBeGreaterThan(1300);

    const report = await harness.db.report.findUniqueOrThrow({ where: { id: review.review.reportId! } });
    const stored = JSON.parse(report.json) as StoredReview;
    const actual = Object.fromEntries(stored.kpis.map((k) => [k.kpi, k.actual]));
    expect(actual.peak_concurrent).toBe(1300);
    expect(actual.avg_viewers).toBeCloseTo(1100, 5);
    expect(actual.gmv).toBe(8800);
    // Every number reported says where it came from, and none came from the simulator.
    for (const kpi of stored.kpis.filter((k) => k.actual !== undefined))
      expect(stored.kpiSources[kpi.kpi]).toEqual(['pushed']);
    expect(Object.values(stored.sourceOf)).not.toContain('simulated');
    expect(stored.ignoredSources).toEqual(['simulated']);
    expect(report.html).not.toContain('含模拟数据');
    expect(report.html).toContain('模拟器数据未计入');
    // ... but its feed stopped once the push arrived: the closing snapshot and the final stats stored nothing.
    expect(
      await harness.db.metricPoint.count({
        where: { streamId, source: 'simulated', createdAt: { gte: pushedAt } },
      }),
    ).toBe(0);

    await act(handle, 'sign-review', people.manager, { reportId: review.review.reportId });
    expect(await replayAllRuns(harness.client, [streamId])).toBeGreaterThanOrEqual(1);
  });
});
