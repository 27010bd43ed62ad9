import type { TAppRole } from '../shared/actor.types';
import { addSeconds, earlierOf, isBefore } from '../shared/time';
import { pausedSeconds, streamDeadlines } from './deadlines';
import { phasesMoving } from './pause-policy';
import type { TStreamRole } from './plan.types';
import type { TStreamState } from './state.types';
import { teamIds } from './team';

export const PENDING_ITEM_KINDS = [
  'script',
  'product',
  'script_revision',
  'checklist',
  'blocked',
  'review_signoff',
  'review_retry',
] as const;
export type TPendingItemKind = (typeof PENDING_ITEM_KINDS)[number];

/** Kinds that are decisions with an SLA: reminded at an interval and escalated when overdue. */
export const SUPERVISED_KINDS: readonly TPendingItemKind[] = ['script', 'product', 'review_signoff'];

export interface TPendingItem {
  /** Stable key used by reminder and escalation events: script:r3, product:SKU1, checklist, review-signoff... */
  key: string;
  kind: TPendingItemKind;
  /** What the item is about, for lists that show it without the stream's state. */
  subject: { revision?: number; sku?: string; name?: string; reason?: string };
  /** The roster role that acts, or the plan's owner (a rejected script goes back to its author). */
  assigneeRole: TStreamRole | 'owner';
  /** Roster ids that may act; the submitter is left out (no self-approval). */
  assignees: string[];
  /** Nobody on the roster can take it: anyone with this application role may (a manager for a blocked stream). */
  openToRole?: TAppRole;
  /** Who hears about it once it is overdue; never the host. */
  escalateTo: string[];
  since: string;
  dueAt: string;
  /** When the next reminder is due; undefined when no reminder is left before the deadline. */
  nextReminderAt?: string;
  remindersSent: number;
  escalated: boolean;
}

type Draft = Omit<TPendingItem, 'nextReminderAt' | 'remindersSent' | 'escalated' | 'openToRole'>;

/**
 * Everything that waits on someone right now, in a stable order: the gates (script, products, a rejected script's
 * revision), the checklist, a blocked stream's reschedule-or-cancel, the review sign-off (or its retry). The inbox,
 * the reminders, the escalations and the read model's pending columns all read this one list.
 */
export function pendingItems(state: TStreamState, now?: string): TPendingItem[] {
  const timing = state.plan.timing;
  const plan = state.plan;
  const deadlines = streamDeadlines(state, now);
  const managers = teamIds(state, 'manager');
  const items: TPendingItem[] = [];

  /** SLA-based due date, pushed back by the pauses the policy says move it, never past the cap when there is one. */
  const slaDue = (since: string, slaSeconds: number, moves: 'approval_due' | 'signoff_due', cap?: string) => {
    const phases = phasesMoving(moves);
    const paused = pausedSeconds(state, now === undefined ? { since, phases } : { since, phases, now });
    const due = addSeconds(since, slaSeconds + paused);
    return cap === undefined ? due : earlierOf(due, cap);
  };
  const add = (item: Draft, reminderIntervalSeconds?: number, openToRole?: TAppRole): void => {
    const notices = state.approvalNotices[item.key];
    const nextReminderAt =
      reminderIntervalSeconds === undefined
        ? undefined
        : addSeconds(notices?.lastReminderAt ?? item.since, reminderIntervalSeconds);
    items.push({
      ...item,
      ...(nextReminderAt !== undefined && isBefore(nextReminderAt, item.dueAt) ? { nextReminderAt } : {}),
      ...(openToRole !== undefined && item.assignees.length === 0 ? { openToRole } : {}),
      remindersSent: notices?.reminders ?? 0,
      escalated: notices?.escalatedAt !== undefined,
    });
  };

  if (state.phase === 'compliance' || state.phase === 'blocked') {
    const current = state.script.revisions.find((r) => r.revision === state.script.currentRevision);
    if (current !== undefined && current.decision === undefined) {
      const since = current.scannedAt ?? current.submittedAt;
      add(
        {
          key: `script:r${current.revision}`,
          kind: 'script',
          subject: { revision: current.revision },
          assigneeRole: 'reviewer',
          assignees: teamIds(state, 'reviewer', current.submittedBy),
          escalateTo: managers,
          since,
          dueAt: slaDue(since, timing.approvalSlaSeconds, 'approval_due', deadlines.gateCutoff),
        },
        timing.approvalReminderIntervalSeconds,
        'manager',
      );
    }
    const pitchesDropped = current?.segments.find(
      (s) => s.productSku && state.products[s.productSku]?.dropped,
    );
    if (
      current !== undefined &&
      (current.decision?.decision === 'rejected' || pitchesDropped !== undefined)
    ) {
      // A rejected script waits for its author: the submitter revises (or the plan's owner does). So does one that
      // still pitches a product taken out of the lineup.
      const droppedAt = pitchesDropped?.productSku
        ? state.products[pitchesDropped.productSku]?.droppedAt
        : undefined;
      const decidedAt = current.decision?.decidedAt ?? droppedAt ?? current.submittedAt;
      add({
        key: `revise:r${current.revision}`,
        kind: 'script_revision',
        subject: {
          revision: current.revision,
          reason:
            current.decision?.decision === 'rejected'
              ? current.decision.reasons.join('; ')
              : `segment ${pitchesDropped?.id} pitches dropped product ${pitchesDropped?.productSku}`,
        },
        assigneeRole: 'owner',
        assignees: [...new Set([current.submittedBy, plan.owner])],
        escalateTo: [],
        since: decidedAt,
        dueAt: deadlines.gateCutoff,
      });
    }
    for (const product of plan.products) {
      const status = state.products[product.sku];
      if (
        status === undefined ||
        status.dropped ||
        status.decision !== undefined ||
        status.checkedAt === undefined
      )
        continue;
      add(
        {
          key: `product:${product.sku}`,
          kind: 'product',
          subject: { sku: product.sku, name: product.name },
          assigneeRole: 'reviewer',
          assignees: teamIds(state, 'reviewer', plan.owner),
          escalateTo: managers,
          since: status.checkedAt,
          dueAt: slaDue(status.checkedAt, timing.approvalSlaSeconds, 'approval_due', deadlines.gateCutoff),
        },
        timing.approvalReminderIntervalSeconds,
        'manager',
      );
    }
  }

  if (state.phase === 'blocked') {
    const blockedAt = state.phaseEnteredAt.blocked ?? state.updatedAt;
    add(
      {
        key: 'blocked',
        kind: 'blocked',
        subject: { reason: state.blockedReason ?? '' },
        assigneeRole: 'manager',
        assignees: managers,
        escalateTo: [],
        since: blockedAt,
        // The announced start: after it, rescheduling is the only way on air.
        dueAt: addSeconds(state.schedule.scheduledStart, 0),
      },
      undefined,
      'manager',
    );
  }

  const preheatAt = state.phaseEnteredAt.preheat;
  if (state.phase === 'preheat' && preheatAt !== undefined && state.checklist.signedAt === undefined) {
    const notices = state.approvalNotices['checklist'];
    // Checklist reminders are fixed instants (T-24h, T-1h, T-15m), not an interval.
    const nextReminderAt = deadlines.checklistReminders.find(
      (instant) =>
        !isBefore(instant, preheatAt) &&
        (notices?.lastReminderAt === undefined || isBefore(notices.lastReminderAt, instant)),
    );
    const assignees = teamIds(state, 'room_operator');
    items.push({
      key: 'checklist',
      kind: 'checklist',
      subject: {},
      assigneeRole: 'room_operator',
      assignees,
      ...(assignees.length === 0 ? { openToRole: 'manager' as const } : {}),
      escalateTo: [...new Set([...teamIds(state, 'co_host'), ...managers])],
      since: preheatAt,
      dueAt: deadlines.checklistDue,
      ...(nextReminderAt !== undefined && isBefore(nextReminderAt, deadlines.checklistDue)
        ? { nextReminderAt }
        : {}),
      remindersSent: notices?.reminders ?? 0,
      escalated: state.checklist.escalatedAt !== undefined,
    });
  }

  const { reportId, reportedAt, signedOffAt, failedAt } = state.review;
  if (
    state.phase === 'review' &&
    reportId !== undefined &&
    reportedAt !== undefined &&
    signedOffAt === undefined
  ) {
    add(
      {
        key: 'review-signoff',
        kind: 'review_signoff',
        subject: {},
        assigneeRole: 'manager',
        assignees: teamIds(state, 'manager', state.review.reportedBy),
        escalateTo: [],
        since: reportedAt,
        dueAt: slaDue(reportedAt, timing.reviewSignoffSlaSeconds, 'signoff_due'),
      },
      timing.reviewSignoffReminderIntervalSeconds,
      'manager',
    );
  }
  if (state.phase === 'review' && reportId === undefined && failedAt !== undefined) {
    add(
      {
        key: 'review-retry',
        kind: 'review_retry',
        subject: { reason: state.review.failureReason ?? '' },
        assigneeRole: 'manager',
        assignees: managers,
        escalateTo: [],
        since: failedAt,
        dueAt: slaDue(failedAt, timing.reviewSignoffSlaSeconds, 'signoff_due'),
      },
      undefined,
      'manager',
    );
  }
  return items;
}

/** The items that are decisions under an SLA (reminders and escalations apply). */
export function supervisedItems(state: TStreamState, now?: string): TPendingItem[] {
  return pendingItems(state, now).filter((item) => SUPERVISED_KINDS.includes(item.kind));
}
