import { ActivityFailure, log, proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../../../activities';
import { toEpochMs } from '../../../domain/shared/time';
import { streamDeadlines } from '../../../domain/stream/selectors';
import { notify } from '../notify';
import type { StreamRun } from '../stream-run';
import { nowIso } from '../workflow-clock';
import { earliest, superviseApprovals } from './approvals';

const { collectFinalStats, buildStreamReview } = proxyActivities<Activities>({
  startToCloseTimeout: '2 minutes',
  retry: {
    initialInterval: '5 seconds',
    backoffCoefficient: 2,
    maximumInterval: '5 minutes',
    maximumAttempts: 10,
  },
});

/** After the live: clips, UGC and after-sales for the tail length from the plan; the tail end moves with the live end. */
export async function runTail(run: StreamRun): Promise<void> {
  await notify(
    run,
    'tail-started',
    1,
    { roles: ['promoter', 'customer_service', 'analyst', 'room_operator'] },
    'phase_changed',
    {
      from: 'burst',
      to: 'tail',
      changedAt: toEpochMs(nowIso()),
      reason: 'highlight clips, user content collection, follow-ups and after-sales',
      streamUrl: run.link(`/streams/${run.state.streamId}`),
    },
  );
  while (run.state.phase === 'tail') {
    const { tailEnd } = streamDeadlines(run.state);
    if (run.isDue(tailEnd)) {
      run.emit({ type: 'PhaseEntered', phase: 'review' });
      return;
    }
    await run.checkpoint();
    await run.waitForChange(tailEnd);
  }
}

/**
 * Review (复盘): final numbers from the analytics platform, KPIs against targets, the report stored and sent to the
 * team; then reminders to the manager until the review is signed off.
 */
export async function runReview(run: StreamRun): Promise<void> {
  if (run.state.review.reportId === undefined) {
    const streamId = run.state.streamId;
    await pullFinalStats(run);
    const report = await buildStreamReview({
      streamId,
      title: run.state.plan.title,
      timeZone: run.state.plan.timeZone,
      targets: run.state.plan.targets,
      locale: run.locale,
    });
    run.emit({ type: 'ReviewReported', reportId: report.reportId, summary: report.summary });
    await notify(
      run,
      'review-ready',
      1,
      { roles: ['manager', 'room_operator', 'analyst', 'reviewer', 'promoter'] },
      'review_ready',
      {
        reviewUrl: run.link(`/streams/${streamId}/review`),
        highlights: [],
      },
    );
  }
  while (run.state.phase === 'review') {
    const wakeAt = await superviseApprovals(run, ['review_signoff']);
    await run.checkpoint();
    await run.waitForChange(earliest(wakeAt));
  }
}

/**
 * Final numbers from the platform. Late or missing data is normal (some platforms are T+1), so a platform that stays
 * unavailable through the retries does not stop the review: it is written from what was pushed during the live, and
 * the team is told the report may be incomplete.
 */
async function pullFinalStats(run: StreamRun): Promise<void> {
  try {
    await collectFinalStats({ streamId: run.state.streamId });
  } catch (error) {
    if (!(error instanceof ActivityFailure)) throw error;
    const message = `final stats unavailable from the analytics platform (${error.cause?.message ?? error.message}); the review uses the metrics pushed during the live`;
    log.warn(message);
    run.emit({ type: 'AlertRaised', ruleId: 'analytics_unavailable', message, notified: [] });
  }
}
