import { ApplicationFailure, workflowInfo } from '@temporalio/workflow';
import { SYSTEM_ACTOR, type TActor } from '../../domain/shared/actor.types';
import { isDomainError } from '../../domain/shared/errors';
import { parseStreamPlan } from '../../domain/stream/parse-plan';
import type { TStreamPlanInput } from '../../domain/stream/plan.types';
import { initialStreamState } from '../../domain/stream/reducer';
import type { TStreamState } from '../../domain/stream/state.types';
import { registerStreamHandlers } from './handlers';
import { notify } from './notify';
import { runBlocked } from './phases/blocked';
import { runBurst } from './phases/burst';
import { runCompliance } from './phases/compliance';
import { runPreheat } from './phases/preheat';
import { runTail, runReview } from './phases/tail-and-review';
import { StreamCancelled, StreamRun, type CarriedStreamState, type StreamRunSettings } from './stream-run';
import { nowIso } from './workflow-clock';

export interface StartStreamInput {
  plan: TStreamPlanInput;
  /** Who created the stream; the plan's script is submitted as revision 1 in their name. */
  createdBy: TActor;
  settings?: Partial<StreamRunSettings>;
}

export type StreamWorkflowInput = StartStreamInput | { carried: CarriedStreamState };

const DEFAULT_SETTINGS: StreamRunSettings = { publicBaseUrl: 'http://localhost:3000', locale: 'zh-CN' };

function startRun(input: StreamWorkflowInput): StreamRun {
  if ('carried' in input) {
    const { state, settings, ...rest } = input.carried;
    return new StreamRun(state, settings, rest);
  }
  let plan;
  try {
    plan = parseStreamPlan(input.plan);
  } catch (error) {
    // A bad plan can never become good by retrying the workflow task: fail the workflow with the reason.
    if (isDomainError(error)) throw ApplicationFailure.nonRetryable(error.message, error.code, error.details);
    throw error;
  }
  const state = initialStreamState(workflowInfo().workflowId, plan, nowIso(), input.createdBy);
  const run = new StreamRun(state, { ...DEFAULT_SETTINGS, ...input.settings });
  run.emit(
    { type: 'ScriptSubmitted', revision: 1, segments: plan.script, submittedBy: input.createdBy.id },
    input.createdBy,
  );
  return run;
}

/**
 * One live stream (单场直播) from plan to signed-off review. The phase in the reducer-built state picks the loop that
 * runs; human actions arrive as Updates and change the state; every loop waits on "state changed or next deadline".
 */
export async function streamWorkflow(input: StreamWorkflowInput): Promise<TStreamState> {
  const run = startRun(input);
  registerStreamHandlers(run);
  try {
    for (;;) {
      await run.checkpoint();
      switch (run.state.phase) {
        case 'draft':
        case 'compliance':
          await runCompliance(run);
          break;
        case 'blocked':
          await runBlocked(run);
          break;
        case 'preheat':
          await runPreheat(run);
          break;
        case 'burst':
          await runBurst(run);
          break;
        case 'tail':
          await runTail(run);
          break;
        case 'review':
          await runReview(run);
          break;
        case 'completed':
          return run.state;
        case 'cancelled':
          throw new StreamCancelled();
      }
    }
  } catch (error) {
    if (!(error instanceof StreamCancelled)) throw error;
    await notify(
      run,
      'cancelled',
      1,
      { roles: ['manager', 'room_operator', 'host', 'co_host', 'promoter', 'reviewer'] },
      'stream_cancelled',
      {
        reason: run.state.cancelledReason ?? 'cancelled',
        cancelledBy: run.state.timeline.entries.at(-1)?.actorId ?? SYSTEM_ACTOR.id,
        liveStartAt: Date.parse(run.state.schedule.scheduledStart),
      },
    );
    await run.checkpoint();
    return run.state;
  }
}
