import { toEpochMs } from '../../../domain/shared/time';
import { pendingApprovals, streamDeadlines } from '../../../domain/stream/selectors';
import { notify } from '../notify';
import type { StreamRun } from '../stream-run';
import { nowIso } from '../workflow-clock';
import { earliest } from './approvals';
import { sendDueFanPreviews } from './fan-previews';

const OFFSET_LABELS: Record<number, 'T-24h' | 'T-1h' | 'T-15m'> = {
  86400: 'T-24h',
  3600: 'T-1h',
  900: 'T-15m',
};

/**
 * Announces the stream and gets the team ready: fan previews per tier, team reminders with the pre-live checklist,
 * escalation when the room operator has not signed by the due time, then goes live at the scheduled start.
 */
export async function runPreheat(run: StreamRun): Promise<void> {
  while (run.state.phase === 'preheat') {
    const deadlines = streamDeadlines(run.state);
    if (run.isDue(deadlines.liveStart)) {
      run.emit({ type: 'PhaseEntered', phase: 'burst' });
      return;
    }
    const wakeAt: (string | undefined)[] = [deadlines.liveStart];
    wakeAt.push(await sendDueFanPreviews(run));
    wakeAt.push(await superviseChecklist(run));
    await run.checkpoint();
    await run.waitForChange(earliest(wakeAt));
  }
}

async function superviseChecklist(run: StreamRun): Promise<string | undefined> {
  const item = pendingApprovals(run.state, nowIso()).find((p) => p.kind === 'checklist');
  if (item === undefined) return undefined;
  const deadlines = streamDeadlines(run.state);
  if (run.isDue(item.nextReminderAt)) {
    const offsetSeconds = Math.round(
      (toEpochMs(deadlines.liveStart) - toEpochMs(item.nextReminderAt!)) / 1000,
    );
    const sequence = item.remindersSent + 1;
    const to = await notify(
      run,
      `team-reminder:${item.nextReminderAt}`,
      sequence,
      { roles: ['room_operator', 'co_host', 'host'] },
      'team_reminder',
      {
        offset: OFFSET_LABELS[offsetSeconds] ?? 'T-1h',
        liveStartAt: toEpochMs(deadlines.liveStart),
        doneItems: [],
        checklistUrl: run.link(`/streams/${run.state.streamId}`),
      },
    );
    run.emit({ type: 'ReminderSent', approvalKey: 'checklist', to });
    return nowIso();
  }
  if (!item.escalated && run.isDue(item.dueAt)) {
    const to = await notify(
      run,
      'checklist-escalation',
      1,
      { ids: item.escalateTo },
      'checklist_escalation',
      {
        liveStartAt: toEpochMs(deadlines.liveStart),
        pendingItems: ['devices', 'network_test', 'backup_stream', 'products_on_shelf'],
        responsible: item.assignees.join(', ') || 'room operator',
        checklistUrl: run.link(`/streams/${run.state.streamId}`),
      },
    );
    run.emit({ type: 'ChecklistEscalated', to });
    return undefined;
  }
  return earliest([item.nextReminderAt, item.escalated ? undefined : item.dueAt]);
}
