import { addSeconds, earlierOf, isBefore } from '../shared/time';
import type { TStreamRole } from './plan.types';
import { rosterIds } from './roster';
import { pausedSeconds, streamDeadlines } from './deadlines';
import type { TStreamState } from './state.types';

export interface TPendingApproval {
  /** Stable key used by reminder and escalation events: script:r3, product:SKU1, checklist, review-signoff. */
  key: string;
  kind: 'script' | 'product' | 'checklist' | 'review_signoff';
  assigneeRole: TStreamRole;
  /** Roster ids that may act; the submitter is left out (no self-approval). */
  assignees: string[];
  /** Who hears about it once it is overdue; never the host. */
  escalateTo: string[];
  since: string;
  dueAt: string;
  /** When the next reminder is due; undefined when no reminder is left before the deadline. */
  nextReminderAt?: string;
  remindersSent: number;
  escalated: boolean;
}

const GATE_PHASES = ['compliance', 'preheat'];

/** What is waiting on whom right now, in a stable order (script, products by lineup order, checklist, review). */
export function pendingApprovals(state: TStreamState, now?: string): TPendingApproval[] {
  const timing = state.plan.timing;
  const plan = state.plan;
  const deadlines = streamDeadlines(state, now);
  const managers = rosterIds(plan, 'manager');
  const pending: TPendingApproval[] = [];

  /** SLA-based due date, pushed back by pauses since the request, never past the gate cutoff when capped. */
  const slaDue = (since: string, slaSeconds: number, cap?: string): string => {
    const due = addSeconds(
      since,
      slaSeconds + pausedSeconds(state, now === undefined ? { since } : { since, now }),
    );
    return cap === undefined ? due : earlierOf(due, cap);
  };
  const add = (
    item: Omit<TPendingApproval, 'nextReminderAt' | 'remindersSent' | 'escalated'>,
    reminderIntervalSeconds: number,
  ): void => {
    const notices = state.approvalNotices[item.key];
    const nextReminderAt = addSeconds(notices?.lastReminderAt ?? item.since, reminderIntervalSeconds);
    pending.push({
      ...item,
      ...(isBefore(nextReminderAt, item.dueAt) ? { nextReminderAt } : {}),
      remindersSent: notices?.reminders ?? 0,
      escalated: notices?.escalatedAt !== undefined,
    });
  };

  if (GATE_PHASES.includes(state.phase)) {
    const current = state.script.revisions.find((r) => r.revision === state.script.currentRevision);
    if (current !== undefined && current.decision === undefined) {
      const since = current.scannedAt ?? current.submittedAt;
      add(
        {
          key: `script:r${current.revision}`,
          kind: 'script',
          assigneeRole: 'reviewer',
          assignees: rosterIds(plan, 'reviewer', current.submittedBy),
          escalateTo: managers,
          since,
          dueAt: slaDue(since, timing.approvalSlaSeconds, deadlines.gateCutoff),
        },
        timing.approvalReminderIntervalSeconds,
      );
    }
    for (const { sku } of plan.products) {
      const product = state.products[sku];
      if (
        product === undefined ||
        product.dropped ||
        product.decision !== undefined ||
        product.checkedAt === undefined
      )
        continue;
      add(
        {
          key: `product:${sku}`,
          kind: 'product',
          assigneeRole: 'reviewer',
          assignees: rosterIds(plan, 'reviewer', plan.owner),
          escalateTo: managers,
          since: product.checkedAt,
          dueAt: slaDue(product.checkedAt, timing.approvalSlaSeconds, deadlines.gateCutoff),
        },
        timing.approvalReminderIntervalSeconds,
      );
    }
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
    pending.push({
      key: 'checklist',
      kind: 'checklist',
      assigneeRole: 'room_operator',
      assignees: rosterIds(plan, 'room_operator'),
      escalateTo: [...new Set([...rosterIds(plan, 'co_host'), ...managers])],
      since: preheatAt,
      dueAt: deadlines.checklistDue,
      ...(nextReminderAt !== undefined && isBefore(nextReminderAt, deadlines.checklistDue)
        ? { nextReminderAt }
        : {}),
      remindersSent: notices?.reminders ?? 0,
      escalated: state.checklist.escalatedAt !== undefined,
    });
  }

  const { reportId, reportedAt, signedOffAt } = state.review;
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
        assigneeRole: 'manager',
        assignees: rosterIds(plan, 'manager', state.review.reportedBy),
        escalateTo: [],
        since: reportedAt,
        dueAt: slaDue(reportedAt, timing.reviewSignoffSlaSeconds),
      },
      timing.reviewSignoffReminderIntervalSeconds,
    );
  }
  return pending;
}
