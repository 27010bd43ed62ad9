import {
  ChildWorkflowCancellationType,
  ParentClosePolicy,
  startChild,
  WorkflowIdReusePolicy,
} from '@temporalio/workflow';
import { childStartAt } from '../../domain/campaign/deadlines';
import type { TCampaignStream } from '../../domain/campaign/state.types';
import { isBefore, toEpochMs } from '../../domain/shared/time';
import { nowIso } from '../engine/clock';
import { SA_KIND, SA_OWNER, SA_PHASE, SA_SCHEDULED_START } from '../search-attributes';
import { streamWorkflow } from '../stream/stream-workflow';
import type { CampaignRun } from './campaign-run';

/** Streams whose start is due now (in time for their gates), while the campaign starts streams and is not paused. */
function dueStreams(run: CampaignRun): TCampaignStream[] {
  if (run.isPaused || !['scheduled', 'preheat', 'burst'].includes(run.state.phase)) return [];
  return run.state.streamOrder
    .map((key) => run.state.streams[key]!)
    .filter((s) => s.status === 'planned' && run.isDue(childStartAt(s)));
}

/**
 * Starts each due stream as a child workflow. ParentClosePolicy ABANDON: a stream that has gone live must finish and
 * be reviewed on its own even if its campaign ends or is terminated; the campaign stops its streams deliberately,
 * through their own cancel and end-early actions, so each stream's team is told why. Cancellation type ABANDON for
 * the same reason: a Temporal cancellation of the campaign never silently kills a live stream.
 */
export async function startDueChildren(run: CampaignRun): Promise<void> {
  for (const stream of dueStreams(run)) {
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
            createdBy: run.actor,
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
  if (!['scheduled', 'preheat', 'burst'].includes(run.state.phase)) return undefined;
  return Object.values(run.state.streams)
    .filter((s) => s.status === 'planned')
    .map(childStartAt)
    .reduce<string | undefined>((a, b) => (a === undefined || isBefore(b, a) ? b : a), undefined);
}
