import { ActivityFailure, log, proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../../../activities';
import { campaignPendingItems } from '../../../domain/campaign/pending-items';
import { toEpochMs } from '../../../domain/shared/time';
import { nowIso } from '../../engine/clock';
import type { CampaignRun } from '../campaign-run';
import { campaignUrl, notifyCampaign } from '../notify';
import { rollupNow } from '../rollup';

const { buildCampaignReview } = proxyActivities<Activities>({
  startToCloseTimeout: '2 minutes',
  retry: {
    initialInterval: '5 seconds',
    backoffCoefficient: 2,
    maximumInterval: '5 minutes',
    maximumAttempts: 10,
  },
});

/**
 * Review (复盘): the final numbers from every stream, one report across them against the goals, then reminders to
 * the managers until one signs it off. A report that cannot be built waits for a manager's retry.
 */
export async function runReview(run: CampaignRun): Promise<void> {
  while (run.state.phase === 'review') {
    const review = run.state.review;
    if (review.reportId === undefined && review.failedAt === undefined) {
      await rollupNow(run);
      await buildReview(run);
      continue;
    }
    const wakeAt = remindSignoff(run);
    await run.continueAsNewIfSuggested();
    await run.waitForChange(wakeAt);
  }
}

async function buildReview(run: CampaignRun): Promise<void> {
  const state = run.state;
  try {
    const report = await buildCampaignReview({
      campaignId: state.campaignId,
      name: state.plan.name,
      timeZone: state.plan.timeZone,
      locale: run.locale,
      goals: state.plan.goals,
      budget: state.plan.budget,
      totals: state.kpis.totals,
      windows: state.windows,
      streams: state.streamOrder.map((key) => {
        const s = state.streams[key]!;
        const problem = s.failure ?? s.droppedReason;
        return {
          key,
          title: s.plan.title,
          workflowId: s.workflowId,
          slotStart: s.plan.scheduledStart,
          status: s.status,
          ...(s.phase === undefined ? {} : { phase: s.phase }),
          ...(problem === undefined ? {} : { problem }),
        };
      }),
      campaignAlerts: state.alerts.recent
        .filter((a) => a.ruleId !== 'notification_failed')
        .map((a) => ({ ruleId: a.ruleId, message: a.message })),
    });
    run.emitIf({ type: 'ReviewReported', reportId: report.reportId, summary: report.summary });
  } catch (error) {
    if (!(error instanceof ActivityFailure)) throw error;
    const reason = (error.cause?.message ?? error.message).slice(0, 500);
    log.warn('campaign review failed', { campaignId: state.campaignId, reason });
    run.emitIf({ type: 'ReviewFailed', reason });
  }
}

function remindSignoff(run: CampaignRun): string | undefined {
  const item = campaignPendingItems(run.state, nowIso()).find((i) => i.kind === 'review_signoff');
  if (item === undefined) return undefined;
  if (run.isDue(item.nextReminderAt)) {
    const sequence = item.remindersSent + 1;
    const to = notifyCampaign(
      run,
      `reminder:${item.key}`,
      sequence,
      { roles: ['manager'] },
      'review_signoff_reminder',
      {
        reviewUrl: campaignUrl(run, '/review'),
        dueAt: toEpochMs(item.dueAt),
        reminderNumber: sequence,
      },
    );
    run.emit({ type: 'ReminderSent', approvalKey: item.key, to });
    return undefined;
  }
  return item.nextReminderAt;
}
