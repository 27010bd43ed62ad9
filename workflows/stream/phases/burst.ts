import { alertRecipients } from '../../../domain/metrics/alert-recipients';
import { pointsFromSummary } from '../../../domain/metrics/batch';
import { streamRulePolicy } from '../../../domain/metrics/metric-rule-policy';
import { evaluateMetricRules } from '../../../domain/metrics/metric-rules';
import type { TMetricAlert, TMetricRulePolicy } from '../../../domain/metrics/metric-rules.types';
import { toEpochMs } from '../../../domain/shared/time';
import { streamDeadlines } from '../../../domain/stream/selectors';
import { streamTeam } from '../../../domain/stream/team';
import { nowMs } from '../../engine/clock';
import { receiveMetrics } from '../metrics-intake';
import { notify } from '../notify';
import type { StreamRun } from '../stream-run';
import { earliest } from './approvals';
import { LIVE_POLL_SECONDS, pullLiveSnapshot } from './live-snapshot';

/**
 * Live. Metric batches (signals, and the platform's snapshot pulled every minute) are folded into the state; the live
 * rules judge them and alert the room operator and co-host (never the host on air) with a cool-down per rule. The
 * live end moves with extensions and pauses; the loop re-reads it after every change.
 */
export async function runBurst(run: StreamRun): Promise<void> {
  const policy = streamRulePolicy(run.state.plan.timing);
  let nextPollMs = nowMs();
  while (run.state.phase === 'burst') {
    if (nowMs() >= nextPollMs && !run.isPaused) {
      nextPollMs = nowMs() + LIVE_POLL_SECONDS * 1000;
      const snapshot = await pullLiveSnapshot(run.state.streamId);
      if (snapshot) receiveMetrics(run, snapshot);
      continue;
    }
    evaluateRules(run, run.rulesQueue.splice(0), policy);
    const { liveEnd } = streamDeadlines(run.state);
    if (run.isDue(liveEnd)) {
      run.emit({ type: 'PhaseEntered', phase: 'tail' });
      return;
    }
    await run.continueAsNewIfSuggested();
    const nextNoDataCheck = new Date(nowMs() + policy.noData.afterSeconds * 1000).toISOString();
    const nextPoll = new Date(nextPollMs).toISOString();
    await run.waitForChange(earliest([liveEnd, nextNoDataCheck, nextPoll]), () => run.rulesQueue.length > 0);
  }
}

function evaluateRules(run: StreamRun, batches: StreamRun['rulesQueue'], policy: TMetricRulePolicy): void {
  // Paused: the alerts wait too (PAUSE_POLICY); the numbers still fold into the state.
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
  for (const alert of result.alerts) raiseAlert(run, alert);
}

function raiseAlert(run: StreamRun, alert: TMetricAlert): void {
  const recipients = alertRecipients(streamTeam(run.state), true);
  const sequence = run.state.alerts.total + 1;
  const to = notify(run, `alert:${alert.ruleId}`, sequence, { ids: recipients }, 'metric_alert', {
    ruleId: alert.ruleId,
    severity: alert.severity,
    message: alert.message,
    suggestedAction: alert.suggestedAction.label,
    detectedAt: nowMs(),
    dashboardUrl: run.link(`/streams/${run.state.streamId}`),
  });
  run.emit({ type: 'AlertRaised', ruleId: alert.ruleId, message: alert.message[run.locale], notified: to });
}
