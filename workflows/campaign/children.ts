import {
  ChildWorkflowCancellationType,
  ParentClosePolicy,
  startChild,
  WorkflowIdReusePolicy,
} from '@temporalio/workflow';
import { childStartAt, nextChildStart } from '../../domain/campaign/deadlines';
import { CAMPAIGN_STARTING_PHASES } from '../../domain/campaign/phases';
import type { TCampaignStream } from '../../domain/campaign/state.types';
import type { TActor } from '../../domain/shared/actor.types';
import { isBefore, toEpochMs } from '../../domain/shared/time';
import { nowIso } from '../engine/clock';
import { SA_KIND, SA_OWNER, SA_PHASE, SA_SCHEDULED_START } from '../search-attributes';
import { streamWorkflow } from '../stream/stream-workflow';
import type { CampaignRun } from './campaign-run';

/** The streams due to start now, in slot order, while the campaign starts streams and is not paused. */
function dueKeys(run: CampaignRun): string[] {
  return run.state.streamOrder.filter((key) => stillDue(run, key) !== undefined);
}

/** The stream `key` if it is still to be started now: planned, its start come, the campaign starting and not paused. */
function stillDue(run: CampaignRun, key: string): TCampaignStream | undefined {
  const stream = run.state.streams[key];
  if (stream === undefined || stream.status !== 'planned') return undefined;
  if (run.isPaused || !CAMPAIGN_STARTING_PHASES.includes(run.state.phase)) return undefined;
  return run.isDue(childStartAt(stream)) ? stream : undefined;
}

/**
 * Who the stream's plan comes from, as its creator: the person who wrote it into the campaign submits its script r1 and
 * its lineup, so they cannot approve them (separation of duties holds inside a campaign too). Campaigns from before
 * authors were recorded fall back to the campaign itself.
 */
function creatorOf(run: CampaignRun, stream: TCampaignStream): TActor {
  const author = stream.author;
  return author === undefined ? run.actor : { ...author, roles: [...author.roles] };
}

/**
 * Starts each due stream as a child workflow, one `await` at a time. The keys due when the pass begins keep the order
 * of the starts; each is judged again against the state right before its own start, because during the previous
 * start's await anything may have landed (a cancel, a stream taken out or held, a pause). A start that was in flight
 * when such an action landed still happened: ChildStarted records it and the campaign stops or pauses that stream as
 * the action requires (domain/campaign/child-commands.ts).
 *
 * ParentClosePolicy ABANDON: a stream that has gone live must finish and be reviewed on its own even if its campaign
 * ends or continues as new (a continue-as-new closes the run, and the policy applies to it too); the campaign stops
 * its streams deliberately, through their own cancel and end-early actions, so each stream's team is told why.
 * Cancellation type ABANDON for the same reason.
 */
export async function startDueChildren(run: CampaignRun): Promise<void> {
  for (const key of dueKeys(run)) {
    const stream = stillDue(run, key);
    if (stream === undefined) continue;
    if (!isBefore(nowIso(), stream.plan.scheduledStart)) {
      run.emitIf({
        type: 'ChildStartFailed',
        key: stream.key,
        reason: `its slot ${stream.plan.scheduledStart} has passed`,
      });
      continue;
    }
    try {
      await startChild(streamWorkflow, {
        workflowId: stream.workflowId,
        parentClosePolicy: ParentClosePolicy.ABANDON,
        cancellationType: ChildWorkflowCancellationType.ABANDON,
        workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
        memo: { title: stream.plan.title, timeZone: stream.plan.timeZone, campaignId: run.state.campaignId },
        typedSearchAttributes: [
          { key: SA_KIND, value: 'stream' },
          { key: SA_PHASE, value: 'compliance' },
          { key: SA_OWNER, value: stream.plan.owner },
          { key: SA_SCHEDULED_START, value: new Date(toEpochMs(stream.plan.scheduledStart)) },
        ],
        args: [
          {
            plan: stream.plan,
            createdBy: creatorOf(run, stream),
            settings: run.settings,
            campaign: { id: run.state.campaignId, key: stream.key, name: run.state.plan.name.slice(0, 200) },
          },
        ],
      });
      run.emitIf({ type: 'ChildStarted', key: stream.key, workflowId: stream.workflowId });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      run.emitIf({ type: 'ChildStartFailed', key: stream.key, reason: reason.slice(0, 500) });
    }
  }
}

/** When the next planned stream is due to start, for the loop's wait. */
export function nextStartDue(run: CampaignRun): string | undefined {
  return nextChildStart(run.state)?.at;
}
