import { addSeconds, toEpochMs } from '../../../domain/shared/time';
import { nowIso } from '../../engine/clock';
import { notify } from '../notify';
import type { StreamRun } from '../stream-run';

/**
 * Blocked waits for a manager: reschedule (the gates resume) or cancel. Managers are reminded at the approval
 * reminder interval for as long as it takes; each reminder is the wait's timeout branch. Reminders are counted in
 * state (ReminderSent), so neither a replay nor a new run repeats one.
 */
export async function runBlocked(run: StreamRun): Promise<void> {
  while (run.state.phase === 'blocked') {
    const blockedAt = run.state.phaseEnteredAt.blocked ?? nowIso();
    const key = `blocked:${blockedAt}`;
    const notices = run.state.approvalNotices[key];
    const interval = Math.max(run.state.plan.timing.approvalReminderIntervalSeconds, 60);
    const nextReminderAt = addSeconds(notices?.lastReminderAt ?? blockedAt, interval);
    if (run.isDue(nextReminderAt)) {
      const to = notify(run, key, (notices?.reminders ?? 0) + 1, { roles: ['manager'] }, 'stream_blocked', {
        reasons: [(run.state.blockedReason ?? 'blocked').slice(0, 500)],
        blockedAt: toEpochMs(blockedAt),
        streamUrl: run.link(`/streams/${run.state.streamId}`),
      });
      run.emit({ type: 'ReminderSent', approvalKey: key, to });
      continue;
    }
    await run.continueAsNewIfSuggested();
    await run.waitForChange(nextReminderAt);
  }
}
