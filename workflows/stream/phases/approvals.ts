import type { TGateKind } from '../../../domain/notify/notify.types';
import { toEpochMs } from '../../../domain/shared/time';
import { supervisedItems, type TPendingItem } from '../../../domain/stream/pending-items';
import { nowIso } from '../../engine/clock';
import { notify } from '../notify';
import type { StreamRun } from '../stream-run';

const GATE_OF: Partial<Record<TPendingItem['kind'], TGateKind>> = {
  script: 'script_compliance',
  product: 'product_compliance',
};

/** "script r2", "玻尿酸保湿面霜 50g (HF-001)": what exactly waits, so each message names its item. */
function itemLabel(item: TPendingItem): string | undefined {
  if (item.subject.revision !== undefined) return `r${item.subject.revision}`;
  if (item.subject.sku !== undefined) return `${item.subject.name ?? item.subject.sku} (${item.subject.sku})`;
  return undefined;
}

/**
 * Sends what is due for the supervised items of kinds `kinds`: the first word that something waits, repeating
 * reminders to the assignees (they never cancel the task) and, past the SLA, one escalation. Returns the instants at
 * which the next of these is due. Nothing here waits: messages go through the outbox.
 */
export function superviseApprovals(run: StreamRun, kinds: TPendingItem['kind'][]): string[] {
  const wakeAt: string[] = [];
  for (const item of supervisedItems(run.state, nowIso()).filter((p) => kinds.includes(p.kind))) {
    const gate = GATE_OF[item.kind];
    const label = itemLabel(item);
    const withItem = label === undefined ? {} : { item: label };
    announceNewApproval(run, item, gate, withItem);
    if (run.isDue(item.nextReminderAt)) {
      const sequence = item.remindersSent + 1;
      const to =
        item.kind === 'review_signoff'
          ? notify(
              run,
              `reminder:${item.key}`,
              sequence,
              { ids: item.assignees },
              'review_signoff_reminder',
              {
                reviewUrl: run.link(`/streams/${run.state.streamId}/review`),
                dueAt: toEpochMs(item.dueAt),
                reminderNumber: sequence,
              },
            )
          : gate === undefined
            ? []
            : notify(run, `reminder:${item.key}`, sequence, { ids: item.assignees }, 'approval_reminder', {
                gate,
                ...withItem,
                dueAt: toEpochMs(item.dueAt),
                reviewUrl: run.link('/inbox'),
                reminderNumber: sequence,
              });
      run.emit({ type: 'ReminderSent', approvalKey: item.key, to });
    } else if (item.nextReminderAt !== undefined) {
      wakeAt.push(item.nextReminderAt);
    }
    if (!item.escalated && item.escalateTo.length > 0) {
      if (run.isDue(item.dueAt)) {
        const to = notify(run, `escalation:${item.key}`, 1, { ids: item.escalateTo }, 'approval_escalation', {
          gate: gate ?? 'amendment',
          ...withItem,
          dueAt: toEpochMs(item.dueAt),
          reviewUrl: run.link('/inbox'),
          originalApprover: (item.assignees.join(', ') || item.assigneeRole).slice(0, 100),
          waitingSince: toEpochMs(item.since),
        });
        run.emit({ type: 'ApprovalEscalated', approvalKey: item.key, to });
      } else {
        wakeAt.push(item.dueAt);
      }
    }
  }
  return wakeAt;
}

/** The first word to the assignees that something waits for them; reminders follow at the interval. */
function announceNewApproval(
  run: StreamRun,
  item: TPendingItem,
  gate: TGateKind | undefined,
  withItem: { item?: string },
): void {
  const key = `waiting:${item.key}`;
  if (gate === undefined || run.state.approvalNotices[key] !== undefined) return;
  const submitter =
    item.kind === 'script'
      ? run.state.script.revisions.find((r) => r.revision === run.state.script.currentRevision)?.submittedBy
      : run.state.plan.owner;
  const to = notify(run, key, 1, { ids: item.assignees }, 'gate_waiting', {
    gate,
    ...withItem,
    dueAt: toEpochMs(item.dueAt),
    reviewUrl: run.link('/inbox'),
    submittedBy: (submitter ?? run.state.plan.owner).slice(0, 100),
  });
  run.emit({ type: 'ReminderSent', approvalKey: key, to });
}

export function earliest(instants: (string | undefined)[]): string | undefined {
  const defined = instants.filter((i): i is string => i !== undefined);
  if (defined.length === 0) return undefined;
  return defined.reduce((a, b) => (toEpochMs(a) <= toEpochMs(b) ? a : b));
}
