import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TMetricName } from '../../domain/metrics';
import { METRIC_KINDS } from '../../domain/metrics';
import type { TLiveSnapshot, TStreamStats } from '../../activities/analytics/analytics.types';
import {
  DEFAULT_SCENARIO,
  generateStreamSeries,
  type MinuteReadings,
  type SimulatorScenario,
} from './generate-series';

/**
 * STAND-IN FOR THE EXTERNAL LIVE PLATFORM: a real HTTP server speaking the analytics contract of
 * activities/analytics/analytics.types.ts with generated numbers. `npm start` runs it when ANALYTICS_BASE_URL is
 * unset; tests use it as "the platform". Every response says `"simulated": true` so nobody mistakes it for real data.
 */
export interface PlatformSimulatorOptions {
  seed?: number;
  scenario?: Partial<SimulatorScenario>;
  /**
   * 'live' (default): a stream starts when the simulator is first asked about it and runs in real time (times
   * `speed`); 'completed': every stream already ran for the whole scenario, ending at `endedAt` (default: start-up).
   */
  timeline?: 'live' | 'completed';
  endedAt?: Date;
  /** Simulated minutes per real minute in 'live' mode (a demo may want 60: an hour a minute). */
  speed?: number;
  /** Bearer token to require; unset accepts any request. */
  token?: string;
  host?: string;
  port?: number;
  now?: () => number;
}

export interface PlatformSimulator {
  url: string;
  /** Makes the next `count` requests fail with `status`, or hang for `delayMs` before answering (fault drills). */
  injectFaults(fault: { count: number; status?: number; delayMs?: number }): void;
  requests(): number;
  close(): Promise<void>;
}

const MINUTE = 60_000;

export async function createPlatformSimulator(
  options: PlatformSimulatorOptions = {},
): Promise<PlatformSimulator> {
  const scenario: SimulatorScenario = { ...DEFAULT_SCENARIO, ...options.scenario };
  const seed = options.seed ?? 618;
  const now = options.now ?? Date.now;
  const speed = options.speed ?? 1;
  const endedAt = Math.floor((options.endedAt?.getTime() ?? now()) / MINUTE) * MINUTE;
  const firstSeen = new Map<string, number>();
  const seriesCache = new Map<string, MinuteReadings[]>();
  const faults: Array<{ status?: number; delayMs?: number }> = [];
  let requestCount = 0;

  function streamClock(streamId: string): { startMs: number; elapsedMinutes: number } {
    if (options.timeline === 'completed') {
      return {
        startMs: endedAt - scenario.durationMinutes * MINUTE,
        elapsedMinutes: scenario.durationMinutes,
      };
    }
    const seen = firstSeen.get(streamId) ?? Math.floor(now() / MINUTE) * MINUTE;
    firstSeen.set(streamId, seen);
    const elapsed = Math.floor(((now() - seen) * speed) / MINUTE) + 1;
    return { startMs: seen, elapsedMinutes: Math.min(scenario.durationMinutes, elapsed) };
  }

  function seriesOf(streamId: string): MinuteReadings[] {
    let series = seriesCache.get(streamId);
    if (!series) {
      series = generateStreamSeries(seed, streamId, scenario);
      seriesCache.set(streamId, series);
    }
    return series;
  }

  const minuteTs = (startMs: number, m: number) =>
    new Date(startMs + (m * MINUTE) / (options.timeline === 'completed' ? 1 : speed)).toISOString();

  function snapshot(streamId: string): TLiveSnapshot & { simulated: true } {
    const { startMs, elapsedMinutes } = streamClock(streamId);
    const latest = seriesOf(streamId)[elapsedMinutes - 1] ?? {};
    return {
      simulated: true,
      streamId,
      status: elapsedMinutes >= scenario.durationMinutes ? 'ended' : 'live',
      asOf: minuteTs(startMs, elapsedMinutes - 1),
      metrics: latest,
    };
  }

  function stats(streamId: string): TStreamStats & { simulated: true } {
    const { startMs, elapsedMinutes } = streamClock(streamId);
    const minutes = seriesOf(streamId).slice(0, elapsedMinutes);
    const ended = elapsedMinutes >= scenario.durationMinutes;
    const metrics = Object.keys(METRIC_KINDS) as TMetricName[];
    const last = minutes[minutes.length - 1] ?? {};
    const totals: Partial<Record<TMetricName, number | null>> = {};
    for (const metric of metrics) {
      if (METRIC_KINDS[metric] === 'counter') totals[metric] = last[metric] ?? null;
    }
    totals.peak_concurrent = last.peak_concurrent ?? null;
    return {
      simulated: true,
      streamId,
      status: ended ? 'ended' : 'live',
      final: ended,
      startedAt: new Date(startMs).toISOString(),
      endedAt: ended ? minuteTs(startMs, scenario.durationMinutes) : null,
      totals,
      series: metrics.map((metric) => ({
        metric,
        points: minutes.map((readings, m) => ({ ts: minuteTs(startMs, m), value: readings[metric] ?? null })),
      })),
    };
  }

  const server = http.createServer((req, res) => {
    requestCount++;
    const send = (status: number, body: unknown) => {
      if (res.destroyed) return;
      res.writeHead(status, {
        'content-type': 'application/json; charset=utf-8',
        'x-simulated-platform': 'liveops',
      });
      res.end(JSON.stringify(body));
    };
    const answer = () => {
      if (options.token && req.headers.authorization !== `Bearer ${options.token}`) {
        return send(401, { error: 'unauthorized' });
      }
      const match = /^\/v1\/streams\/([^/]+)\/(snapshot|stats)$/.exec(
        new URL(req.url ?? '/', 'http://x').pathname,
      );
      if (req.method !== 'GET' || !match?.[1]) return send(404, { error: 'not found' });
      const streamId = decodeURIComponent(match[1]);
      return send(200, match[2] === 'snapshot' ? snapshot(streamId) : stats(streamId));
    };
    const fault = faults.shift();
    if (fault?.delayMs) {
      const timer = setTimeout(
        () => (fault.status ? send(fault.status, { error: 'simulated fault' }) : answer()),
        fault.delayMs,
      );
      res.on('close', () => clearTimeout(timer));
    } else if (fault?.status) {
      send(fault.status, { error: 'simulated fault' });
    } else {
      answer();
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    injectFaults(fault) {
      for (let i = 0; i < fault.count; i++) faults.push({ status: fault.status, delayMs: fault.delayMs });
    },
    requests: () => requestCount,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
