import { ActivityFailure, log, patched, proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../../../activities';
import { toEpochMs } from '../../../domain/shared/time';
import { streamDeadlines } from '../../../domain/stream/selectors';
import { nowIso } from '../../engine/clock';
import { receiveMetrics } from '../metrics-intake';
import { notify } from '../notify';
import type { StreamRun } from '../stream-run';
import { earliest, superviseApprovals } from './approvals';
import { pullLiveSnapshot } from './live-snapshot';

/**
 * Versioned change (README, "Changing running workflows"): the tail starts with one last pull of the platform's
 * numbers, so the closing minutes of sales are in the stream before the review is built. Streams that entered their
 * tail before this change have no such activity in their history; `patched` keeps them on the old path when they
 * replay, and records a marker for new ones. Once no stream started before the change can still be running, this
 * becomes `deprecatePatch(CLOSING_SNAPSHOT_PATCH)` with the pull unconditional, and later the call goes.
 */
export const CLOSING_SNAPSHOT_PATCH = 'closing-snapshot-at-tail';

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
  if (patched(CLOSING_SNAPSHOT_PATCH)) {
    const closing = await pullLiveSnapshot(run.state.streamId);
    if (closing) receiveMetrics(run, closing);
  }
  // Keyed by purpose, so a new run (continue-as-new) re-entering the tail does not tell anyone twice.
  notify(
    run,
    'tail-started',
    1,
    { roles: ['promoter', 'customer_service', 'analyst', 'room_operator'] },
    'phase_changed',
    {
      from: 'burst',
      to: 'tail',
      changedAt: toEpochMs(run.state.phaseEnteredAt.tail ?? nowIso()),
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
    await run.continueAsNewIfSuggested();
    await run.waitForChange(tailEnd);
  }
}

/**
 * Review (复盘): final numbers from the analytics platform, KPIs against targets, the report stored and sent to the
 * team; then reminders to the manager until the review is signed off. A report that cannot be built after its retries
 * does not fail the stream: the managers are told and the stream waits in review for a retry.
 */
export async function runReview(run: StreamRun): Promise<void> {
  while (run.state.phase === 'review') {
    const review = run.state.review;
    if (review.reportId === undefined && review.failedAt === undefined) {
      await buildReview(run);
      continue;
    }
    const wakeAt = superviseApprovals(run, ['review_signoff']);
    await run.continueAsNewIfSuggested();
    await run.waitForChange(earliest(wakeAt));
  }
}

async function buildReview(run: StreamRun): Promise<void> {
  const streamId = run.state.streamId;
  await pullFinalStats(run);
  let report;
  try {
    report = await buildStreamReview({
      streamId,
      title: run.state.plan.title,
      timeZone: run.state.plan.timeZone,
      targets: run.state.plan.targets,
      locale: run.locale,
    });
  } catch (error) {
    if (!(error instanceof ActivityFailure)) throw error;
    const reason = (error.cause?.message ?? error.message).slice(0, 500);
    log.warn('review report failed', { streamId, reason });
    if (!run.emitIf({ type: 'ReviewFailed', reason })) return;
    notify(run, `review-failed:${run.state.review.failures}`, 1, { roles: ['manager'] }, 'review_failed', {
      reason,
      failures: run.state.review.failures,
      streamUrl: run.link(`/streams/${streamId}`),
    });
    return;
  }
  if (!run.emitIf({ type: 'ReviewReported', reportId: report.reportId, summary: report.summary })) return;
  notify(
    run,
    'review-ready',
    1,
    { roles: ['manager', 'room_operator', 'analyst', 'reviewer', 'promoter'] },
    'review_ready',
    { reviewUrl: run.link(`/streams/${streamId}/review`), highlights: [] },
  );
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
    run.emitIf({
      type: 'AlertRaised',
      ruleId: 'analytics_unavailable',
      message: message.slice(0, 500),
      notified: [],
    });
  }
}
