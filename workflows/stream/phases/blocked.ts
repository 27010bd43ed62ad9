import { notify } from '../notify';
import type { StreamRun } from '../stream-run';
import { addSeconds, toEpochMs } from '../../../domain/shared/time';
import { nowIso } from '../workflow-clock';

/**
 * Blocked waits for a manager: reschedule (the gates resume) or cancel. Managers are reminded at the approval
 * reminder interval for as long as it takes; each reminder is the wait's timeout branch.
 */
export async function runBlocked(run: StreamRun): Promise<void> {
  let reminders = 0;
  while (run.state.phase === 'blocked') {
    const interval = run.state.plan.timing.approvalReminderIntervalSeconds;
    const outcome = await run.waitForChange(addSeconds(nowIso(), Math.max(interval, 60)));
    if (outcome === 'deadline' && run.state.phase === 'blocked') {
      reminders += 1;
      await notify(
        run,
        `blocked-reminder:${run.state.version}`,
        reminders,
        { roles: ['manager'] },
        'stream_blocked',
        {
          reasons: [run.state.blockedReason ?? 'blocked'],
          blockedAt: toEpochMs(run.state.phaseEnteredAt.blocked ?? nowIso()),
          streamUrl: run.link(`/streams/${run.state.streamId}`),
        },
      );
    }
  }
}
