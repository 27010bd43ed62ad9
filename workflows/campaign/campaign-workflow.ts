import { ApplicationFailure, workflowInfo } from '@temporalio/workflow';
import type { TCampaignPlan } from '../../domain/campaign/plan.schema';
import { initialCampaignState } from '../../domain/campaign/reducer';
import type { TCampaignState } from '../../domain/campaign/state.types';
import type { TActor } from '../../domain/shared/actor.types';
import { nowIso } from '../engine/clock';
import { RunCancelled, type TRunSettings } from '../engine/workflow-run';
import { CampaignRun, type CarriedCampaignState } from './campaign-run';
import { registerCampaignHandlers } from './handlers';
import { runApproval } from './phases/approval';
import { runBlocked } from './phases/blocked';
import { runReview } from './phases/review';
import { runWindows } from './phases/windows';

export interface StartCampaignInput {
  /** Parsed at the edge (ZCampaignPlanSchema: windows normalized, recurring rules expanded): no schema library here. */
  plan: TCampaignPlan;
  /** Who submitted the plan: they cannot approve it. */
  createdBy: TActor;
  settings?: Partial<TRunSettings>;
}

export type CampaignWorkflowInput = StartCampaignInput | { carried: CarriedCampaignState };

const DEFAULT_SETTINGS: TRunSettings = { publicBaseUrl: 'http://localhost:3000', locale: 'zh-CN' };

function startRun(input: CampaignWorkflowInput): CampaignRun {
  if ('carried' in input) {
    const { state, settings, ...rest } = input.carried;
    return new CampaignRun(state, settings, rest);
  }
  const { plan, createdBy } = input;
  if (plan?.windows === undefined || !Array.isArray(plan.streams))
    throw ApplicationFailure.nonRetryable(
      'A campaign needs a parsed plan with windows and streams',
      'INVALID_INPUT',
    );
  const campaignId = workflowInfo().workflowId;
  const at = nowIso();
  const state = initialCampaignState(campaignId, plan, at, createdBy);
  const run = new CampaignRun(state, { ...DEFAULT_SETTINGS, ...input.settings });
  run.shipper.push(1, {
    type: 'CampaignPlanned',
    at,
    actor: createdBy,
    campaignId,
    plan,
    submittedBy: createdBy.id,
  });
  return run;
}

/**
 * One campaign (活动: 618, Double 11, a brand day) from plan approval through preheat, burst and tail to a signed
 * review, moving itself on at its window boundaries and running its streams as child workflows. Human decisions arrive
 * as Updates (domain/campaign/actions); each loop waits on "state changed or next deadline".
 */
export async function campaignWorkflow(input: CampaignWorkflowInput): Promise<TCampaignState> {
  const run = startRun(input);
  registerCampaignHandlers(run);
  // A cancellation through Temporal is the cancel action taken by the system: the streams are stopped, the team told.
  return run.shieldFromCancellation(
    () =>
      void run.emitIf({
        type: 'CampaignCancelled',
        reason: 'cancellation requested through Temporal (workflow cancel)',
      }),
    () => runCampaign(run),
  );
}

async function runCampaign(run: CampaignRun): Promise<TCampaignState> {
  try {
    for (;;) {
      switch (run.state.phase) {
        case 'approval':
          await runApproval(run);
          break;
        case 'blocked':
          await runBlocked(run);
          break;
        case 'scheduled':
        case 'preheat':
        case 'burst':
        case 'tail':
          await runWindows(run);
          break;
        case 'review':
          await runReview(run);
          break;
        case 'completed':
          await run.drainBeforeEnd();
          return run.state;
        case 'cancelled':
          throw new RunCancelled();
      }
    }
  } catch (error) {
    if (!(error instanceof RunCancelled)) throw error;
    // The team was told when the cancellation was applied; the streams' commands go out before the end.
    await run.drainBeforeEnd();
    return run.state;
  }
}
