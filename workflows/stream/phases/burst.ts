import {
  alertRecipients,
  pointsFromSummary,
  ZMetricRulePolicySchema,
  evaluateMetricRules,
  type TMetricAlert,
  type TMetricRulePolicy,
} from '../../../domain/metrics';
import { toEpochMs } from '../../../domain/shared/time';
import type { TMetricName } from '../../../domain/stream/events.types';
import { streamDeadlines } from '../../../domain/stream/selectors';
import type { TStreamPlan } from '../../../domain/stream/plan.types';
import { notify } from '../notify';
import type { StreamRun } from '../stream-run';
import { nowMs } from '../workflow-clock';
import { earliest } from './approvals';
import { LIVE_POLL_SECONDS, pullLiveSnapshot } from './live-snapshot';

function rulePolicy(plan: TStreamPlan) {
  const cooldownSeconds = plan.timing.alertCooldownSeconds;
  return ZMetricRulePolicySchema.parse({
    noData: { afterSeconds: Math.max(10, plan.timing.metricNoDataSeconds), cooldownSeconds },
    conversionDrop: { cooldownSeconds },
    viewerCollapse: { cooldownSeconds },
  });
}

/**
 * Live. Metric batches (signals) are folded into the state and the rolling baseline; rules raise alerts to the room
 * operator and co-host (never the host on air) with a cool-down per rule. The live end moves with extensions and
 * pauses; the loop re-reads it after every change.
 */
export async function runBurst(run: StreamRun): Promise<void> {
  const policy = rulePolicy(run.state.plan);
  let nextPollMs = nowMs();
  while (run.state.phase === 'burst') {
    if (nowMs() >= nextPollMs && !run.isPaused) {
      nextPollMs = nowMs() + LIVE_POLL_SECONDS * 1000;
      const snapshot = await pullLiveSnapshot(run.state.streamId);
      if (snapshot) run.pendingBatches.push(snapshot);
    }
    const batches = run.pendingBatches.splice(0);
    for (const batch of batches) {
      if (batch.count === 0 || batch.from === null || batch.to === null) continue;
      const latest = Object.fromEntries(
        Object.entries(batch.latest[run.state.streamId] ?? {}).map(([metric, reading]) => [
          metric,
          reading?.value,
        ]),
      ) as Partial<Record<TMetricName, number>>;
      run.emit({ type: 'MetricsReceived', count: batch.count, from: batch.from, to: batch.to, latest });
    }
    await evaluateRules(run, batches, policy);
    const { liveEnd } = streamDeadlines(run.state);
    if (run.isDue(liveEnd)) {
      run.emit({ type: 'PhaseEntered', phase: 'tail' });
      return;
    }
    await run.checkpoint();
    const nextNoDataCheck = new Date(nowMs() + policy.noData.afterSeconds * 1000).toISOString();
    const nextPoll = new Date(nextPollMs).toISOString();
    await run.waitForChange(
      earliest([liveEnd, nextNoDataCheck, nextPoll]),
      () => run.pendingBatches.length > 0,
    );
  }
}

async function evaluateRules(
  run: StreamRun,
  batches: typeof run.pendingBatches,
  policy: TMetricRulePolicy,
): Promise<void> {
  if (run.isPaused) return;
  const streamId = run.state.streamId;
  const result = evaluateMetricRules({
    points: batches.flatMap((batch) => pointsFromSummary(batch, streamId)),
    baseline: run.baseline,
    nowMs: nowMs(),
    liveSinceMs: toEpochMs(streamDeadlines(run.state).liveStart),
    lastFiredAtMs: run.lastFiredAtMs,
    policy,
  });
  run.baseline = result.baseline;
  run.lastFiredAtMs = result.lastFiredAtMs;
  for (const alert of result.alerts) await raiseAlert(run, alert);
}

async function raiseAlert(run: StreamRun, alert: TMetricAlert): Promise<void> {
  const recipients = alertRecipients(run.state.plan.team, true);
  const sequence = run.state.alerts.total + 1;
  const to = await notify(run, `alert:${alert.ruleId}`, sequence, { ids: recipients }, 'metric_alert', {
    ruleId: alert.ruleId,
    severity: alert.severity,
    message: alert.message,
    suggestedAction: alert.suggestedAction.label,
    detectedAt: nowMs(),
    dashboardUrl: run.link(`/streams/${run.state.streamId}`),
  });
  run.emit({ type: 'AlertRaised', ruleId: alert.ruleId, message: alert.message[run.locale], notified: to });
}
