import { ActivityFailure, log, proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../../activities';
import type { TKpiNumbers } from '../../domain/campaign/events.types';
import { allGoalsMet, dueCampaignAlerts, roiPace, rollupTotals } from '../../domain/campaign/kpis';
import { remainingStreamKeys } from '../../domain/campaign/actions/run-actions';
import { isChildPhaseNews } from '../../domain/campaign/streams';
import { addSeconds, secondsBetween } from '../../domain/shared/time';
import { nowIso, nowMs } from '../engine/clock';
import type { CampaignRun } from './campaign-run';

const { rollupCampaign } = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  // A rollup that cannot run now is simply taken at the next cadence: few attempts, short backoff.
  retry: {
    initialInterval: '2 seconds',
    backoffCoefficient: 2,
    maximumInterval: '30 seconds',
    maximumAttempts: 3,
  },
});

function sameNumbers(a: TKpiNumbers, b: TKpiNumbers): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof TKpiNumbers>;
  return [...keys].every((key) => a[key] === b[key]);
}

/**
 * Reads every started stream's numbers and phase, and folds them into the campaign: KPIs (an event only when they
 * changed, so history grows with news, not with the clock), phases the campaign missed, streams that closed without
 * finishing. Returns whether the rollup ran.
 */
export async function rollupNow(run: CampaignRun): Promise<boolean> {
  const started = Object.values(run.state.streams).filter((s) => s.startedAt !== undefined);
  let result;
  try {
    result = await rollupCampaign({
      streams: started.map((s) => ({ key: s.key, workflowId: s.workflowId })),
    });
  } catch (error) {
    if (!(error instanceof ActivityFailure)) throw error;
    log.warn('campaign rollup failed; trying again at the next cadence', {
      reason: error.cause?.message ?? error.message,
    });
    return false;
  }
  for (const stream of started) {
    const phase = result.phases[stream.key];
    const version = result.versions?.[stream.key];
    // Read after the await: what the stream told the campaign meanwhile is newer than the read model's lagging row.
    if (phase !== undefined && isChildPhaseNews(run.state.streams[stream.key]!, phase, version))
      run.emitIf({
        type: 'ChildPhaseChanged',
        key: stream.key,
        phase,
        ...(version === undefined ? {} : { version }),
      });
    const closed = result.closed[stream.key];
    if (closed !== undefined && run.state.streams[stream.key]!.status === 'started')
      run.emitIf({ type: 'ChildFailed', key: stream.key, status: closed });
  }
  const state = run.state;
  const totals = rollupTotals(result.perStream, state.plan.budget);
  const pace =
    state.phase === 'burst' ? roiPace(totals.gmv ?? 0, state.plan.budget, state.windows, nowMs()) : undefined;
  const floor = state.plan.goals.roiFloor;
  // The pace moves with the clock even when sales do not: news is a change of numbers or of which side of the floor.
  const sideChanged =
    floor !== undefined &&
    pace !== undefined &&
    pace < floor !== (state.steering.roiBelowSince !== undefined);
  if (state.kpis.rollups === 0 || sideChanged || !sameNumbers(totals, state.kpis.totals))
    run.emitIf({
      type: 'KpisRolledUp',
      totals,
      perStream: result.perStream,
      ...(pace === undefined ? {} : { roiPace: pace }),
    });
  return true;
}

/**
 * The rules that act on the numbers, as the plan says (burst only): threshold alerts with a cool-down; every goal met
 * ends the burst early; ROI under the floor for long enough asks the manager, and silence until the deadline does what
 * the plan names. Each step is an event carrying the numbers that caused it.
 */
export function steer(run: CampaignRun): void {
  const state = run.state;
  if (state.phase !== 'burst' || run.isPaused) return;
  const totals = state.kpis.totals;
  for (const alert of dueCampaignAlerts(
    state.plan.alerts,
    totals,
    state.alerts.lastFiredAt,
    nowMs(),
    state.plan.timing.alertCooldownSeconds,
  ))
    run.emitIf({ type: 'AlertRaised', ...alert, notified: [] });

  if (state.plan.rules.endBurstWhenGoalsMet && allGoalsMet(state.plan.goals, totals)) {
    run.emitIf({ type: 'PhaseEntered', phase: 'tail', rule: 'goals_met', numbers: totals });
    return;
  }
  const rule = state.plan.rules.roiFloor;
  const floor = state.plan.goals.roiFloor;
  const confirmation = state.steering.confirmation;
  if (confirmation !== undefined) {
    if (run.isDue(confirmation.dueAt)) {
      const decision = rule.onNoAnswer;
      run.emitIf({
        type: 'ContinueDecided',
        decision,
        reason: `nobody answered by ${confirmation.dueAt}; the plan says ${decision}`,
        timedOut: true,
      });
      if (decision === 'pause_remaining')
        run.emitIf({
          type: 'StreamsHeld',
          keys: remainingStreamKeys(run.state),
          reason: 'ROI under the floor, no answer',
        });
    }
    return;
  }
  const since = state.steering.roiBelowSince;
  const pace = state.kpis.roiPace;
  if (
    floor !== undefined &&
    since !== undefined &&
    pace !== undefined &&
    secondsBetween(since, nowIso()) >= rule.forSeconds
  )
    run.emitIf({
      type: 'ContinueConfirmationRequested',
      roi: pace,
      floor,
      belowSince: since,
      dueAt: addSeconds(nowIso(), rule.confirmWithinSeconds),
    });
}

/** When the steering rules next need a look without new numbers (a confirmation's deadline, the floor's stretch). */
export function nextSteeringAt(run: CampaignRun): string | undefined {
  const { steering, plan, phase } = run.state;
  if (phase !== 'burst') return undefined;
  if (steering.confirmation !== undefined) return steering.confirmation.dueAt;
  if (steering.roiBelowSince !== undefined)
    return addSeconds(steering.roiBelowSince, plan.rules.roiFloor.forSeconds);
  return undefined;
}
