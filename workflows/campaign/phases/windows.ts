import { windowBoundary } from '../../../domain/campaign/deadlines';
import { addSeconds } from '../../../domain/shared/time';
import { nowIso } from '../../engine/clock';
import type { CampaignRun } from '../campaign-run';
import { nextStartDue, startDueChildren } from '../children';
import { nextSteeringAt, rollupNow, steer } from '../rollup';
import { earliestOf } from './earliest';

const ROLLUP_PHASES = ['burst', 'tail'];

/**
 * Scheduled, preheat, burst and tail: the campaign moves itself on at each window boundary, starts each stream in time
 * for its gates, rolls its streams' numbers up on the plan's cadence during burst and tail, and lets the plan's rules
 * act on them. Every wait ends at the earliest of these, or earlier when something changes.
 */
export async function runWindows(run: CampaignRun): Promise<void> {
  const phase = run.state.phase;
  let nextRollupAt = nowIso();
  while (run.state.phase === phase) {
    await startDueChildren(run);
    if (ROLLUP_PHASES.includes(phase) && run.isDue(nextRollupAt)) {
      await rollupNow(run);
      nextRollupAt = addSeconds(nowIso(), run.state.plan.timing.rollupEverySeconds);
    }
    steer(run);
    if (run.state.phase !== phase) return;
    const boundary = windowBoundary(run.state);
    if (boundary !== undefined && run.isDue(boundary.at)) {
      run.emitIf({ type: 'PhaseEntered', phase: boundary.phase });
      return;
    }
    await run.continueAsNewIfSuggested();
    await run.waitForChange(
      earliestOf([
        boundary?.at,
        nextStartDue(run),
        nextSteeringAt(run),
        ROLLUP_PHASES.includes(phase) ? nextRollupAt : undefined,
      ]),
    );
  }
}
