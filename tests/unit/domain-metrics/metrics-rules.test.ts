import { emptyBaselineState, evaluateMetricRules, ZMetricRulePolicySchema } from '../../../domain/metrics';
import type {
  TEvaluateMetricRulesResult,
  TMetricBaselineState,
  TMetricName,
  TMetricPoint,
  TMetricRuleId,
  TMetricRulePolicyInput,
} from '../../../domain/metrics';

const T0 = Date.parse('2024-06-18T12:00:00Z');
const MIN = 60_000;
const iso = (ms: number): string => new Date(ms).toISOString();
const pt = (metric: TMetricName, ms: number, value: number): TMetricPoint => ({
  streamId: 's1',
  metric,
  ts: iso(ms),
  value,
});

/** Drives evaluateMetricRules the way a workflow does: one call per minute, just after the minute's data arrived. */
function simulate(
  minutes: Array<Partial<Record<TMetricName, number>> | null>,
  policyInput: TMetricRulePolicyInput = {},
): { results: TEvaluateMetricRulesResult[]; firedAt: Array<[number, TMetricRuleId]> } {
  const policy = ZMetricRulePolicySchema.parse(policyInput);
  let baseline: TMetricBaselineState = emptyBaselineState();
  let lastFiredAtMs: Partial<Record<TMetricRuleId, number>> = {};
  const results: TEvaluateMetricRulesResult[] = [];
  const firedAt: Array<[number, TMetricRuleId]> = [];
  minutes.forEach((values, i) => {
    const points = Object.entries(values ?? {}).map(([metric, value]) =>
      pt(metric as TMetricName, T0 + i * MIN + 20_000, value as number),
    );
    const result = evaluateMetricRules({
      points,
      baseline,
      nowMs: T0 + i * MIN + 25_000,
      liveSinceMs: T0,
      lastFiredAtMs,
      policy,
    });
    baseline = result.baseline;
    lastFiredAtMs = result.lastFiredAtMs;
    results.push(result);
    for (const alert of result.alerts) firedAt.push([i, alert.ruleId]);
  });
  return { results, firedAt };
}

const steady = (n: number, values: Partial<Record<TMetricName, number>>) =>
  Array.from({ length: n }, () => values);

describe('conversion drop', () => {
  it('fires when conversion falls 20 % or more below the rolling baseline, with both languages and a flash sale', () => {
    const { results, firedAt } = simulate([
      ...steady(10, { conversion_rate: 0.05 }),
      { conversion_rate: 0.035 },
    ]);
    expect(firedAt).toEqual([[10, 'conversion_drop']]);
    const alert = results[10]?.alerts[0];
    expect(alert?.severity).toBe('warning');
    expect(alert?.suggestedAction.kind).toBe('propose_flash_sale');
    expect(alert?.message.en).toContain('30%');
    expect(alert?.message['zh-CN']).toContain('转化率下降 30%');
    expect(alert?.evidence.reference).toBeCloseTo(0.05, 10);
  });

  it('judges a low minute already folded into the baseline against the baseline before it', () => {
    const points = [...Array.from({ length: 10 }, (_, i) => pt('conversion_rate', T0 + i * MIN, 0.05))];
    points.push(pt('conversion_rate', T0 + 10 * MIN + 20_000, 0.035));
    const result = evaluateMetricRules({
      points,
      baseline: emptyBaselineState(),
      nowMs: T0 + 11 * MIN + 31_000, // minute 10 is folded; its reading (71 s old) is still fresh
      lastFiredAtMs: {},
      policy: ZMetricRulePolicySchema.parse({}),
    });
    expect(result.baseline.metrics.conversion_rate?.samples).toBe(11);
    expect(result.alerts[0]?.evidence.reference).toBeCloseTo(0.05, 10);
  });

  it('stays quiet for a 15 % dip and escalates to critical for a 50 % drop', () => {
    expect(simulate([...steady(10, { conversion_rate: 0.05 }), { conversion_rate: 0.0425 }]).firedAt).toEqual(
      [],
    );
    const severe = simulate([...steady(10, { conversion_rate: 0.05 }), { conversion_rate: 0.025 }]);
    expect(severe.results[10]?.alerts[0]?.severity).toBe('critical');
  });

  it('honours a custom threshold', () => {
    const minutes = [...steady(10, { conversion_rate: 0.05 }), { conversion_rate: 0.0425 }];
    expect(simulate(minutes, { conversionDrop: { dropRatio: 0.1 } }).firedAt).toEqual([
      [10, 'conversion_drop'],
    ]);
  });

  it('waits for the warm-up minutes before trusting the baseline', () => {
    expect(simulate([...steady(3, { conversion_rate: 0.05 }), { conversion_rate: 0.01 }]).firedAt).toEqual(
      [],
    );
  });

  it('respects the cool-down, then fires again while conversion stays low', () => {
    const { firedAt } = simulate([
      ...steady(10, { conversion_rate: 0.05 }),
      ...steady(8, { conversion_rate: 0.03 }),
    ]);
    // Fired at minute 10; the 300 s cool-down blocks minutes 11-14; minute 15 is exactly 300 s later.
    expect(firedAt).toEqual([
      [10, 'conversion_drop'],
      [15, 'conversion_drop'],
    ]);
  });

  it('ignores a low reading that is no longer fresh', () => {
    const policy = ZMetricRulePolicySchema.parse({});
    const { results } = simulate(steady(10, { conversion_rate: 0.05 }));
    const result = evaluateMetricRules({
      points: [pt('conversion_rate', T0 + 10 * MIN, 0.01)],
      baseline: results[9]!.baseline,
      nowMs: T0 + 10 * MIN + (policy.freshnessSeconds + 1) * 1000,
      lastFiredAtMs: {},
      policy: { ...policy, noData: { ...policy.noData, enabled: false } },
    });
    expect(result.alerts).toEqual([]);
  });
});

describe('viewer collapse', () => {
  it('fires when viewers halve within the window', () => {
    const { results, firedAt } = simulate([
      ...steady(6, { viewers: 1000 }),
      { viewers: 800 },
      { viewers: 450 },
    ]);
    expect(firedAt).toEqual([[7, 'viewer_collapse']]);
    expect(results[7]?.alerts[0]).toMatchObject({
      severity: 'critical',
      suggestedAction: { kind: 'launch_retention_perk' },
      evidence: { observed: 450, reference: 1000 },
    });
  });

  it('does not fire for a slow decline spread over more than the window', () => {
    const decline = [1000, 930, 860, 790, 720, 650, 580, 510, 440, 370].map((viewers) => ({ viewers }));
    expect(simulate(decline).firedAt).toEqual([]);
  });

  it('does not treat a few viewers in a test room as a collapse', () => {
    expect(simulate([...steady(5, { viewers: 30 }), { viewers: 5 }]).firedAt).toEqual([]);
  });
});

describe('late and missing data', () => {
  it('does not alert on a gap of missing minutes (a gap is not zero viewers or zero conversion)', () => {
    const minutes = [...steady(8, { viewers: 1000, conversion_rate: 0.05 })];
    const withGap = [...minutes, null, null, { viewers: 990, conversion_rate: 0.049 }];
    const { firedAt } = simulate(withGap, { noData: { enabled: false } });
    expect(firedAt).toEqual([]);
  });

  it('folds a late point arriving within the grace period, and ignores one for a minute already folded', () => {
    const policy = ZMetricRulePolicySchema.parse({ minuteGraceSeconds: 30 });
    const first = evaluateMetricRules({
      points: [pt('viewers', T0 + 10_000, 100)],
      baseline: emptyBaselineState(),
      nowMs: T0 + 50_000,
      lastFiredAtMs: {},
      policy,
    });
    // 20 s after minute 0 ended a late reading for minute 0 arrives: still open, it replaces the earlier one.
    const second = evaluateMetricRules({
      points: [pt('viewers', T0 + 55_000, 200)],
      baseline: first.baseline,
      nowMs: T0 + MIN + 20_000,
      lastFiredAtMs: {},
      policy,
    });
    expect(second.ignoredPoints).toBe(0);
    expect(second.baseline.metrics.viewers?.samples).toBe(0);
    const third = evaluateMetricRules({
      points: [],
      baseline: second.baseline,
      nowMs: T0 + MIN + 31_000,
      lastFiredAtMs: {},
      policy,
    });
    expect(third.baseline.metrics.viewers).toMatchObject({
      samples: 1,
      ewma: 200,
      lastFoldedMinute: T0 / MIN,
    });
    // Now minute 0 is folded: a straggler is counted as ignored and changes nothing.
    const fourth = evaluateMetricRules({
      points: [pt('viewers', T0 + 59_000, 5)],
      baseline: third.baseline,
      nowMs: T0 + 2 * MIN,
      lastFiredAtMs: {},
      policy,
    });
    expect(fourth.ignoredPoints).toBe(1);
    expect(fourth.baseline.metrics.viewers?.ewma).toBe(200);
  });

  it('ignores points stamped beyond the allowed clock skew', () => {
    const policy = ZMetricRulePolicySchema.parse({});
    const result = evaluateMetricRules({
      points: [pt('viewers', T0 + 10 * MIN, 100)],
      baseline: emptyBaselineState(),
      nowMs: T0,
      lastFiredAtMs: {},
      policy,
    });
    expect(result.ignoredPoints).toBe(1);
    expect(result.baseline.lastPointAtMs).toBeNull();
  });

  it('reaches the same baseline whether points arrive minute by minute or all at once, out of order', () => {
    const values = [0.05, 0.052, 0.048, 0.06, 0.041, 0.05, 0.047];
    const { results } = simulate(values.map((conversion_rate) => ({ conversion_rate })));
    const points = values.map((v, i) => pt('conversion_rate', T0 + i * MIN + 20_000, v)).reverse();
    const allAtOnce = evaluateMetricRules({
      points,
      baseline: emptyBaselineState(),
      nowMs: T0 + values.length * MIN + 40_000,
      lastFiredAtMs: {},
      policy: ZMetricRulePolicySchema.parse({}),
    });
    const incremental = evaluateMetricRules({
      points: [],
      baseline: results[results.length - 1]!.baseline,
      nowMs: T0 + values.length * MIN + 40_000,
      lastFiredAtMs: {},
      policy: ZMetricRulePolicySchema.parse({}),
    });
    expect(allAtOnce.baseline.metrics.conversion_rate?.samples).toBe(values.length);
    expect(allAtOnce.baseline.metrics.conversion_rate?.ewma).toBeCloseTo(
      incremental.baseline.metrics.conversion_rate!.ewma!,
      12,
    );
  });
});

describe('no data', () => {
  it('fires after the silence threshold, measured from going live before the first point', () => {
    const policy = ZMetricRulePolicySchema.parse({});
    const run = (nowMs: number) =>
      evaluateMetricRules({
        points: [],
        baseline: emptyBaselineState(),
        nowMs,
        liveSinceMs: T0,
        lastFiredAtMs: {},
        policy,
      });
    expect(run(T0 + 89_000).alerts).toEqual([]);
    expect(run(T0 + 90_000).alerts.map((a) => [a.ruleId, a.suggestedAction.kind])).toEqual([
      ['no_data', 'check_stream_health'],
    ]);
  });

  it('is measured from the newest point, so a late old point does not reset or trigger it', () => {
    const { firedAt } = simulate([{ viewers: 100 }, null, { viewers: 100 }, null, null]);
    // Points at minutes 0 and 2 (+20 s); calls at +25 s; silence reaches 90 s only at minute 4 (2 min 5 s).
    expect(firedAt).toEqual([[4, 'no_data']]);
  });

  it('can be disabled for T+1 platforms', () => {
    expect(simulate([{ viewers: 100 }, null, null, null], { noData: { enabled: false } }).firedAt).toEqual(
      [],
    );
  });
});

describe('baseline state', () => {
  it('stays small and bounded over a three-hour stream and never mutates its input', () => {
    const minutes = Array.from({ length: 180 }, (_, i) => ({
      viewers: 1000 + (i % 7) * 10,
      conversion_rate: 0.05,
      peak_concurrent: 1200,
      gmv: i * 1000,
    }));
    const { results } = simulate(minutes);
    const final = results[results.length - 1]!.baseline;
    expect(final.metrics.viewers?.recent.length).toBeLessThanOrEqual(16);
    expect(final.metrics.gmv).toBeUndefined();
    expect(JSON.stringify(final).length).toBeLessThan(8000);

    const frozen = JSON.stringify(final);
    evaluateMetricRules({
      points: [pt('viewers', T0 + 181 * MIN, 5)],
      baseline: final,
      nowMs: T0 + 183 * MIN,
      lastFiredAtMs: {},
      policy: ZMetricRulePolicySchema.parse({}),
    });
    expect(JSON.stringify(final)).toBe(frozen);
  });
});
