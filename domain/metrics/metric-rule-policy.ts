import type { TMetricRulePolicy } from './metric-rules.types';

// Plain values (no schema library): the workflow builds its rule policy from these. ZMetricRulePolicySchema (edge
// validation of a policy someone writes) has the same defaults; a unit test keeps the two equal.

/** Longest viewer-collapse window we support; it bounds the ring of per-minute values kept in workflow state. */
export const MAX_COLLAPSE_WINDOW_MINUTES = 15;

export const DEFAULT_METRIC_RULE_POLICY: TMetricRulePolicy = {
  minuteGraceSeconds: 30,
  maxClockSkewSeconds: 60,
  freshnessSeconds: 120,
  baselineHalfLifeMinutes: 10,
  conversionDrop: {
    enabled: true,
    dropRatio: 0.2,
    warmupMinutes: 5,
    minBaselineRate: 0.002,
    cooldownSeconds: 300,
  },
  viewerCollapse: {
    enabled: true,
    dropRatio: 0.5,
    windowMinutes: 5,
    minReferenceViewers: 50,
    cooldownSeconds: 300,
  },
  noData: { enabled: true, afterSeconds: 90, cooldownSeconds: 180 },
};

/** The live rules of one stream: the plan's no-data window and one cool-down for every rule. */
export function streamRulePolicy(timing: { metricNoDataSeconds: number; alertCooldownSeconds: number }) {
  const cooldownSeconds = timing.alertCooldownSeconds;
  const base = DEFAULT_METRIC_RULE_POLICY;
  return {
    ...base,
    noData: { ...base.noData, afterSeconds: Math.max(10, timing.metricNoDataSeconds), cooldownSeconds },
    conversionDrop: { ...base.conversionDrop, cooldownSeconds },
    viewerCollapse: { ...base.viewerCollapse, cooldownSeconds },
  } satisfies TMetricRulePolicy;
}
