import { toEpochMs } from '../../../domain/shared/time';
import { pendingItems } from '../../../domain/stream/pending-items';
import { streamDeadlines } from '../../../domain/stream/selectors';
import { nowIso } from '../../engine/clock';
import { notify } from '../notify';
import type { StreamRun } from '../stream-run';
import { earliest } from './approvals';
import { sendDueFanPreviews } from './fan-previews';

const OFFSET_LABELS: Record<number, 'T-24h' | 'T-1h' | 'T-15m'> = {
  86400: 'T-24h',
  3600: 'T-1h',
  900: 'T-15m',
};

/**
 * Announces the stream and gets the team ready: fan previews per tier, team reminders with the plan's own checklist,
 * escalation when the room operator has not signed by the due time, then goes live at the scheduled start. While
 * paused nothing of this happens (PAUSE_POLICY); if the start passes meanwhile, the stream goes live when resumed.
 */
export async function runPreheat(run: StreamRun): Promise<void> {
  while (run.state.phase === 'preheat') {
    const deadlines = streamDeadlines(run.state);
    if (run.isDue(deadlines.liveStart)) {
      run.emit({ type: 'PhaseEntered', phase: 'burst' });
      return;
    }
    const wakeAt: (string | undefined)[] = [deadlines.liveStart];
    wakeAt.push(sendDueFanPreviews(run));
    wakeAt.push(superviseChecklist(run));
    await run.continueAsNewIfSuggested();
    await run.waitForChange(earliest(wakeAt));
  }
}

function checklistEntries(run: StreamRun) {
  const signed = new Set(run.state.checklist.items);
  return run.state.plan.checklist.map((item) => ({
    id: item.id,
    label: item.label.slice(0, 200),
    done: signed.has(item.id),
  }));
}

function superviseChecklist(run: StreamRun): string | undefined {
  const item = pendingItems(run.state, nowIso()).find((p) => p.kind === 'checklist');
  if (item === undefined) return undefined;
  const deadlines = streamDeadlines(run.state);
  if (run.isDue(item.nextReminderAt)) {
    const offsetSeconds = Math.round(
      (toEpochMs(deadlines.liveStart) - toEpochMs(item.nextReminderAt!)) / 1000,
    );
    const sequence = item.remindersSent + 1;
    const to = notify(
      run,
      `team-reminder:${item.nextReminderAt}`,
      sequence,
      { roles: ['room_operator', 'co_host', 'host'] },
      'team_reminder',
      {
        offset: OFFSET_LABELS[offsetSeconds] ?? 'T-1h',
        liveStartAt: toEpochMs(deadlines.liveStart),
        items: checklistEntries(run),
        checklistUrl: run.link(`/streams/${run.state.streamId}`),
      },
    );
    run.emit({ type: 'ReminderSent', approvalKey: 'checklist', to });
    return nowIso();
  }
  if (!item.escalated && run.isDue(item.dueAt)) {
    const to = notify(run, 'checklist-escalation', 1, { ids: item.escalateTo }, 'checklist_escalation', {
      liveStartAt: toEpochMs(deadlines.liveStart),
      pendingItems: checklistEntries(run)
        .filter((entry) => !entry.done)
        .map(({ id, label }) => ({ id, label })),
      responsible: (item.assignees.join(', ') || 'room operator').slice(0, 100),
      checklistUrl: run.link(`/streams/${run.state.streamId}`),
    });
    run.emit({ type: 'ChecklistEscalated', to });
    return undefined;
  }
  return earliest([item.nextReminderAt, item.escalated ? undefined : item.dueAt]);
}
