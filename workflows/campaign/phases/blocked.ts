import { addSeconds, toEpochMs } from '../../../domain/shared/time';
import { nowIso } from '../../engine/clock';
import type { CampaignRun } from '../campaign-run';
import { campaignUrl, notifyCampaign } from '../notify';

/** Blocked waits for a manager to reschedule or cancel, reminding them at the approval reminder interval. */
export async function runBlocked(run: CampaignRun): Promise<void> {
  while (run.state.phase === 'blocked') {
    const blockedAt = run.state.phaseEnteredAt.blocked ?? nowIso();
    const key = `blocked:${blockedAt}`;
    const notices = run.state.approvalNotices[key];
    const next =
      notices === undefined
        ? blockedAt
        : addSeconds(
            notices.lastReminderAt ?? blockedAt,
            run.state.plan.timing.approvalReminderIntervalSeconds,
          );
    if (run.isDue(next)) {
      const to = notifyCampaign(
        run,
        key,
        (notices?.reminders ?? 0) + 1,
        { roles: ['manager'] },
        'stream_blocked',
        {
          reasons: [(run.state.blockedReason ?? 'blocked').slice(0, 500)],
          blockedAt: toEpochMs(blockedAt),
          streamUrl: campaignUrl(run),
        },
      );
      run.emit({ type: 'ReminderSent', approvalKey: key, to });
      continue;
    }
    await run.continueAsNewIfSuggested();
    await run.waitForChange(next);
  }
}
