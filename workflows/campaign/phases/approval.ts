import { campaignPendingItems } from '../../../domain/campaign/pending-items';
import { toEpochMs } from '../../../domain/shared/time';
import { nowIso } from '../../engine/clock';
import type { CampaignRun } from '../campaign-run';
import { campaignUrl, notifyCampaign } from '../notify';
import { earliestOf } from './earliest';

/**
 * Waits for a manager to approve the plan's goals and budget: a first word to the approvers, reminders at the
 * interval, one escalation past the SLA; not approved by preheat start, the campaign is blocked (nothing is announced
 * on an unapproved budget). A rejection waits for the owner's revision.
 */
export async function runApproval(run: CampaignRun): Promise<void> {
  while (run.state.phase === 'approval') {
    if (!run.isPaused && run.isDue(run.state.windows.preheatStart)) {
      run.emitIf({
        type: 'CampaignBlocked',
        reason: `the plan was not approved by preheat start ${run.state.windows.preheatStart}`,
      });
      return;
    }
    const wake = supervisePlanApproval(run);
    await run.continueAsNewIfSuggested();
    await run.waitForChange(earliestOf([...wake, run.state.windows.preheatStart]));
  }
}

function supervisePlanApproval(run: CampaignRun): string[] {
  const wakeAt: string[] = [];
  for (const item of campaignPendingItems(run.state, nowIso()).filter((i) => i.kind === 'plan_approval')) {
    const audience = item.assignees.length > 0 ? { ids: item.assignees } : { roles: ['manager' as const] };
    const waitingKey = `waiting:${item.key}`;
    const params = {
      gate: 'campaign_plan' as const,
      item: `${run.state.plan.name} r${run.state.planRevision}`.slice(0, 300),
      dueAt: toEpochMs(item.dueAt),
      reviewUrl: campaignUrl(run),
    };
    if (run.state.approvalNotices[waitingKey] === undefined) {
      const to = notifyCampaign(run, waitingKey, 1, audience, 'gate_waiting', {
        ...params,
        submittedBy: run.state.submittedBy.slice(0, 100),
      });
      run.emit({ type: 'ReminderSent', approvalKey: waitingKey, to });
    }
    if (run.isDue(item.nextReminderAt)) {
      const sequence = item.remindersSent + 1;
      const to = notifyCampaign(run, `reminder:${item.key}`, sequence, audience, 'approval_reminder', {
        ...params,
        reminderNumber: sequence,
      });
      run.emit({ type: 'ReminderSent', approvalKey: item.key, to });
    } else if (item.nextReminderAt !== undefined) wakeAt.push(item.nextReminderAt);
    if (!item.escalated && item.escalateTo.length > 0) {
      if (run.isDue(item.dueAt)) {
        const to = notifyCampaign(
          run,
          `escalation:${item.key}`,
          1,
          { ids: item.escalateTo },
          'approval_escalation',
          {
            ...params,
            originalApprover: (item.assignees.join(', ') || 'manager').slice(0, 100),
            waitingSince: toEpochMs(item.since),
          },
        );
        run.emit({ type: 'ApprovalEscalated', approvalKey: item.key, to });
      } else wakeAt.push(item.dueAt);
    }
  }
  return wakeAt;
}
