import { condition, log, proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../../activities';
import { notificationKey } from '../../domain/notify/notification-key';
import type { TNotificationParamsInput } from '../../domain/notify/notify.types';
import { NotificationOutbox } from '../engine/notification-outbox';

const { resolveReportRecipients } = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  retry: {
    initialInterval: '2 seconds',
    backoffCoefficient: 2,
    maximumInterval: '2 minutes',
    maximumAttempts: 8,
  },
});

/** Delivery retries take about 8 minutes (NOTIFY_RETRY_POLICY); past this a run stops waiting and says so. */
export const DELIVERY_WAIT = '30 minutes';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export type TScheduleProblem = 'schedule_paused' | 'schedule_occurrence_missed';

/**
 * Tells every manager (enabled users with the role, as they are now) and the schedule's creator what went wrong with
 * one occurrence, through the notification outbox: keyed by the schedule, the problem and the occurrence, so a
 * retried or replayed run tells nobody twice. Waits for delivery, as a schedule run has nothing else to do.
 */
export async function tellManagers(
  schedule: { scheduleId: string; createdById: string },
  template: TScheduleProblem,
  params: TNotificationParamsInput[TScheduleProblem],
): Promise<void> {
  const recipients = await resolveReportRecipients({
    roles: ['manager'],
    emails: EMAIL.test(schedule.createdById) ? [schedule.createdById] : [],
  });
  if (recipients.length === 0) return;
  const outbox = new NotificationOutbox((failure) =>
    log.warn('schedule message not delivered', { key: failure.request.key, reason: failure.reason }),
  );
  outbox.enqueue({
    key: notificationKey(schedule.scheduleId, `${template}:${params.occurrence}`, 0),
    // The schedule, not this run: the outbox page lists a schedule's messages together.
    workflowId: schedule.scheduleId,
    template,
    recipients,
    params,
  });
  if (!(await condition(() => outbox.idle, DELIVERY_WAIT)))
    log.warn('schedule message still being delivered at the end of the wait', { template });
}
