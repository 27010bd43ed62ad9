import { ApplicationFailure, log, workflowInfo } from '@temporalio/workflow';
import { SYSTEM_ACTOR, type TActor } from '../../domain/shared/actor.types';
import type { TCampaignLink, TStreamEventOf } from '../../domain/stream/events.types';
import { planShapeProblem } from '../../domain/stream/plan-guard';
import type { TStreamPlan } from '../../domain/stream/plan.types';
import { initialStreamState } from '../../domain/stream/reducer';
import type { TStreamState } from '../../domain/stream/state.types';
import { nowIso } from '../engine/clock';
import { registerStreamHandlers } from './handlers';
import { notify, reportDeliveryFailure } from './notify';
import { runBlocked } from './phases/blocked';
import { runBurst } from './phases/burst';
import { runCompliance } from './phases/compliance';
import { runPreheat } from './phases/preheat';
import { runTail, runReview } from './phases/tail-and-review';
import { StreamCancelled, StreamRun, type CarriedStreamState, type StreamRunSettings } from './stream-run';

export interface StartStreamInput {
  /** A plan already parsed at the edge (api: ZStreamPlanSchema, defaults applied): no schema library runs here. */
  plan: TStreamPlan;
  /** Who created the stream; the plan's script is submitted as revision 1 in their name. */
  createdBy: TActor;
  settings?: Partial<StreamRunSettings>;
  /** The campaign that started this stream as its child, if one did. */
  campaign?: TCampaignLink;
}

export type StreamWorkflowInput = StartStreamInput | { carried: CarriedStreamState };

const DEFAULT_SETTINGS: StreamRunSettings = { publicBaseUrl: 'http://localhost:3000', locale: 'zh-CN' };

function startRun(input: StreamWorkflowInput): StreamRun {
  if ('carried' in input) {
    const { state, settings, ...rest } = input.carried;
    return new StreamRun(state, settings, reportDeliveryFailure, rest);
  }
  const problem = planShapeProblem(input.plan);
  // A malformed plan can never become good by retrying the workflow task: fail the workflow with the reason.
  if (problem !== undefined) throw ApplicationFailure.nonRetryable(problem, 'INVALID_INPUT');
  const { plan, createdBy } = input;
  const streamId = workflowInfo().workflowId;
  const at = nowIso();
  const run = new StreamRun(
    initialStreamState(streamId, plan, at, createdBy, input.campaign),
    { ...DEFAULT_SETTINGS, ...input.settings },
    reportDeliveryFailure,
  );
  const planned: TStreamEventOf<'StreamPlanned'> = {
    type: 'StreamPlanned',
    at,
    actor: createdBy,
    streamId,
    plan,
    ...(input.campaign === undefined ? {} : { campaign: input.campaign }),
  };
  run.shipper.push(1, planned);
  run.emit(
    { type: 'ScriptSubmitted', revision: 1, segments: plan.script, submittedBy: createdBy.id },
    createdBy,
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
  return run.shieldFromCancellation(
    () => cancelRequestedThroughTemporal(run),
    () => runStream(run),
  );
}

/**
 * A cancellation through Temporal (an operator, a script) is the stream's own cancel, taken by the system, wherever a
 * cancel is possible: the team is told, the timeline says so. A live stream is never cancelled (it ends early, and its
 * sales still get their review): the request is put on its timeline and ignored; after the live there is nothing
 * left to cancel.
 */
function cancelRequestedThroughTemporal(run: StreamRun): void {
  const reason = 'cancellation requested through Temporal (workflow cancel)';
  if (run.emitIf({ type: 'Cancelled', reason })) return;
  log.warn('cancel request ignored: the stream is past its gates', { phase: run.state.phase });
  if (run.state.phase === 'burst')
    run.emitIf({
      type: 'AlertRaised',
      ruleId: 'cancel_request_ignored',
      message: `${reason} while live: ignored. A live stream is ended early (end-early), not cancelled.`,
      notified: [],
    });
}

async function runStream(run: StreamRun): Promise<TStreamState> {
  try {
    for (;;) {
      switch (run.state.phase) {
        case 'draft':
          // Left at once: the workflow submits the plan's script as r1 when it starts.
          await run.waitForChange(undefined);
          break;
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
          await run.drainBeforeEnd();
          return run.state;
        case 'cancelled':
          throw new StreamCancelled();
      }
    }
  } catch (error) {
    if (!(error instanceof StreamCancelled)) throw error;
    notify(
      run,
      'cancelled',
      1,
      { roles: ['manager', 'room_operator', 'host', 'co_host', 'promoter', 'reviewer'] },
      'stream_cancelled',
      {
        reason: (run.state.cancelledReason ?? 'cancelled').slice(0, 500),
        cancelledBy: cancelledBy(run.state).slice(0, 100),
        liveStartAt: Date.parse(run.state.schedule.scheduledStart),
      },
    );
    await run.drainBeforeEnd();
    return run.state;
  }
}

function cancelledBy(state: TStreamState): string {
  const entry = [...state.timeline.entries].reverse().find((e) => e.type === 'Cancelled');
  return entry?.actorId ?? SYSTEM_ACTOR.id;
}
