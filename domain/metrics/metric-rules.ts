import { baselineExcluding, currentReading, minuteReadings, advanceBaseline } from './rolling-baseline';
import type {
  TEvaluateMetricRulesInput,
  TEvaluateMetricRulesResult,
  TMetricAlert,
  TMetricBaselineState,
  TMetricRuleId,
  TMetricRulePolicy,
} from './metric-rules.types';

const percent = (fraction: number, digits = 1): string => `${(fraction * 100).toFixed(digits)}%`;

function isCoolingDown(
  ruleId: TMetricRuleId,
  cooldownSeconds: number,
  input: TEvaluateMetricRulesInput,
): boolean {
  const last = input.lastFiredAtMs[ruleId];
  return last !== undefined && input.nowMs - last < cooldownSeconds * 1000;
}

function checkConversionDrop(
  state: TMetricBaselineState,
  nowMs: number,
  policy: TMetricRulePolicy,
): TMetricAlert | undefined {
  const rule = policy.conversionDrop;
  const baseline = state.metrics.conversion_rate;
  if (!baseline) return undefined;
  const current = currentReading(baseline, nowMs, policy.freshnessSeconds);
  if (!current) return undefined;
  const reference = baselineExcluding(baseline, current);
  if (reference.value === null || reference.samples < rule.warmupMinutes) return undefined;
  if (reference.value < rule.minBaselineRate) return undefined;
  const drop = 1 - current.value / reference.value;
  if (drop < rule.dropRatio) return undefined;
  return {
    ruleId: 'conversion_drop',
    // Twice the threshold is no longer a dip: the pitch or the offer has stopped working.
    severity: drop >= Math.min(2 * rule.dropRatio, 0.9) ? 'critical' : 'warning',
    message: {
      'zh-CN': `转化率下降 ${percent(drop, 0)}：当前 ${percent(current.value, 2)}，近期基线 ${percent(reference.value, 2)}。`,
      en: `Conversion down ${percent(drop, 0)}: now ${percent(current.value, 2)} vs rolling baseline ${percent(reference.value, 2)}.`,
    },
    suggestedAction: {
      kind: 'propose_flash_sale',
      label: {
        'zh-CN': '建议发起限时秒杀，并收紧当前商品讲解、强调优惠与库存。',
        en: 'Propose a flash sale and tighten the current product pitch (price, stock, urgency).',
      },
    },
    evidence: { observed: current.value, reference: reference.value, observedAtMs: current.tsMs },
  };
}

function checkViewerCollapse(
  state: TMetricBaselineState,
  nowMs: number,
  policy: TMetricRulePolicy,
): TMetricAlert | undefined {
  const rule = policy.viewerCollapse;
  const baseline = state.metrics.viewers;
  if (!baseline) return undefined;
  const current = currentReading(baseline, nowMs, policy.freshnessSeconds);
  if (!current) return undefined;
  // Only minutes that were actually observed: a gap in the data is not a fall in viewers.
  const windowReadings = minuteReadings(baseline).filter(
    (r) => r.minute < current.minute && r.minute >= current.minute - rule.windowMinutes,
  );
  const peak = Math.max(0, ...windowReadings.map((r) => r.value));
  if (peak < rule.minReferenceViewers || peak === 0) return undefined;
  const drop = 1 - current.value / peak;
  if (drop < rule.dropRatio) return undefined;
  return {
    ruleId: 'viewer_collapse',
    severity: 'critical',
    message: {
      'zh-CN': `在线人数 ${rule.windowMinutes} 分钟内下降 ${percent(drop, 0)}：${peak} → ${current.value}。`,
      en: `Viewers fell ${percent(drop, 0)} within ${rule.windowMinutes} min: ${peak} -> ${current.value}.`,
    },
    suggestedAction: {
      kind: 'launch_retention_perk',
      label: {
        'zh-CN': '检查画面与声音是否正常；正常则立即发福袋或红包雨留人，并由副播引导互动。',
        en: 'Check picture and sound; if fine, launch a lucky bag or red-packet rain now and have the co-host drive interaction.',
      },
    },
    evidence: { observed: current.value, reference: peak, observedAtMs: current.tsMs },
  };
}

function checkNoData(
  input: TEvaluateMetricRulesInput,
  state: TMetricBaselineState,
): TMetricAlert | undefined {
  const rule = input.policy.noData;
  // Before the first point, silence is measured from going live; with neither known there is nothing to judge.
  const since = state.lastPointAtMs ?? input.liveSinceMs;
  if (since === undefined || since === null) return undefined;
  const silentMs = input.nowMs - since;
  if (silentMs < rule.afterSeconds * 1000) return undefined;
  const silentSeconds = Math.floor(silentMs / 1000);
  return {
    ruleId: 'no_data',
    severity: 'critical',
    message: {
      'zh-CN': `已 ${silentSeconds} 秒未收到直播数据，可能断流。`,
      en: `No stream data for ${silentSeconds} s: the stream may be interrupted.`,
    },
    suggestedAction: {
      kind: 'check_stream_health',
      label: {
        'zh-CN': '检查网络与推流设备，必要时切换备用推流；确认直播间是否仍在播。',
        en: 'Check the network and streaming devices, switch to the backup stream if needed, and confirm the room is still live.',
      },
    },
    evidence: { observed: silentSeconds, reference: rule.afterSeconds, observedAtMs: since },
  };
}

/**
 * One evaluation step for a live stream: fold new points into the rolling baseline, then decide which rules fire.
 * Pure and deterministic (time comes in as nowMs), so a workflow can call it on each batch signal or timer tick and
 * keep the returned baseline and lastFiredAtMs in its state.
 */
export function evaluateMetricRules(input: TEvaluateMetricRulesInput): TEvaluateMetricRulesResult {
  const { policy, nowMs } = input;
  const { state, ignoredPoints } = advanceBaseline(input.baseline, input.points, nowMs, policy);

  const candidates: Array<
    [TMetricRuleId, { enabled: boolean; cooldownSeconds: number }, () => TMetricAlert | undefined]
  > = [
    ['no_data', policy.noData, () => checkNoData(input, state)],
    ['viewer_collapse', policy.viewerCollapse, () => checkViewerCollapse(state, nowMs, policy)],
    ['conversion_drop', policy.conversionDrop, () => checkConversionDrop(state, nowMs, policy)],
  ];

  const alerts: TMetricAlert[] = [];
  const lastFiredAtMs = { ...input.lastFiredAtMs };
  for (const [ruleId, rule, check] of candidates) {
    if (!rule.enabled || isCoolingDown(ruleId, rule.cooldownSeconds, input)) continue;
    const alert = check();
    if (alert) {
      alerts.push(alert);
      lastFiredAtMs[ruleId] = nowMs;
    }
  }
  return { alerts, baseline: state, lastFiredAtMs, ignoredPoints };
}
