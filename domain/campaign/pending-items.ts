import type { TAppRole } from '../shared/actor.types';
import { addSeconds, isBefore } from '../shared/time';
import { approvalDueAt, signoffDueAt } from './deadlines';
import type { TCampaignState } from './state.types';
import { campaignTeamIds, namedApprovers } from './team';

export const CAMPAIGN_PENDING_KINDS = [
  'plan_approval',
  'plan_revision',
  'blocked',
  'continue_confirmation',
  'review_signoff',
  'review_retry',
] as const;
export type TCampaignPendingKind = (typeof CAMPAIGN_PENDING_KINDS)[number];

/** Decisions with an SLA: reminded at an interval and escalated when overdue. */
export const CAMPAIGN_SUPERVISED_KINDS: readonly TCampaignPendingKind[] = ['plan_approval', 'review_signoff'];

export interface TCampaignPendingItem {
  key: string;
  kind: TCampaignPendingKind;
  subject: { revision?: number; name?: string; reason?: string };
  /** 'manager' (named approvers or any manager) or 'owner' (a rejected plan goes back to its owner). */
  assigneeRole: 'manager' | 'owner';
  assignees: string[];
  /** Nobody is named: anyone with this application role may act. */
  openToRole?: TAppRole;
  escalateTo: string[];
  since: string;
  dueAt: string;
  nextReminderAt?: string;
  remindersSent: number;
  escalated: boolean;
}

type Draft = Omit<TCampaignPendingItem, 'nextReminderAt' | 'remindersSent' | 'escalated'>;

/** Everything that waits on someone in a campaign now; the inbox, reminders and escalations read this one list. */
export function campaignPendingItems(state: TCampaignState, now?: string): TCampaignPendingItem[] {
  const timing = state.plan.timing;
  const managers = campaignTeamIds(state, ['manager'], state.submittedBy);
  const items: TCampaignPendingItem[] = [];
  const add = (item: Draft, reminderIntervalSeconds?: number) => {
    const notices = state.approvalNotices[item.key];
    const next =
      reminderIntervalSeconds === undefined
        ? undefined
        : addSeconds(notices?.lastReminderAt ?? item.since, reminderIntervalSeconds);
    items.push({
      ...item,
      ...(next !== undefined && isBefore(next, item.dueAt) ? { nextReminderAt: next } : {}),
      remindersSent: notices?.reminders ?? 0,
      escalated: notices?.escalatedAt !== undefined,
    });
  };
  const name = state.plan.name;

  if (state.phase === 'approval' && state.approval === undefined) {
    const approvers = namedApprovers(state);
    add(
      {
        key: `plan:r${state.planRevision}`,
        kind: 'plan_approval',
        subject: { revision: state.planRevision, name },
        assigneeRole: 'manager',
        assignees: approvers,
        ...(approvers.length === 0 ? { openToRole: 'manager' as const } : {}),
        escalateTo: managers.filter((id) => !approvers.includes(id)),
        since: state.submittedAt,
        dueAt: approvalDueAt(state, now),
      },
      timing.approvalReminderIntervalSeconds,
    );
  }
  if (state.phase === 'approval' && state.approval?.decision === 'rejected')
    add({
      key: `plan-revision:r${state.planRevision}`,
      kind: 'plan_revision',
      subject: { revision: state.planRevision, name, reason: state.approval.reason },
      assigneeRole: 'owner',
      assignees: [state.plan.owner],
      escalateTo: [],
      since: state.approval.decidedAt,
      dueAt: state.windows.preheatStart,
    });
  if (state.phase === 'blocked')
    add({
      key: 'blocked',
      kind: 'blocked',
      subject: { name, ...(state.blockedReason === undefined ? {} : { reason: state.blockedReason }) },
      assigneeRole: 'manager',
      assignees: managers,
      openToRole: 'manager',
      escalateTo: [],
      since: state.phaseEnteredAt.blocked ?? state.updatedAt,
      dueAt: state.windows.burstStart,
    });
  const confirmation = state.steering.confirmation;
  if (state.phase === 'burst' && confirmation !== undefined)
    add({
      key: `continue:${confirmation.requestedAt}`,
      kind: 'continue_confirmation',
      subject: { name, reason: `ROI ${confirmation.roi.toFixed(2)} < ${confirmation.floor}` },
      assigneeRole: 'manager',
      assignees: campaignTeamIds(state, ['manager']),
      openToRole: 'manager',
      escalateTo: [],
      since: confirmation.requestedAt,
      dueAt: confirmation.dueAt,
    });
  if (state.phase === 'review' && state.review.failedAt !== undefined)
    add({
      key: 'review-retry',
      kind: 'review_retry',
      subject: {
        name,
        ...(state.review.failureReason === undefined ? {} : { reason: state.review.failureReason }),
      },
      assigneeRole: 'manager',
      assignees: campaignTeamIds(state, ['manager']),
      openToRole: 'manager',
      escalateTo: [],
      since: state.review.failedAt,
      dueAt: addSeconds(state.review.failedAt, timing.reviewSignoffSlaSeconds),
    });
  const signoffDue = signoffDueAt(state, now);
  if (state.phase === 'review' && signoffDue !== undefined && state.review.reportedAt !== undefined)
    add(
      {
        key: 'review-signoff',
        kind: 'review_signoff',
        subject: { name },
        assigneeRole: 'manager',
        assignees: campaignTeamIds(state, ['manager']),
        openToRole: 'manager',
        escalateTo: [],
        since: state.review.reportedAt,
        dueAt: signoffDue,
      },
      timing.reviewSignoffReminderIntervalSeconds,
    );
  return items;
}
