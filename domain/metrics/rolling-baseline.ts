import { pointTimeMs } from './batch';
import { METRIC_KINDS } from './metric-kinds';
import type { TMetricName, TMetricPoint } from './metric.types';
import { MAX_COLLAPSE_WINDOW_MINUTES } from './metric-rule-policy';
import type {
  TMetricBaseline,
  TMetricBaselineState,
  TMetricRulePolicy,
  TMinuteReading,
} from './metric-rules.types';

/*
 * The rolling baseline, per gauge metric, is an exponentially weighted mean over *observed minutes*:
 * - each minute contributes one value (its latest reading), so a producer that sends every second does not outweigh one
 *   that sends every 20 s;
 * - a minute is folded only after it ended plus a grace period, so late points within the grace still count, and points
 *   for a minute already folded are dropped (counted, never double-counted);
 * - a missing minute contributes nothing, never a zero: absent data must not look like a collapse.
 * Counters (GMV, orders) are cumulative and are not baselined here.
 */

const MINUTE_MS = 60_000;
const RECENT_LIMIT = MAX_COLLAPSE_WINDOW_MINUTES + 1;
// Open minutes beyond this are older than any sane grace period; keeping them would let state grow unbounded.
const OPEN_LIMIT = 16;

export function emptyBaselineState(): TMetricBaselineState {
  return { version: 1, lastPointAtMs: null, metrics: {} };
}

function emptyMetricBaseline(): TMetricBaseline {
  return { ewma: null, ewmaBeforeLast: null, samples: 0, lastFoldedMinute: null, open: [], recent: [] };
}

function copyMetricBaseline(metric: TMetricBaseline): TMetricBaseline {
  return {
    ...metric,
    open: metric.open.map((r) => ({ ...r })),
    recent: metric.recent.map((r) => ({ ...r })),
  };
}

export function ewmaAlpha(halfLifeMinutes: number): number {
  return 1 - Math.pow(2, -1 / halfLifeMinutes);
}

export interface TAdvanceResult {
  state: TMetricBaselineState;
  ignoredPoints: number;
}

/** Merges new points into the state and folds every minute that is now complete. Never mutates its input. */
export function advanceBaseline(
  previous: TMetricBaselineState,
  points: readonly TMetricPoint[],
  nowMs: number,
  policy: TMetricRulePolicy,
): TAdvanceResult {
  const metrics: TMetricBaselineState['metrics'] = {};
  for (const [name, baseline] of Object.entries(previous.metrics)) {
    if (baseline) metrics[name as TMetricName] = copyMetricBaseline(baseline);
  }
  let lastPointAtMs = previous.lastPointAtMs;
  let ignoredPoints = 0;
  const latestAcceptableMs = nowMs + policy.maxClockSkewSeconds * 1000;

  for (const point of points) {
    const tsMs = pointTimeMs(point);
    if (tsMs > latestAcceptableMs) {
      ignoredPoints += 1;
      continue;
    }
    // Clamp: a point a few seconds ahead of our clock proves the stream is alive now, not later.
    lastPointAtMs = Math.max(lastPointAtMs ?? Number.NEGATIVE_INFINITY, Math.min(tsMs, nowMs));
    if (METRIC_KINDS[point.metric] !== 'gauge') continue;
    const baseline = (metrics[point.metric] ??= emptyMetricBaseline());
    if (!mergeIntoOpenMinute(baseline, { minute: Math.floor(tsMs / MINUTE_MS), tsMs, value: point.value })) {
      ignoredPoints += 1;
    }
  }

  const alpha = ewmaAlpha(policy.baselineHalfLifeMinutes);
  const foldBeforeMs = nowMs - policy.minuteGraceSeconds * 1000;
  for (const baseline of Object.values(metrics)) {
    if (baseline) foldCompleteMinutes(baseline, foldBeforeMs, alpha);
  }
  return { state: { version: 1, lastPointAtMs, metrics }, ignoredPoints };
}

/** Returns false when the point is too late: its minute is already part of the baseline. */
function mergeIntoOpenMinute(baseline: TMetricBaseline, reading: TMinuteReading): boolean {
  if (baseline.lastFoldedMinute !== null && reading.minute <= baseline.lastFoldedMinute) return false;
  const existing = baseline.open.find((r) => r.minute === reading.minute);
  if (!existing) {
    baseline.open.push(reading);
    baseline.open.sort((a, b) => a.minute - b.minute);
    if (baseline.open.length > OPEN_LIMIT) baseline.open.splice(0, baseline.open.length - OPEN_LIMIT);
  } else if (reading.tsMs >= existing.tsMs) {
    // Latest reading within the minute wins; on a tie the later-arriving (corrected) one.
    existing.tsMs = reading.tsMs;
    existing.value = reading.value;
  }
  return true;
}

function foldCompleteMinutes(baseline: TMetricBaseline, foldBeforeMs: number, alpha: number): void {
  while (baseline.open.length > 0) {
    const next = baseline.open[0];
    if (!next || (next.minute + 1) * MINUTE_MS > foldBeforeMs) break;
    baseline.open.shift();
    baseline.ewmaBeforeLast = baseline.ewma;
    baseline.ewma =
      baseline.ewma === null ? next.value : baseline.ewma + alpha * (next.value - baseline.ewma);
    baseline.samples += 1;
    baseline.lastFoldedMinute = next.minute;
    baseline.recent.push(next);
    if (baseline.recent.length > RECENT_LIMIT)
      baseline.recent.splice(0, baseline.recent.length - RECENT_LIMIT);
  }
}

/** Per-minute readings known for a metric, folded and open, ascending by minute. */
export function minuteReadings(baseline: TMetricBaseline): TMinuteReading[] {
  return [...baseline.recent, ...baseline.open];
}

/** The newest reading if it is fresh enough to describe "now"; otherwise undefined. */
export function currentReading(
  baseline: TMetricBaseline,
  nowMs: number,
  freshnessSeconds: number,
): TMinuteReading | undefined {
  const readings = minuteReadings(baseline);
  const newest = readings[readings.length - 1];
  return newest && newest.tsMs >= nowMs - freshnessSeconds * 1000 ? newest : undefined;
}

/** The baseline to judge `reading` against: one that the reading's own minute has not yet pulled towards itself. */
export function baselineExcluding(
  baseline: TMetricBaseline,
  reading: TMinuteReading,
): { value: number | null; samples: number } {
  return reading.minute === baseline.lastFoldedMinute
    ? { value: baseline.ewmaBeforeLast, samples: baseline.samples - 1 }
    : { value: baseline.ewma, samples: baseline.samples };
}
