import { toEpochMs } from '../../../domain/shared/time';
import { pendingApprovals, type TPendingApproval } from '../../../domain/stream/selectors';
import type { TGateKind } from '../../../domain/notify/notify.types';
import { notify } from '../notify';
import type { StreamRun } from '../stream-run';
import { nowIso } from '../workflow-clock';

const GATE_OF: Partial<Record<TPendingApproval['kind'], TGateKind>> = {
  script: 'script_compliance',
  product: 'product_compliance',
};

/**
 * Sends what is due for the pending approvals of kinds `kinds`: repeating reminders to the assignees (they never
 * cancel the task) and, past the SLA, one escalation to the managers. Returns the next instant something is due.
 */
export async function superviseApprovals(
  run: StreamRun,
  kinds: TPendingApproval['kind'][],
): Promise<string[]> {
  const wakeAt: string[] = [];
  for (const item of pendingApprovals(run.state, nowIso()).filter((p) => kinds.includes(p.kind))) {
    const gate = GATE_OF[item.kind];
    await announceNewApproval(run, item, gate);
    if (run.isDue(item.nextReminderAt)) {
      const sequence = item.remindersSent + 1;
      const to =
        item.kind === 'review_signoff'
          ? await notify(
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
            : await notify(
                run,
                `reminder:${item.key}`,
                sequence,
                { ids: item.assignees },
                'approval_reminder',
                {
                  gate,
                  dueAt: toEpochMs(item.dueAt),
                  reviewUrl: run.link(`/approvals`),
                  reminderNumber: sequence,
                },
              );
      run.emit({ type: 'ReminderSent', approvalKey: item.key, to });
    } else if (item.nextReminderAt !== undefined) {
      wakeAt.push(item.nextReminderAt);
    }
    if (!item.escalated && item.escalateTo.length > 0) {
      if (run.isDue(item.dueAt)) {
        const to = await notify(
          run,
          `escalation:${item.key}`,
          1,
          { ids: item.escalateTo },
          'approval_escalation',
          {
            gate: gate ?? 'amendment',
            dueAt: toEpochMs(item.dueAt),
            reviewUrl: run.link(`/approvals`),
            originalApprover: item.assignees.join(', ') || item.assigneeRole,
            waitingSince: toEpochMs(item.since),
          },
        );
        run.emit({ type: 'ApprovalEscalated', approvalKey: item.key, to });
      } else {
        wakeAt.push(item.dueAt);
      }
    }
  }
  return wakeAt;
}

/** The first word to the assignees that something waits for them; reminders follow at the interval. */
async function announceNewApproval(
  run: StreamRun,
  item: TPendingApproval,
  gate: TGateKind | undefined,
): Promise<void> {
  const key = `waiting:${item.key}`;
  if (gate === undefined || run.state.approvalNotices[key] !== undefined) return;
  const submitter =
    item.kind === 'script'
      ? run.state.script.revisions.find((r) => r.revision === run.state.script.currentRevision)?.submittedBy
      : run.state.plan.owner;
  const to = await notify(run, key, 1, { ids: item.assignees }, 'gate_waiting', {
    gate,
    dueAt: toEpochMs(item.dueAt),
    reviewUrl: run.link('/approvals'),
    submittedBy: submitter ?? run.state.plan.owner,
  });
  run.emit({ type: 'ReminderSent', approvalKey: key, to });
}

export function earliest(instants: (string | undefined)[]): string | undefined {
  const defined = instants.filter((i): i is string => i !== undefined);
  if (defined.length === 0) return undefined;
  return defined.reduce((a, b) => (toEpochMs(a) <= toEpochMs(b) ? a : b));
}
